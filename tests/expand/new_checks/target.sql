CREATE TABLE customers (id int PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customers,
                     total numeric CHECK (total >= 0));
CREATE TABLE refunds (id int PRIMARY KEY, order_id int NOT NULL REFERENCES orders,
                      amount numeric CHECK (amount > 0));
CREATE TABLE settings (k text PRIMARY KEY, v text NOT NULL, added int NOT NULL DEFAULT 0);
