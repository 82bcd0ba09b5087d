-- Beside tests/kinds/base.sql: one object of each kind it lacks, for
-- every_kind.py.
CREATE SCHEMA ek;
CREATE TABLE ek.orders (id int PRIMARY KEY, note text DEFAULT 'n',
                        serial_no int GENERATED ALWAYS AS IDENTITY, amount numeric CHECK (amount > 0));
CREATE TABLE ek.child () INHERITS (ek.orders);
CREATE TABLE ek.parted (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE ek.parted_2026 PARTITION OF ek.parted FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX orders_note ON ek.orders (note);
CLUSTER ek.orders USING orders_note;
CREATE DOMAIN ek.positive AS int CHECK (VALUE > 0);
CREATE TYPE ek.pair AS (a int, b text);
CREATE TYPE ek.span AS RANGE (subtype = int);
CREATE COLLATION ek.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE FUNCTION ek.add(int, int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 + $2';
CREATE AGGREGATE ek.total(int) (sfunc = ek.add, stype = int, initcond = '0');
CREATE FUNCTION ek.trg() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER orders_trg BEFORE INSERT ON ek.orders FOR EACH ROW EXECUTE FUNCTION ek.trg();
CREATE FUNCTION ek.evt() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';
CREATE EVENT TRIGGER ek_evt ON ddl_command_start EXECUTE FUNCTION ek.evt();
CREATE VIEW ek.orders_v AS SELECT id, note FROM ek.orders;
CREATE MATERIALIZED VIEW ek.totals AS SELECT count(*) AS n FROM ek.orders;
ALTER TABLE ek.orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON ek.orders USING (id > 0);
CREATE PUBLICATION ek_pub FOR TABLE ek.orders;
-- A schema's publication is PostgreSQL 15's.
SELECT current_setting('server_version_num')::int >= 150000 AS has_schema_publications \gset
\if :has_schema_publications
CREATE PUBLICATION ek_schema_pub FOR TABLES IN SCHEMA ek;
\endif
CREATE FOREIGN DATA WRAPPER ek_fdw;
CREATE SERVER ek_srv FOREIGN DATA WRAPPER ek_fdw;
CREATE FOREIGN TABLE ek.remote (id int OPTIONS (column_name 'rid')) SERVER ek_srv;
DO $$BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ek_reader') THEN
        CREATE ROLE ek_reader;
    END IF;
END$$;
CREATE USER MAPPING FOR ek_reader SERVER ek_srv;
GRANT USAGE ON SCHEMA ek TO ek_reader;
GRANT SELECT ON ek.orders TO ek_reader;
GRANT SELECT (note) ON ek.orders_v TO ek_reader;
GRANT EXECUTE ON FUNCTION ek.add(int, int) TO ek_reader;
GRANT USAGE ON TYPE ek.positive TO ek_reader;
GRANT USAGE ON FOREIGN DATA WRAPPER ek_fdw TO ek_reader;
GRANT USAGE ON FOREIGN SERVER ek_srv TO ek_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA ek GRANT SELECT ON TABLES TO ek_reader;
CREATE EXTENSION IF NOT EXISTS citext;
CREATE SEQUENCE ek.seq OWNED BY ek.orders.id;
COMMENT ON COLUMN ek.orders_v.note IS 'a view column';
CREATE ACCESS METHOD ek_am TYPE TABLE HANDLER heap_tableam_handler;
