CREATE TABLE customers (id int PRIMARY KEY, email text);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int, total numeric);
CREATE TABLE settings (k text PRIMARY KEY);
