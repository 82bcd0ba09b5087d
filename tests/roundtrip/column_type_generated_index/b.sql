CREATE TABLE t (id int PRIMARY KEY, a bigint, g bigint GENERATED ALWAYS AS (a * 2) STORED);
CREATE INDEX t_g ON t (g);
CREATE INDEX t_a ON t (a);
