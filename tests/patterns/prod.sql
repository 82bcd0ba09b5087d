-- FROM: production. Beside the differences the patterns leave out, one
-- table (app.orders) and one view differ in what they keep.
CREATE SCHEMA app;
CREATE TABLE app.orders (id int PRIMARY KEY, note text, legacy_code int);
CREATE TABLE app.tmp_import (id int);
CREATE SEQUENCE app.tmp_seq;
CREATE FUNCTION app.debug_dump() RETURNS int LANGUAGE sql AS $$SELECT 1$$;
CREATE VIEW app.report AS SELECT id FROM app.orders;
CREATE TYPE app.mood AS ENUM ('calm');
CREATE SCHEMA scratch;
CREATE TABLE scratch.junk (a int);
CREATE TABLE app."Odd.Name" (a int);
