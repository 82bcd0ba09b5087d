CREATE FUNCTION tax(numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$SELECT $1 * 0.2$$;
CREATE TABLE prices (id int PRIMARY KEY, amount numeric);
CREATE VIEW priced AS SELECT id, amount, tax(amount) AS tax FROM prices;
