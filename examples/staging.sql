-- Staging: where the team has moved on to.
CREATE EXTENSION IF NOT EXISTS citext;

CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'SaaS application data';
CREATE SCHEMA reporting;

CREATE TYPE app.plan_tier AS ENUM ('free', 'pro', 'enterprise');
CREATE TYPE app.invoice_status AS ENUM ('draft', 'sent', 'paid', 'void');

CREATE SEQUENCE app.invoice_number_seq START 1000;

CREATE TABLE app.accounts (
    id bigserial PRIMARY KEY,
    email citext NOT NULL UNIQUE,
    name text NOT NULL,
    plan app.plan_tier NOT NULL DEFAULT 'free',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE app.accounts IS 'One row per paying customer';

CREATE TABLE app.projects (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES app.accounts (id) ON DELETE CASCADE,
    name text NOT NULL,
    archived boolean NOT NULL DEFAULT false,
    CONSTRAINT projects_account_name UNIQUE (account_id, name)
);
CREATE INDEX projects_active ON app.projects (account_id) WHERE NOT archived;

CREATE TABLE app.invoices (
    id serial PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES app.accounts (id),
    number bigint NOT NULL DEFAULT nextval('app.invoice_number_seq'),
    amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
    status app.invoice_status NOT NULL DEFAULT 'draft',
    issued_on date
);
CREATE INDEX invoices_account_id ON app.invoices (account_id) INCLUDE (status);
COMMENT ON COLUMN app.invoices.amount_cents IS 'Total in cents, tax included';

CREATE TABLE app.invoice_lines (
    invoice_id integer NOT NULL REFERENCES app.invoices (id) ON DELETE CASCADE,
    line_no smallint NOT NULL,
    description text NOT NULL,
    amount_cents bigint NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);

CREATE UNLOGGED TABLE reporting.daily_revenue (
    day date PRIMARY KEY,
    revenue_cents bigint NOT NULL
);
