-- Production: what is live today.
CREATE EXTENSION IF NOT EXISTS citext;

CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'SaaS application data';

CREATE TYPE app.plan_tier AS ENUM ('free', 'pro');

CREATE TABLE app.accounts (
    id bigserial PRIMARY KEY,
    email citext NOT NULL UNIQUE,
    name text,
    plan app.plan_tier NOT NULL DEFAULT 'free',
    legacy_flag boolean DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app.projects (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES app.accounts (id),
    name text NOT NULL,
    archived boolean NOT NULL DEFAULT false
);

CREATE TABLE app.invoices (
    id serial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES app.accounts (id),
    amount_cents integer NOT NULL,
    status text NOT NULL DEFAULT 'draft',
    issued_on date
);
CREATE INDEX invoices_account_id ON app.invoices (account_id);
