CREATE TABLE orders (id int PRIMARY KEY);
CREATE TABLE audit_log (id int PRIMARY KEY, msg text);
CREATE INDEX audit_log_msg ON audit_log (msg);
