CREATE TABLE items (id int PRIMARY KEY, code varchar(10), qty bigint, note text);
CREATE VIEW item_codes AS SELECT id, code FROM items;
