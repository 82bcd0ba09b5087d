-- A table's access method changed in place (ALTER TABLE ... SET ACCESS
-- METHOD, PostgreSQL 15 and later).
CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;
CREATE TABLE archived (id int) USING heap2;
CREATE TABLE current (id int);
