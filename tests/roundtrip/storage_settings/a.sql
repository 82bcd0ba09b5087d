-- What pg_dump prints beyond definitions: statistics targets, column
-- options, index column statistics, CLUSTER ON, TOAST options and the
-- access methods (a table's changed in place: table_access_method).
CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;
CREATE TABLE orders (id int PRIMARY KEY, customer text, total numeric, note text);
CREATE INDEX orders_lower ON orders (lower(customer), (total * 2));
CREATE INDEX orders_total ON orders (total);
ALTER TABLE orders ALTER COLUMN customer SET STATISTICS 500;
ALTER TABLE orders ALTER COLUMN total SET (n_distinct = 100);
ALTER INDEX orders_lower ALTER COLUMN 2 SET STATISTICS 50;
ALTER TABLE orders CLUSTER ON orders_total;
ALTER TABLE orders SET (fillfactor = 90);
CREATE TABLE events (id int, payload text) WITH (toast.autovacuum_enabled = false);
CREATE TABLE archived (id int) USING heap2;
CREATE MATERIALIZED VIEW totals AS SELECT customer, sum(total) AS total FROM orders GROUP BY customer;
CREATE INDEX totals_customer ON totals (customer);
