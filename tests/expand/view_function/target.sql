CREATE TABLE prices (id int PRIMARY KEY, amount numeric, tax numeric);
CREATE VIEW priced AS SELECT id, amount, tax FROM prices;
