-- A stand-in for the Supabase platform, for SQL sources under
-- --profile supabase: what a new Supabase project has before its
-- migrations run, so that they (or a `supabase db pull` file) load on a
-- plain PostgreSQL. Written from Supabase's documented schema as of the
-- supabase/postgres 15.8.1 and 17.4.1 images (2025): auth (GoTrue v2.17x),
-- storage (storage-api v1.2x), realtime (v2.3x), database webhooks.
--
-- Everything here is in a schema the profile manages or is a role it
-- manages (src/inspect/profile.c), so the diff leaves it out: it only has
-- to let user SQL load, not to be the platform. Function bodies are
-- stand-ins of the same signature. pgalign runs it as one string (simple
-- query protocol) in each new database, as role postgres, before the
-- user's files; CREATE EXTENSION of an extension the local server lacks
-- is taken out and recorded (src/source/extskip.c), as in the user's files.

-- Roles are shared by the cluster's databases, which may be loading at
-- the same time: each is created unless it exists, and a race is no error.
DO $$
DECLARE
    r text[];
BEGIN
    FOREACH r SLICE 1 IN ARRAY ARRAY[
        ['anon', 'NOLOGIN NOINHERIT'],
        ['authenticated', 'NOLOGIN NOINHERIT'],
        ['service_role', 'NOLOGIN NOINHERIT BYPASSRLS'],
        ['authenticator', 'LOGIN NOINHERIT'],
        ['supabase_admin', 'SUPERUSER LOGIN'],
        ['supabase_auth_admin', 'LOGIN NOINHERIT CREATEROLE'],
        ['supabase_storage_admin', 'LOGIN NOINHERIT CREATEROLE'],
        ['supabase_realtime_admin', 'NOLOGIN NOINHERIT'],
        ['supabase_replication_admin', 'LOGIN REPLICATION'],
        ['supabase_read_only_user', 'LOGIN BYPASSRLS'],
        ['supabase_functions_admin', 'NOLOGIN NOINHERIT CREATEROLE'],
        ['supabase_etl_admin', 'LOGIN REPLICATION'],
        ['dashboard_user', 'NOLOGIN CREATEDB CREATEROLE REPLICATION'],
        ['pgbouncer', 'LOGIN'],
        ['pgsodium_keyiduser', 'NOLOGIN'],
        ['pgsodium_keyholder', 'NOLOGIN'],
        ['pgsodium_keymaker', 'NOLOGIN']
    ] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r[1]) THEN
            BEGIN
                EXECUTE format('CREATE ROLE %I %s', r[1], r[2]);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
                NULL;
            END;
        END IF;
    END LOOP;
END $$;

CREATE SCHEMA auth AUTHORIZATION supabase_admin;
CREATE SCHEMA storage AUTHORIZATION supabase_admin;
CREATE SCHEMA realtime;
CREATE SCHEMA extensions;
CREATE SCHEMA graphql;
CREATE SCHEMA graphql_public;
CREATE SCHEMA vault;
CREATE SCHEMA pgbouncer;
CREATE SCHEMA supabase_functions AUTHORIZATION supabase_admin;

GRANT USAGE ON SCHEMA public, extensions, graphql, graphql_public, storage, realtime
    TO postgres, anon, authenticated, service_role;
GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role, dashboard_user;
GRANT ALL ON SCHEMA auth TO supabase_auth_admin, postgres;
GRANT ALL ON SCHEMA storage TO supabase_storage_admin, postgres;

-- The extensions every new project has.
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_graphql WITH SCHEMA graphql;
CREATE EXTENSION IF NOT EXISTS supabase_vault WITH SCHEMA vault;

-- ---- auth (GoTrue) ----

CREATE TYPE auth.aal_level AS ENUM ('aal1', 'aal2', 'aal3');
CREATE TYPE auth.factor_type AS ENUM ('totp', 'webauthn', 'phone');
CREATE TYPE auth.factor_status AS ENUM ('unverified', 'verified');
CREATE TYPE auth.code_challenge_method AS ENUM ('s256', 'plain');
CREATE TYPE auth.one_time_token_type AS ENUM (
    'confirmation_token', 'reauthentication_token', 'recovery_token',
    'email_change_token_new', 'email_change_token_current', 'phone_change_token');

CREATE TABLE auth.instances (
    id uuid PRIMARY KEY,
    uuid uuid,
    raw_base_config text,
    created_at timestamptz,
    updated_at timestamptz
);

CREATE TABLE auth.users (
    instance_id uuid,
    id uuid NOT NULL PRIMARY KEY,
    aud varchar(255),
    role varchar(255),
    email varchar(255),
    encrypted_password varchar(255),
    email_confirmed_at timestamptz,
    invited_at timestamptz,
    confirmation_token varchar(255),
    confirmation_sent_at timestamptz,
    recovery_token varchar(255),
    recovery_sent_at timestamptz,
    email_change_token_new varchar(255),
    email_change varchar(255),
    email_change_sent_at timestamptz,
    last_sign_in_at timestamptz,
    raw_app_meta_data jsonb,
    raw_user_meta_data jsonb,
    is_super_admin boolean,
    created_at timestamptz,
    updated_at timestamptz,
    phone text UNIQUE DEFAULT NULL,
    phone_confirmed_at timestamptz,
    phone_change text DEFAULT '',
    phone_change_token varchar(255) DEFAULT '',
    phone_change_sent_at timestamptz,
    confirmed_at timestamptz GENERATED ALWAYS AS (LEAST(email_confirmed_at, phone_confirmed_at)) STORED,
    email_change_token_current varchar(255) DEFAULT '',
    email_change_confirm_status smallint DEFAULT 0
        CHECK (email_change_confirm_status >= 0 AND email_change_confirm_status <= 2),
    banned_until timestamptz,
    reauthentication_token varchar(255) DEFAULT '',
    reauthentication_sent_at timestamptz,
    is_sso_user boolean NOT NULL DEFAULT false,
    deleted_at timestamptz,
    is_anonymous boolean NOT NULL DEFAULT false
);
CREATE INDEX users_instance_id_idx ON auth.users (instance_id);
CREATE INDEX users_is_anonymous_idx ON auth.users (is_anonymous);

CREATE TABLE auth.identities (
    provider_id text NOT NULL,
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    identity_data jsonb NOT NULL,
    provider text NOT NULL,
    last_sign_in_at timestamptz,
    created_at timestamptz,
    updated_at timestamptz,
    email text GENERATED ALWAYS AS (lower(identity_data ->> 'email')) STORED,
    id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    UNIQUE (provider_id, provider)
);

CREATE TABLE auth.sessions (
    id uuid NOT NULL PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    created_at timestamptz,
    updated_at timestamptz,
    factor_id uuid,
    aal auth.aal_level,
    not_after timestamptz,
    refreshed_at timestamp,
    user_agent text,
    ip inet,
    tag text
);

CREATE TABLE auth.refresh_tokens (
    instance_id uuid,
    id bigserial PRIMARY KEY,
    token varchar(255) UNIQUE,
    user_id varchar(255),
    revoked boolean,
    created_at timestamptz,
    updated_at timestamptz,
    parent varchar(255),
    session_id uuid REFERENCES auth.sessions (id) ON DELETE CASCADE
);

CREATE TABLE auth.mfa_factors (
    id uuid NOT NULL PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    friendly_name text,
    factor_type auth.factor_type NOT NULL,
    status auth.factor_status NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    secret text,
    phone text,
    last_challenged_at timestamptz UNIQUE
);

CREATE TABLE auth.mfa_challenges (
    id uuid NOT NULL PRIMARY KEY,
    factor_id uuid NOT NULL REFERENCES auth.mfa_factors (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    verified_at timestamptz,
    ip_address inet NOT NULL,
    otp_code text
);

CREATE TABLE auth.mfa_amr_claims (
    session_id uuid NOT NULL REFERENCES auth.sessions (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    authentication_method text NOT NULL,
    id uuid NOT NULL PRIMARY KEY,
    UNIQUE (session_id, authentication_method)
);

CREATE TABLE auth.one_time_tokens (
    id uuid NOT NULL PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    token_type auth.one_time_token_type NOT NULL,
    token_hash text NOT NULL CHECK (char_length(token_hash) > 0),
    relates_to text NOT NULL,
    created_at timestamp NOT NULL DEFAULT now(),
    updated_at timestamp NOT NULL DEFAULT now()
);

CREATE TABLE auth.audit_log_entries (
    instance_id uuid,
    id uuid NOT NULL PRIMARY KEY,
    payload json,
    created_at timestamptz,
    ip_address varchar(64) NOT NULL DEFAULT ''
);

CREATE TABLE auth.flow_state (
    id uuid NOT NULL PRIMARY KEY,
    user_id uuid,
    auth_code text NOT NULL,
    code_challenge_method auth.code_challenge_method NOT NULL,
    code_challenge text NOT NULL,
    provider_type text NOT NULL,
    provider_access_token text,
    provider_refresh_token text,
    created_at timestamptz,
    updated_at timestamptz,
    authentication_method text NOT NULL,
    auth_code_issued_at timestamptz
);

CREATE TABLE auth.schema_migrations (version varchar(255) NOT NULL PRIMARY KEY);

CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid
$$;
CREATE FUNCTION auth.role() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('request.jwt.claim.role', true), ''),
                    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'))::text
$$;
CREATE FUNCTION auth.email() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('request.jwt.claim.email', true), ''),
                    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email'))::text
$$;
CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT coalesce(nullif(current_setting('request.jwt.claim', true), ''),
                    nullif(current_setting('request.jwt.claims', true), ''))::jsonb
$$;

GRANT ALL ON ALL TABLES IN SCHEMA auth TO supabase_auth_admin, dashboard_user, postgres;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA auth TO anon, authenticated, service_role, postgres;

-- ---- storage ----

CREATE TYPE storage.buckettype AS ENUM ('STANDARD', 'ANALYTICS');

CREATE TABLE storage.buckets (
    id text NOT NULL PRIMARY KEY,
    name text NOT NULL,
    owner uuid,
    created_at timestamptz DEFAULT now(),
    updated_at timestamptz DEFAULT now(),
    public boolean DEFAULT false,
    avif_autodetection boolean DEFAULT false,
    file_size_limit bigint,
    allowed_mime_types text[],
    owner_id text,
    type storage.buckettype NOT NULL DEFAULT 'STANDARD'
);
CREATE UNIQUE INDEX bname ON storage.buckets (name);

CREATE TABLE storage.objects (
    id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    bucket_id text REFERENCES storage.buckets (id),
    name text,
    owner uuid,
    created_at timestamptz DEFAULT now(),
    updated_at timestamptz DEFAULT now(),
    last_accessed_at timestamptz DEFAULT now(),
    metadata jsonb,
    path_tokens text[] GENERATED ALWAYS AS (string_to_array(name, '/')) STORED,
    version text,
    owner_id text,
    user_metadata jsonb,
    level integer
);
CREATE UNIQUE INDEX bucketid_objname ON storage.objects (bucket_id, name);
CREATE INDEX name_prefix_search ON storage.objects (name text_pattern_ops);

CREATE TABLE storage.migrations (
    id integer NOT NULL PRIMARY KEY,
    name varchar(100) NOT NULL UNIQUE,
    hash varchar(40) NOT NULL,
    executed_at timestamp DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE storage.s3_multipart_uploads (
    id text NOT NULL PRIMARY KEY,
    in_progress_size bigint NOT NULL DEFAULT 0,
    upload_signature text NOT NULL,
    bucket_id text NOT NULL REFERENCES storage.buckets (id),
    key text COLLATE "C" NOT NULL,
    version text NOT NULL,
    owner_id text,
    created_at timestamptz NOT NULL DEFAULT now(),
    user_metadata jsonb
);

CREATE TABLE storage.s3_multipart_uploads_parts (
    id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
    upload_id text NOT NULL REFERENCES storage.s3_multipart_uploads (id) ON DELETE CASCADE,
    size bigint NOT NULL DEFAULT 0,
    part_number integer NOT NULL,
    bucket_id text NOT NULL REFERENCES storage.buckets (id),
    key text COLLATE "C" NOT NULL,
    etag text NOT NULL,
    owner_id text,
    version text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE storage.buckets ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.migrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.s3_multipart_uploads ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.s3_multipart_uploads_parts ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION storage.foldername(name text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    _parts text[];
BEGIN
    SELECT string_to_array(name, '/') INTO _parts;
    RETURN _parts[1:array_length(_parts, 1) - 1];
END
$$;
CREATE FUNCTION storage.filename(name text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    _parts text[];
BEGIN
    SELECT string_to_array(name, '/') INTO _parts;
    RETURN _parts[array_length(_parts, 1)];
END
$$;
CREATE FUNCTION storage.extension(name text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    _parts text[];
    _filename text;
BEGIN
    SELECT string_to_array(name, '/') INTO _parts;
    SELECT _parts[array_length(_parts, 1)] INTO _filename;
    RETURN reverse(split_part(reverse(_filename), '.', 1));
END
$$;
CREATE FUNCTION storage.get_size_by_bucket() RETURNS TABLE (size bigint, bucket_id text)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY
        SELECT sum((metadata ->> 'size')::int)::bigint AS size, obj.bucket_id
        FROM storage.objects AS obj GROUP BY obj.bucket_id;
END
$$;
CREATE FUNCTION storage.search(prefix text, bucketname text, limits integer DEFAULT 100,
                               levels integer DEFAULT 1, offsets integer DEFAULT 0,
                               search text DEFAULT '', sortcolumn text DEFAULT 'name',
                               sortorder text DEFAULT 'asc')
RETURNS TABLE (name text, id uuid, updated_at timestamptz, created_at timestamptz,
               last_accessed_at timestamptz, metadata jsonb)
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN QUERY
        SELECT o.name, o.id, o.updated_at, o.created_at, o.last_accessed_at, o.metadata
        FROM storage.objects o
        WHERE o.bucket_id = bucketname AND o.name ILIKE prefix || '%'
        LIMIT limits OFFSET offsets;
END
$$;

GRANT ALL ON ALL TABLES IN SCHEMA storage TO supabase_storage_admin, postgres;
GRANT ALL ON storage.buckets, storage.objects TO anon, authenticated, service_role;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA storage TO anon, authenticated, service_role, postgres;

-- ---- realtime ----

CREATE TABLE realtime.schema_migrations (version bigint NOT NULL PRIMARY KEY, inserted_at timestamp(0));

CREATE TABLE realtime.messages (
    topic text NOT NULL,
    extension text NOT NULL,
    payload jsonb,
    event text,
    private boolean DEFAULT false,
    updated_at timestamp NOT NULL DEFAULT now(),
    inserted_at timestamp NOT NULL DEFAULT now(),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    PRIMARY KEY (id, inserted_at)
) PARTITION BY RANGE (inserted_at);
ALTER TABLE realtime.messages ENABLE ROW LEVEL SECURITY;

CREATE FUNCTION realtime.topic() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT nullif(current_setting('realtime.topic', true), '')::text
$$;
CREATE FUNCTION realtime.send(payload jsonb, event text, topic text, private boolean DEFAULT true)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO realtime.messages (payload, event, topic, private, extension)
    VALUES (payload, event, topic, private, 'broadcast');
END
$$;
CREATE FUNCTION realtime.broadcast_changes(topic_name text, event_name text, operation text,
                                           table_name text, table_schema text, new record,
                                           old record, level text DEFAULT 'ROW')
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM realtime.send(jsonb_build_object('operation', operation), event_name, topic_name);
END
$$;

GRANT ALL ON realtime.messages TO postgres, anon, authenticated, service_role;

CREATE PUBLICATION supabase_realtime;

-- ---- database webhooks ----

CREATE FUNCTION supabase_functions.http_request() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEW;
END
$$;

-- ---- vault, when the extension itself cannot be created here ----

DO $outer$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'supabase_vault') THEN
        CREATE TABLE vault.secrets (
            id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
            name text,
            description text NOT NULL DEFAULT '',
            secret text NOT NULL,
            key_id uuid,
            nonce bytea,
            created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
            updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
        );
        CREATE UNIQUE INDEX ON vault.secrets (name) WHERE name IS NOT NULL;
        CREATE VIEW vault.decrypted_secrets AS
            SELECT s.*, s.secret AS decrypted_secret FROM vault.secrets s;
        CREATE FUNCTION vault.create_secret(new_secret text, new_name text DEFAULT NULL,
                                            new_description text DEFAULT '',
                                            new_key_id uuid DEFAULT NULL)
        RETURNS uuid LANGUAGE sql AS $$
            INSERT INTO vault.secrets (secret, name, description)
            VALUES (new_secret, new_name, new_description) RETURNING id
        $$;
        CREATE FUNCTION vault.update_secret(secret_id uuid, new_secret text DEFAULT NULL,
                                            new_name text DEFAULT NULL,
                                            new_description text DEFAULT NULL,
                                            new_key_id uuid DEFAULT NULL)
        RETURNS void LANGUAGE sql AS $$
            UPDATE vault.secrets SET secret = coalesce(new_secret, secret),
                name = coalesce(new_name, name),
                description = coalesce(new_description, description),
                updated_at = CURRENT_TIMESTAMP
            WHERE id = secret_id
        $$;
    END IF;
END
$outer$;

-- ---- pg_cron, which a throwaway cluster cannot load ----
-- cron.job and the functions migrations call, as pg_cron 1.6 has them:
-- the jobs are only recorded (nothing runs them here).

DO $outer$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'pg_cron') THEN
        CREATE SCHEMA cron;
        CREATE TABLE cron.job (
            jobid bigserial PRIMARY KEY,
            schedule text NOT NULL,
            command text NOT NULL,
            nodename text NOT NULL DEFAULT 'localhost',
            nodeport integer NOT NULL DEFAULT 5432,
            database text NOT NULL DEFAULT current_database(),
            username text NOT NULL DEFAULT current_user,
            active boolean NOT NULL DEFAULT true,
            jobname text,
            UNIQUE (jobname, username)
        );
        CREATE FUNCTION cron.schedule(job_name text, schedule text, command text)
        RETURNS bigint LANGUAGE sql AS $$
            INSERT INTO cron.job (jobname, schedule, command) VALUES (job_name, schedule, command)
            ON CONFLICT (jobname, username) DO UPDATE
                SET schedule = excluded.schedule, command = excluded.command
            RETURNING jobid
        $$;
        CREATE FUNCTION cron.schedule(schedule text, command text)
        RETURNS bigint LANGUAGE sql AS $$
            INSERT INTO cron.job (schedule, command) VALUES (schedule, command) RETURNING jobid
        $$;
        CREATE FUNCTION cron.schedule_in_database(job_name text, schedule text, command text,
                                                  database text, username text DEFAULT NULL,
                                                  active boolean DEFAULT true)
        RETURNS bigint LANGUAGE sql AS $$
            INSERT INTO cron.job (jobname, schedule, command, database, username, active)
            VALUES (job_name, schedule, command, database,
                    coalesce(username, current_user), active)
            ON CONFLICT (jobname, username) DO UPDATE
                SET schedule = excluded.schedule, command = excluded.command,
                    database = excluded.database, active = excluded.active
            RETURNING jobid
        $$;
        CREATE FUNCTION cron.alter_job(job_id bigint, schedule text DEFAULT NULL,
                                       command text DEFAULT NULL, database text DEFAULT NULL,
                                       username text DEFAULT NULL, active boolean DEFAULT NULL)
        RETURNS void LANGUAGE sql AS $$
            UPDATE cron.job j SET schedule = coalesce(alter_job.schedule, j.schedule),
                command = coalesce(alter_job.command, j.command),
                database = coalesce(alter_job.database, j.database),
                username = coalesce(alter_job.username, j.username),
                active = coalesce(alter_job.active, j.active)
            WHERE j.jobid = job_id
        $$;
        CREATE FUNCTION cron.unschedule(job_id bigint) RETURNS boolean LANGUAGE sql AS $$
            WITH d AS (DELETE FROM cron.job WHERE jobid = job_id RETURNING 1)
            SELECT EXISTS (SELECT FROM d)
        $$;
        CREATE FUNCTION cron.unschedule(job_name text) RETURNS boolean LANGUAGE sql AS $$
            WITH d AS (DELETE FROM cron.job WHERE jobname = job_name
                       AND username = current_user RETURNING 1)
            SELECT EXISTS (SELECT FROM d)
        $$;
    END IF;
END
$outer$;

-- ---- what the user's objects in public get by default ----

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
    GRANT ALL ON TABLES TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
    GRANT ALL ON SEQUENCES TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
    GRANT ALL ON FUNCTIONS TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA public
    GRANT ALL ON TABLES TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA public
    GRANT ALL ON SEQUENCES TO postgres, anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA public
    GRANT ALL ON FUNCTIONS TO postgres, anon, authenticated, service_role;
