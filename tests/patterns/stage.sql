-- TARGET: staging.
CREATE SCHEMA app;
CREATE TABLE app.orders (id int PRIMARY KEY, note text NOT NULL DEFAULT '',
                         legacy_code2 int, total numeric);
CREATE INDEX orders_note ON app.orders (note);
COMMENT ON COLUMN app.orders.legacy_code2 IS 'kept by another tool';
CREATE TABLE app.tmp_import (id int, extra int);
CREATE TABLE app.tmp_new (id int);
CREATE FUNCTION app.debug_dump() RETURNS int LANGUAGE sql AS $$SELECT 2$$;
CREATE FUNCTION app.debug_dump(int) RETURNS int LANGUAGE sql AS $$SELECT $1$$;
CREATE VIEW app.report AS SELECT id, note FROM app.orders;
CREATE VIEW app.tmp_report AS SELECT id FROM app.tmp_new;
CREATE TYPE app.mood AS ENUM ('calm', 'busy');
CREATE TYPE app.shell_t;
CREATE SCHEMA scratch;
CREATE TABLE scratch.junk (a int, b int);
CREATE TABLE scratch.fresh (a int);
CREATE TABLE app."Odd.Name" (a int, b int);
