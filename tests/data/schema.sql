-- The tables both sides have (target.sql adds a column): reference
-- tables of many types, a key of two columns, a foreign key between two
-- of them and one to the same table, an identity key, a generated column.
CREATE TYPE tier AS ENUM ('free', 'paid');
CREATE DOMAIN price AS numeric(10,2) CHECK (VALUE >= 0);
CREATE TABLE plans (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    tier tier NOT NULL,
    price price,
    ratio float8,
    tags text[],
    limits jsonb,
    raw json,
    logo bytea,
    starts timestamptz,
    period interval,
    ref uuid,
    net inet,
    span int4range,
    active bool DEFAULT true,
    label text GENERATED ALWAYS AS (upper(code)) STORED
);
CREATE TABLE plan_features (
    plan_id int REFERENCES plans,
    feature text,
    quota bigint,
    PRIMARY KEY (plan_id, feature)
);
CREATE TABLE categories (
    id text PRIMARY KEY,
    parent text REFERENCES categories,
    title text
);
CREATE TABLE events (id int, what text);
CREATE VIEW plan_codes AS SELECT code FROM plans;
CREATE TABLE big (id int PRIMARY KEY);
INSERT INTO big SELECT generate_series(1, 50);
-- Not --data tables: a plan's DELETE cascades to the first, and the
-- second's rows would make it fail (the preflight counts both).
CREATE TABLE subscriptions (id int PRIMARY KEY, plan_id int REFERENCES plans ON DELETE CASCADE);
CREATE TABLE invoices (id int PRIMARY KEY, plan_id int REFERENCES plans ON DELETE SET NULL);
