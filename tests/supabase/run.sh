#!/usr/bin/env bash
# The Supabase profile on a Supabase-like pair (common.sql + a.sql is
# production, common.sql + b.sql staging): with --profile supabase the plan
# touches only the user's objects (and a user's trigger on auth.users),
# keeps grants by grantee, starts new tables from the default privileges,
# applies, and re-diffs empty, in both directions; without the profile the
# managed schemas show up.
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir supabase
SUITE=supabase
out=$work/out err=$work/err
managed_roles='supabase_admin|supabase_auth_admin|supabase_storage_admin|authenticator|dashboard_user'

load_pair() {   # from-file target-file
    fresh_db sb_from && fresh_db sb_target &&
        load_sql sb_from "$here/common.sql" && load_sql sb_from "$1" &&
        load_sql sb_target "$here/common.sql" && load_sql sb_target "$2"
}
has() { grep -qF -- "$2" "$1"; }
user_dump() {   # the dump without the managed schemas and grants to managed roles
    pg_dump --schema-only --no-owner -N auth -N storage -N realtime -N extensions -d "$1" \
        | grep -v -E "$managed_roles|SESSION AUTHORIZATION" \
        | grep -v -e '^--' -e '^SET ' -e '^SELECT pg_catalog.set_config' \
                  -e '^\\restrict' -e '^\\unrestrict' -e '^[[:space:]]*$' \
        | sed -e 's/,$//' | LC_ALL=C sort
}
profile=(--profile supabase --with-privileges)

roundtrip() {   # label from target
    local label=$1
    if ! load_pair "$2" "$3" 2>"$err"; then fail "$SUITE/$label-load" "fixture does not load" "$err"; return; fi
    expect "$label-plan" 2 "$PGALIGN" "${profile[@]}" --unsafe dbname=sb_from dbname=sb_target || return
    cp "$out" "$work/$label.sql"
    for managed in storage. ' realtime.' s3_multipart buckets_name authenticator supabase_admin \
                   objects_touch 'TABLE auth.' 'COLUMN auth.' 'TO dashboard_user'; do
        check "$label-leaves-$managed-alone" lacks "$work/$label.sql" "$managed"
    done
    if ! psql -X -q -1 -v ON_ERROR_STOP=1 -d sb_from -f "$work/$label.sql" >/dev/null 2>"$err"; then
        fail "$SUITE/$label-applies" "plan does not apply" "$err"; return
    fi
    pass "$SUITE/$label-applies"
    expect "$label-rediff-empty" 0 "$PGALIGN" "${profile[@]}" --unsafe dbname=sb_from dbname=sb_target &&
        check "$label-rediff-no-output" [ ! -s "$out" ]
    # pg_dump refuses a newer server: there, TARGET rebuilt on a fresh
    # Supabase-like database must re-diff empty instead.
    if ! pg_dump_usable; then
        fresh_db sb_rebuild && load_sql sb_rebuild "$here/common.sql" 2>"$err" &&
            "$PGALIGN" "${profile[@]}" --unsafe dbname=sb_rebuild dbname=sb_target >"$work/$label.rebuild.sql" 2>"$err"
        if psql -X -q -1 -v ON_ERROR_STOP=1 -d sb_rebuild -f "$work/$label.rebuild.sql" >/dev/null 2>"$err"; then
            expect "$label-rebuilt-target-equal" 0 "$PGALIGN" "${profile[@]}" --unsafe dbname=sb_rebuild dbname=sb_target
        else
            fail "$SUITE/$label-rebuilt-applies" "the rebuild does not apply" "$err"
        fi
        return
    fi
    user_dump sb_from > "$work/$label.from.dump"
    user_dump sb_target > "$work/$label.target.dump"
    diff -u "$work/$label.target.dump" "$work/$label.from.dump" > "$work/$label.dumpdiff"
    check "$label-user-schemas-equal" [ ! -s "$work/$label.dumpdiff" ]
}

roundtrip forward "$here/a.sql" "$here/b.sql"
plan=$work/forward.sql
check trigger-on-auth-users has "$plan" "CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users"
check realtime-membership has "$plan" "ALTER PUBLICATION supabase_realtime ADD TABLE ONLY public.todos"
check policy-with-auth-uid has "$plan" 'CREATE POLICY "Users update their own profile" ON public.profiles'
check new-schema-usage has "$plan" "GRANT USAGE ON SCHEMA billing TO authenticated"
check column-privilege has "$plan" "GRANT UPDATE (avatar_url) ON TABLE public.profiles TO authenticated"
check extension-in-extensions has "$plan" 'CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA extensions'
check revoke-on-new-table has "$plan" "ON TABLE public.audit_log FROM anon"
check no-redundant-grants lacks "$plan" "TO service_role"
roundtrip backward "$here/b.sql" "$here/a.sql"

# Without the profile the managed schemas are part of the diff.
load_pair "$here/a.sql" "$here/b.sql" 2>/dev/null
expect without-profile 2 "$PGALIGN" --unsafe dbname=sb_from dbname=sb_target &&
    check without-profile-shows-storage has "$out" "CREATE TABLE storage.s3_multipart_uploads"
# --schema refines the profile: a managed schema named explicitly is compared.
expect schema-refines-profile 2 "$PGALIGN" --profile supabase --schema storage --unsafe dbname=sb_from dbname=sb_target &&
    check schema-refines-shows-storage has "$out" "CREATE TABLE storage.s3_multipart_uploads" &&
    check schema-refines-only-storage lacks "$out" "public."
expect exclude-refines-profile 2 "$PGALIGN" --profile supabase --exclude-schema billing --unsafe dbname=sb_from dbname=sb_target &&
    check exclude-refines-no-billing lacks "$out" "billing"

# ---- The project's own files against production (--profile supabase):
# the migrations directory and the `db pull` file load on pgalign's
# stand-in for the platform, the plan applies to a Supabase-like
# production, and check then exits 0; and the other way round.
project=$here/project
prod_db() {
    fresh_db sb_prod && load_sql sb_prod "$here/common.sql" &&
        load_sql sb_prod "$project/production.sql"
}
stage_db() {    # staging: production's schema, for platform rows to differ on
    fresh_db sb_stage && load_sql sb_stage "$here/common.sql" &&
        load_sql sb_stage "$project/production.sql"
}
# The project's migrations and one more file: migrations_plus DIR <<SQL
migrations_plus() {
    mkdir -p "$1" && cp "$project"/migrations/*.sql "$1/" && cat >"$1/20240601000000_more.sql"
}
stand_in_stays_out() {   # label plan
    for platform in 'auth.users (' 'CREATE TABLE storage' 'CREATE SCHEMA auth' supabase_admin \
                    pg_graphql supabase_vault pgsodium 'CREATE PUBLICATION'; do
        check "$1-no-stand-in-$platform" lacks "$2" "$platform"
    done
}
files_to_production() {   # label source
    local label=$1 source=$2
    if ! prod_db 2>"$err"; then fail "$SUITE/$label-load" "production does not load" "$err"; return; fi
    expect "$label-plan" 2 "$PGALIGN" --profile supabase --with-privileges --unsafe \
        dbname=sb_prod "$source" || return
    cp "$out" "$work/$label.sql"
    cp "$err" "$work/$label.err"
    stand_in_stays_out "$label" "$work/$label.sql"
    check "$label-keeps-platform-extensions" lacks "$work/$label.sql" "DROP EXTENSION"
    check "$label-drops-dashboard-table" has "$work/$label.sql" "DROP TABLE public.legacy_notes"
    check "$label-adds-column" has "$work/$label.sql" "ALTER TABLE public.profiles ADD COLUMN website text"
    if ! psql -X -q -1 -v ON_ERROR_STOP=1 -d sb_prod -f "$work/$label.sql" >/dev/null 2>"$err"; then
        fail "$SUITE/$label-applies" "plan does not apply" "$err"; return
    fi
    pass "$SUITE/$label-applies"
    expect "$label-check" 0 "$PGALIGN" check --profile supabase --with-privileges dbname=sb_prod "$source"
    expect "$label-check-without-privileges" 0 "$PGALIGN" check --profile supabase dbname=sb_prod "$source"
}

files_to_production migrations "$project/migrations"
plan=$work/migrations.sql
check migrations-storage-policy has "$plan" 'CREATE POLICY "Users upload into their own folder." ON storage.objects'
check migrations-changed-storage-policy has "$plan" "USING ((bucket_id = 'avatars'::text))"
check migrations-realtime-policy has "$plan" 'CREATE POLICY "Authenticated users receive broadcasts" ON realtime.messages'
check migrations-webhook has "$plan" "EXECUTE FUNCTION supabase_functions.http_request('https://example.supabase.co"
check migrations-auth-trigger-function has "$plan" "raw_user_meta_data->>'full_name'"
check migrations-no-warning lacks "$work/migrations.err" "recorded but not created"

files_to_production db-pull "$project/remote_schema.sql"
check db-pull-warns-pgsodium has "$work/db-pull.err" "recorded but not created: pgsodium (schema pgsodium)"
# A db pull file has nothing of auth: the user's trigger there goes (docs/supabase.md).
check db-pull-has-no-auth-trigger has "$work/db-pull.sql" "DROP TRIGGER on_auth_user_created ON auth.users"

# The other way: what production has that the migrations lack, as a plan
# for a database built from the migrations (the start of a new migration).
load_migrations() {   # database
    local f
    for f in "$project"/migrations/*.sql; do load_sql "$1" "$f" || return 1; done
}
if prod_db 2>"$err" && fresh_db sb_built && load_sql sb_built "$here/common.sql" 2>"$err" &&
    load_migrations sb_built 2>"$err"; then
    expect reverse-plan 2 "$PGALIGN" --profile supabase --with-privileges --unsafe \
        "$project/migrations" dbname=sb_prod &&
        check reverse-creates-dashboard-table has "$out" "CREATE TABLE public.legacy_notes" &&
        stand_in_stays_out reverse "$out" &&
        if psql -X -q -1 -v ON_ERROR_STOP=1 -d sb_built -f "$out" >/dev/null 2>"$err"; then
            pass "$SUITE/reverse-applies"
            expect reverse-check 0 "$PGALIGN" check --profile supabase --with-privileges \
                dbname=sb_built dbname=sb_prod
        else
            fail "$SUITE/reverse-applies" "plan does not apply" "$err"
        fi
else
    fail "$SUITE/reverse-load" "the migrations do not load on a Supabase-like database" "$err"
fi

# sync rehearses on a copy of production built on the stand-in.
prod_db 2>/dev/null
expect sync-migrations 0 "$PGALIGN" sync -v --yes --profile supabase --with-privileges --unsafe \
    dbname=sb_prod "$project/migrations" &&
    check sync-rehearsed has "$err" "rehearsal: the plan ran on a copy of FROM's schema" &&
    check sync-verified has "$err" "verified: FROM is now in sync with TARGET"
expect sync-then-check 0 "$PGALIGN" check --profile supabase dbname=sb_prod "$project/migrations"

# An extension this machine lacks (pg_net on the platform) is recorded: in
# the plan, and said once on stderr.
mkdir -p "$work/net" && cp "$project"/migrations/*.sql "$work/net/" &&
    printf 'create extension if not exists pg_net with schema extensions;\ncomment on extension pg_net is %s;\n' \
        "'async HTTP'" > "$work/net/20240501000000_net.sql"
expect missing-extension-plan 2 "$PGALIGN" --profile supabase --unsafe dbname=sb_prod "$work/net" &&
    check missing-extension-created has "$out" "CREATE EXTENSION IF NOT EXISTS pg_net WITH SCHEMA extensions" &&
    check missing-extension-warned has "$err" "recorded but not created: pg_net (schema extensions)" &&
    check missing-extension-only-that lacks "$out" "CREATE POLICY"

# Supabase Wrappers on a machine without the extension: the handler and
# validator a migration's wrapper names (unqualified, found through the
# project's search path) stand in, in the extensions schema the profile
# leaves out; the wrapper, its server (its secret a note) and foreign
# table are planned as production would have them.
migrations_plus "$work/wrappers" <<'SQL'
create extension if not exists wrappers with schema extensions;
create foreign data wrapper stripe_wrapper
  handler stripe_fdw_handler
  validator stripe_fdw_validator;
create server stripe_server foreign data wrapper stripe_wrapper
  options (api_url 'https://api.stripe.com/v1/', api_key_id 'S3cretKeyId');
create schema stripe;
create foreign table stripe.customers (id text, email text, created timestamp, attrs jsonb)
  server stripe_server options (object 'customers', rowid_column 'id');
SQL
expect wrappers-plan 2 "$PGALIGN" --profile supabase --unsafe dbname=sb_prod "$work/wrappers" &&
    check wrappers-extension has "$out" "CREATE EXTENSION IF NOT EXISTS wrappers WITH SCHEMA extensions" &&
    check wrappers-wrapper has "$out" \
        "CREATE FOREIGN DATA WRAPPER stripe_wrapper HANDLER extensions.stripe_fdw_handler VALIDATOR extensions.stripe_fdw_validator" &&
    check wrappers-server has "$out" \
        "CREATE SERVER stripe_server FOREIGN DATA WRAPPER stripe_wrapper OPTIONS (api_url 'https://api.stripe.com/v1/')" &&
    check wrappers-secret-note has "$out" "ALTER SERVER stripe_server OPTIONS (ADD api_key_id '<api_key_id>')" &&
    check wrappers-table has "$out" "CREATE FOREIGN TABLE stripe.customers" &&
    check wrappers-no-standin lacks "$out" "postgres_fdw" &&
    check wrappers-no-secret lacks "$out" "S3cret"
expect wrappers-same 0 "$PGALIGN" check --profile supabase "$work/wrappers" "$work/wrappers"
# The extension's functions stand in only where the profile leaves them out.
mkdir -p "$work/wrappers-public" && cp "$work/wrappers"/*.sql "$work/wrappers-public/" &&
    sed -i 's/create extension if not exists wrappers with schema extensions;/create extension if not exists wrappers;/' \
        "$work/wrappers-public/20240601000000_more.sql"
expect wrappers-public 1 "$PGALIGN" --profile supabase dbname=sb_prod "$work/wrappers-public" &&
    check wrappers-public-says has "$err" "stands in for its functions only in a schema the profile manages"

# A production with Wrappers (made by hand here: the handler and
# validator in the extensions schema, as the extension has them) and a
# staging that adds a foreign table: sync's rehearsal builds the copy of
# production with the stand-in, and the plan applies and verifies.
wrappers_db() {   # database
    psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c "
        create function extensions.stripe_fdw_handler() returns fdw_handler language c
            as '\$libdir/postgres_fdw', 'postgres_fdw_handler';
        create function extensions.stripe_fdw_validator(text[], oid) returns boolean
            language sql as 'select true';
        create foreign data wrapper stripe_wrapper handler extensions.stripe_fdw_handler
            validator extensions.stripe_fdw_validator;
        create server stripe_server foreign data wrapper stripe_wrapper options (api_url 'u')"
}
if prod_db 2>"$err" && wrappers_db sb_prod 2>>"$err" &&
    stage_db && wrappers_db sb_stage 2>>"$err" &&
    psql -X -q -d sb_stage -c "create foreign table public.charges (id text, amount int)
        server stripe_server options (object 'charges')" 2>>"$err"; then
    expect wrappers-sync 0 "$PGALIGN" sync -v --yes --profile supabase dbname=sb_prod dbname=sb_stage &&
        check wrappers-sync-rehearsed has "$err" "rehearsal: the plan ran on a copy of FROM's schema" &&
        check wrappers-sync-verified has "$err" "verified: FROM is now in sync with TARGET"
else
    fail "$SUITE/wrappers-sync-load" "fixture does not load" "$err"
fi

# Storage buckets are rows the project needs: a new one is an INSERT, a
# changed one an UPDATE, one production alone has a DELETE (--unsafe),
# except while it holds objects: the plan leaves that one and says so,
# and check still reports it. storage.objects is never touched.
buckets_pair() {
    prod_db 2>/dev/null && stage_db &&
        psql -X -q -v ON_ERROR_STOP=1 -d sb_prod -c "
            insert into storage.buckets (id, name, public) values
                ('same', 'same', true), ('flip', 'flip', false), ('gone', 'gone', false),
                ('full', 'full', true);
            insert into storage.objects (id, bucket_id, name)
                values (gen_random_uuid(), 'full', 'a.png'), (gen_random_uuid(), 'full', 'b.png')" &&
        psql -X -q -v ON_ERROR_STOP=1 -d sb_stage -c "
            insert into storage.buckets (id, name, public) values
                ('same', 'same', true), ('flip', 'flip', true), ('it''s new', 'it''s new', false)"
}
if buckets_pair 2>"$err"; then
    expect buckets-unsafe 3 "$PGALIGN" --profile supabase dbname=sb_prod dbname=sb_stage
    expect buckets-check 3 "$PGALIGN" check --profile supabase dbname=sb_prod dbname=sb_stage
    expect buckets-plan 2 "$PGALIGN" --profile supabase --unsafe dbname=sb_prod dbname=sb_stage &&
        check buckets-insert has "$out" "INSERT INTO storage.buckets (id, name, public) VALUES ('it''s new', 'it''s new', false);" &&
        check buckets-update has "$out" "UPDATE storage.buckets SET public = true WHERE id = 'flip';" &&
        check buckets-delete has "$out" "DELETE FROM storage.buckets WHERE id = 'gone';" &&
        check buckets-keeps-full lacks "$out" "WHERE id = 'full'" &&
        check buckets-full-noted has "$out" "--   bucket full holds 2 objects: not deleted" &&
        check buckets-full-warned has "$err" "bucket full holds 2 objects" &&
        check buckets-objects-untouched lacks "$out" "storage.objects"
    cp "$out" "$work/buckets.sql"
    expect buckets-reverse 2 "$PGALIGN" --profile supabase --unsafe dbname=sb_stage dbname=sb_prod &&
        check buckets-reverse-inserts has "$out" \
            "INSERT INTO storage.buckets (id, name, public) VALUES ('full', 'full', true);" &&
        check buckets-reverse-deletes has "$out" "DELETE FROM storage.buckets WHERE id = 'it''s new';"
    if psql -X -q -1 -v ON_ERROR_STOP=1 -d sb_prod -f "$work/buckets.sql" >/dev/null 2>"$err"; then
        pass "$SUITE/buckets-applies"
        expect buckets-still-full 2 "$PGALIGN" check --profile supabase dbname=sb_prod dbname=sb_stage
        psql -X -q -d sb_prod -c "delete from storage.objects where bucket_id = 'full'"
        expect buckets-empty-then-unsafe 3 "$PGALIGN" check --profile supabase dbname=sb_prod dbname=sb_stage
        "$PGALIGN" --profile supabase --unsafe dbname=sb_prod dbname=sb_stage 2>/dev/null |
            psql -X -q -1 -v ON_ERROR_STOP=1 -d sb_prod >/dev/null 2>"$err"
        expect buckets-in-sync 0 "$PGALIGN" check --profile supabase dbname=sb_prod dbname=sb_stage
    else
        fail "$SUITE/buckets-applies" "plan does not apply" "$err"
    fi
    # Without the profile buckets are not read at all.
    psql -X -q -d sb_stage -c "update storage.buckets set public = false where id = 'flip'"
    expect buckets-without-profile 0 "$PGALIGN" check dbname=sb_prod dbname=sb_stage
    # A column one platform has and the other lacks is not compared; one
    # both have is.
    psql -X -q -d sb_stage -c "update storage.buckets set public = true where id = 'flip';
        alter table storage.buckets add column file_size_limit bigint;
        update storage.buckets set file_size_limit = 1024 where id = 'same'"
    expect buckets-column-one-side 0 "$PGALIGN" check --profile supabase dbname=sb_prod dbname=sb_stage
    psql -X -q -d sb_prod -c "alter table storage.buckets add column file_size_limit bigint"
    expect buckets-column-both 2 "$PGALIGN" --profile supabase dbname=sb_prod dbname=sb_stage &&
        check buckets-column-update has "$out" "UPDATE storage.buckets SET file_size_limit = 1024 WHERE id = 'same';"
else
    fail "$SUITE/buckets-load" "fixture does not load" "$err"
fi
# The migrations' bucket (an INSERT in a file) is one production lacks.
prod_db 2>/dev/null
expect buckets-from-migrations 2 "$PGALIGN" --profile supabase --unsafe dbname=sb_prod "$project/migrations" &&
    check buckets-from-migrations-insert has "$out" \
        "INSERT INTO storage.buckets (id, name, public) VALUES ('avatars', 'avatars', true);"

# Vault secrets by name and description only: one only staging has is a
# note with the statement to run by hand (never its value), a changed
# description goes through vault.update_secret, one only production has
# is deleted with --unsafe; check is green once a secret of that name
# exists, whatever its value.
vault_db() {   # database: a Vault of the extension's shape
    psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c "
        create schema if not exists vault;
        create table vault.secrets (id uuid primary key default gen_random_uuid(), name text,
            description text not null default '', secret text not null);
        create unique index on vault.secrets (name) where name is not null;
        create function vault.create_secret(new_secret text, new_name text default null,
            new_description text default '') returns uuid language sql as
            \$\$ insert into vault.secrets (secret, name, description)
               values (new_secret, new_name, new_description) returning id \$\$;
        create function vault.update_secret(secret_id uuid, new_secret text default null,
            new_name text default null, new_description text default null) returns void
            language sql as \$\$ update vault.secrets set secret = coalesce(new_secret, secret),
               name = coalesce(new_name, name), description = coalesce(new_description, description)
               where id = secret_id \$\$"
}
if prod_db 2>"$err" && vault_db sb_prod 2>>"$err" &&
    stage_db && vault_db sb_stage 2>>"$err" &&
    psql -X -q -v ON_ERROR_STOP=1 -d sb_prod -c "
        select vault.create_secret('S3cretSame', 'same', 'old');
        select vault.create_secret('S3cretGone', 'gone');
        select vault.create_secret('S3cretNoName')" 2>>"$err" >/dev/null &&
    psql -X -q -v ON_ERROR_STOP=1 -d sb_stage -c "
        select vault.create_secret('S3cretOther', 'same', 'new');
        select vault.create_secret('S3cretStripe', 'stripe_key', 'Stripe''s API key')" \
        2>>"$err" >/dev/null; then
    expect vault-unsafe 3 "$PGALIGN" --profile supabase dbname=sb_prod dbname=sb_stage
    expect vault-plan 2 "$PGALIGN" --profile supabase --unsafe dbname=sb_prod dbname=sb_stage &&
        check vault-note has "$out" \
            "--   create the Vault secret stripe_key by hand (pgalign never reads secrets): select vault.create_secret('<value>', 'stripe_key', 'Stripe''s API key')" &&
        check vault-warned has "$err" "create the Vault secret stripe_key by hand" &&
        check vault-description has "$out" \
            "SELECT vault.update_secret(s.id, new_description => 'new') FROM vault.secrets s WHERE s.name = 'same';" &&
        check vault-delete has "$out" "DELETE FROM vault.secrets WHERE name = 'gone';"
    cp "$out" "$work/vault.sql"
    expect vault-reverse 2 "$PGALIGN" --profile supabase --unsafe dbname=sb_stage dbname=sb_prod &&
        check vault-reverse-note has "$out" "select vault.create_secret('<value>', 'gone', '')" &&
        check vault-reverse-delete has "$out" "DELETE FROM vault.secrets WHERE name = 'stripe_key';" &&
        check vault-reverse-description has "$out" "new_description => 'old'"
    {
        "$PGALIGN" -v --profile supabase --unsafe dbname=sb_prod dbname=sb_stage
        "$PGALIGN" --format json --profile supabase --unsafe dbname=sb_prod dbname=sb_stage
        "$PGALIGN" check -v --format json --profile supabase dbname=sb_prod dbname=sb_stage
        "$PGALIGN" snapshot --profile supabase dbname=sb_stage
    } >"$work/vault-all" 2>&1
    check vault-values-never-printed lacks "$work/vault-all" "S3cret"
    check vault-outputs-there has "$work/vault-all" "stripe_key"
    if psql -X -q -1 -v ON_ERROR_STOP=1 -d sb_prod -f "$work/vault.sql" >/dev/null 2>"$err"; then
        pass "$SUITE/vault-applies"
        expect vault-missing-is-drift 2 "$PGALIGN" check --profile supabase dbname=sb_prod dbname=sb_stage
        psql -X -q -d sb_prod -c "select vault.create_secret('another value', 'stripe_key', 'Stripe''s API key')" >/dev/null
        expect vault-in-sync 0 "$PGALIGN" check --profile supabase dbname=sb_prod dbname=sb_stage
    else
        fail "$SUITE/vault-applies" "plan does not apply" "$err"
    fi
else
    fail "$SUITE/vault-load" "fixture does not load" "$err"
fi
# A migration that creates a secret: the stand-in's Vault holds its name.
prod_db 2>/dev/null && vault_db sb_prod 2>/dev/null
printf "select vault.create_secret('S3cretFile', 'webhook_token', 'for the webhook');\n" |
    migrations_plus "$work/vault-files"
expect vault-from-migrations 2 "$PGALIGN" --profile supabase --unsafe dbname=sb_prod "$work/vault-files" &&
    check vault-from-migrations-note has "$out" "select vault.create_secret('<value>', 'webhook_token', 'for the webhook')" &&
    check vault-from-migrations-no-value lacks "$out" "S3cretFile"

# pg_cron jobs by name: a changed schedule is cron.alter_job, a new job
# cron.schedule (then alter_job for what that does not set), one only
# production has cron.unschedule (--unsafe); a job without a name is
# named by the census, never planned. (cron.job of pg_cron's shape here:
# the throwaway cluster cannot load pg_cron itself.)
cron_db() {   # database
    psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c "
        create schema cron;
        create table cron.job (jobid bigserial primary key, schedule text not null,
            command text not null, nodename text not null default 'localhost',
            nodeport int not null default 5432, database text not null default current_database(),
            username text not null default current_user, active boolean not null default true,
            jobname text, unique (jobname, username));
        create function cron.schedule(job_name text, schedule text, command text) returns bigint
            language sql as \$\$ insert into cron.job (jobname, schedule, command)
            values (job_name, schedule, command) returning jobid \$\$;
        create function cron.alter_job(job_id bigint, schedule text default null,
            command text default null, database text default null, username text default null,
            active boolean default null) returns void language sql as \$\$
            update cron.job j set schedule = coalesce(alter_job.schedule, j.schedule),
                command = coalesce(alter_job.command, j.command),
                active = coalesce(alter_job.active, j.active) where j.jobid = job_id \$\$;
        create function cron.unschedule(job_name text) returns boolean language sql as
            \$\$ delete from cron.job where jobname = job_name returning true \$\$"
}
if prod_db 2>"$err" && cron_db sb_prod 2>>"$err" &&
    stage_db && cron_db sb_stage 2>>"$err" &&
    psql -X -q -v ON_ERROR_STOP=1 -d sb_prod -c "
        insert into cron.job (jobname, schedule, command) values
            ('nightly', '0 3 * * *', 'select 1'), ('gone', '@daily', 'select 3'),
            (null, '@hourly', 'select 4')" 2>>"$err" &&
    psql -X -q -v ON_ERROR_STOP=1 -d sb_stage -c "
        insert into cron.job (jobname, schedule, command, active) values
            ('nightly', '0 4 * * *', 'select 1', true), ('it''s new', '*/5 * * * *',
             \$\$delete from t where at < now() - interval '1 day'\$\$, false),
            (null, '@hourly', 'select 4', true)" 2>>"$err"; then
    expect cron-unsafe 3 "$PGALIGN" --profile supabase dbname=sb_prod dbname=sb_stage
    expect cron-plan 2 "$PGALIGN" --profile supabase --unsafe dbname=sb_prod dbname=sb_stage &&
        check cron-alter has "$out" \
            "SELECT cron.alter_job((SELECT j.jobid FROM cron.job j WHERE j.jobname = 'nightly' AND j.username = current_user), schedule := '0 4 * * *');" &&
        check cron-schedule has "$out" \
            "SELECT cron.schedule('it''s new', '*/5 * * * *', 'delete from t where at < now() - interval ''1 day''');" &&
        check cron-inactive has "$out" "j.jobname = 'it''s new' AND j.username = current_user), active := false);" &&
        check cron-unschedule has "$out" "SELECT cron.unschedule('gone');" &&
        check cron-unnamed-not-planned lacks "$out" "select 4" &&
        check cron-unnamed-named has "$err" \
            "not compared: cron job without a name '@hourly' 'select 4' (both sides, same)"
    if psql -X -q -1 -v ON_ERROR_STOP=1 -d sb_prod -f "$out" >/dev/null 2>"$err"; then
        pass "$SUITE/cron-applies"
        expect cron-in-sync 0 "$PGALIGN" check --profile supabase dbname=sb_prod dbname=sb_stage
    else
        fail "$SUITE/cron-applies" "plan does not apply" "$err"
    fi
    psql -X -q -d sb_stage -c "update cron.job set command = 'select 5' where jobname is null"
    expect cron-unnamed-differs 2 "$PGALIGN" check --profile supabase dbname=sb_prod dbname=sb_stage &&
        check cron-unnamed-differs-named has "$err" "cron job without a name '@hourly' 'select 5' (TARGET only)"
    expect cron-without-profile 0 "$PGALIGN" check dbname=sb_prod dbname=sb_stage
else
    fail "$SUITE/cron-load" "fixture does not load" "$err"
fi
# Migrations that schedule a job: the stand-in's cron.job holds it.
prod_db 2>/dev/null && cron_db sb_prod 2>/dev/null
printf "create extension if not exists pg_cron with schema pg_catalog;\nselect cron.schedule('cleanup', '30 2 * * *', 'select 1');\n" |
    migrations_plus "$work/cron-files"
expect cron-from-migrations 2 "$PGALIGN" --profile supabase --unsafe dbname=sb_prod "$work/cron-files" &&
    check cron-from-migrations-schedule has "$out" "SELECT cron.schedule('cleanup', '30 2 * * *', 'select 1');"

# sync rehearses platform rows too: a bucket and a job are made on the
# copy of production as on production, and a Vault secret (left to the
# user) is not held against the copy; check still reports the secret.
if prod_db 2>"$err" && vault_db sb_prod 2>>"$err" && cron_db sb_prod 2>>"$err" &&
    stage_db && vault_db sb_stage 2>>"$err" &&
    cron_db sb_stage 2>>"$err" &&
    psql -X -q -v ON_ERROR_STOP=1 -d sb_stage -c "
        select vault.create_secret('S3cretSync', 'sync_key', 'for sync');
        insert into storage.buckets (id, name, public) values ('docs', 'docs', false);
        insert into cron.job (jobname, schedule, command) values ('sync_job', '@daily', 'select 1')" \
        >/dev/null 2>>"$err"; then
    expect platform-sync 0 "$PGALIGN" sync -v --yes --profile supabase dbname=sb_prod dbname=sb_stage &&
        check platform-sync-rehearsed has "$err" "rehearsal: the plan ran on a copy of FROM's schema" &&
        check platform-sync-says-secret has "$err" "create the Vault secret sync_key by hand"
    expect platform-sync-then-secret 2 "$PGALIGN" check --profile supabase dbname=sb_prod dbname=sb_stage
    psql -X -q -d sb_prod -c "select vault.create_secret('whatever', 'sync_key', 'for sync')" >/dev/null
    expect platform-sync-then-in-sync 0 "$PGALIGN" check --profile supabase dbname=sb_prod dbname=sb_stage
else
    fail "$SUITE/platform-sync-load" "fixture does not load" "$err"
fi

# Without the profile the files do not load, and the error says why.
expect no-profile-migrations 1 "$PGALIGN" dbname=sb_prod "$project/migrations" &&
    check no-profile-migrations-hint has "$err" '20240101120000_profiles.sql:13: ERROR:  schema "auth" does not exist (a Supabase project'"'"'s files need --profile supabase)'
# (14 says it without naming availability.)
missing='extension "pgsodium" is not available'
[ "$SERVER_MAJOR" -lt 15 ] && missing='pgsodium.control": No such file or directory'
expect no-profile-db-pull 1 "$PGALIGN" dbname=sb_prod "$project/remote_schema.sql" &&
    check no-profile-db-pull-hint has "$err" "$missing (for a Supabase project's files use --profile supabase"

# Snapshots read back under any profile: the profile filters what is
# compared, not what a snapshot must hold. A user's trigger on auth.users
# hangs from a table the profile leaves out (a reference, written as one);
# a snapshot taken without the profile depends on schemas the profile
# leaves out when it is read.
prod_db 2>/dev/null
expect snap-profile 0 "$PGALIGN" snapshot --profile supabase --with-privileges dbname=sb_prod -o "$work/prof.json" &&
    check snap-profile-references python3 -c '
import json, sys
refs = json.load(open(sys.argv[1]))["references"]
sys.exit(0 if {"schema": "auth", "table": "users"} in refs else 1)' "$work/prof.json"
expect snap-plain 0 "$PGALIGN" snapshot --with-privileges dbname=sb_prod -o "$work/plain.json"
snap_pair() {   # label from target
    expect "snap-$1" 0 "$PGALIGN" check --profile supabase --with-privileges "$2" "$3"
}
snap_pair profile-itself "$work/prof.json" "$work/prof.json"
snap_pair profile-as-from "$work/prof.json" dbname=sb_prod
snap_pair profile-as-target dbname=sb_prod "$work/prof.json"
snap_pair plain-as-from "$work/plain.json" dbname=sb_prod
snap_pair plain-as-target dbname=sb_prod "$work/plain.json"
snap_pair plain-and-profile "$work/plain.json" "$work/prof.json"
# Without the profile, a profile snapshot still loads: the managed schemas
# are what differs.
expect snap-profile-unfiltered 2 "$PGALIGN" "$work/prof.json" dbname=sb_prod &&
    check snap-profile-unfiltered-managed has "$out" "CREATE TABLE auth.users"
# A missing table is still an error where the snapshot does not name it.
python3 - "$work/prof.json" "$work/noref.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
del doc["references"]
json.dump(doc, open(sys.argv[2], "w"))
PY
expect snap-unreferenced-orphan 1 "$PGALIGN" "$work/noref.json" dbname=sb_prod &&
    check snap-unreferenced-orphan-says has "$err" 'has no table|view|foreign_table users in the snapshot'

# Like with like: production and staging on this server, and the server
# programs pgalign finds for its throwaway cluster of another major (only
# 15's, as on stock Debian) or of the same. Views print differently from
# 16 on; a .sql source's extensions get the local server's default
# versions. Neither is drift: the rehearsal passes, a plan from migrations
# applies and verifies, and check is green afterwards.
like_with_like() {   # label pgalign-options...
    local label=$1; shift
    local view="create view public.recent as select id, coalesce(full_name, 'x') as n
                from public.profiles where id is not null"
    prod_db 2>/dev/null && psql -X -q -d sb_prod -c "$view" &&
        fresh_db sb_stage && load_sql sb_stage "$here/common.sql" 2>/dev/null &&
        load_sql sb_stage "$project/production.sql" 2>/dev/null &&
        psql -X -q -d sb_stage -c "$view" -c "alter table public.profiles add column nickname text" ||
        { fail "$SUITE/$label-load" "fixture does not load"; return; }
    expect "$label-sync-dry-run" 0 "$PGALIGN" sync --profile supabase --dry-run "$@" \
        dbname=sb_prod dbname=sb_stage &&
        check "$label-sync-dry-run-said" has "$err" "dry run: 1 statement ran against FROM"
    rm -rf "$work/lwl" && cp -r "$project/migrations" "$work/lwl" &&
        printf '%s;\ncreate extension if not exists pg_trgm with schema extensions;\n' "$view" \
            >"$work/lwl/20240601000000_recent.sql"
    expect "$label-sync-migrations" 0 "$PGALIGN" sync --profile supabase --unsafe --yes "$@" \
        dbname=sb_prod "$work/lwl" &&
        check "$label-sync-migrations-verified" has "$err" "verified: FROM is now in sync with TARGET"
    expect "$label-check-migrations" 0 "$PGALIGN" check --profile supabase "$@" \
        dbname=sb_prod "$work/lwl"
    expect "$label-diff-migrations" 0 "$PGALIGN" --profile supabase -v "$@" \
        dbname=sb_prod "$work/lwl" &&
        check "$label-diff-migrations-empty" test ! -s "$out"
}
like_with_like like-own-programs
if [ "$SERVER_MAJOR" != 15 ] && [ -x /usr/lib/postgresql/15/bin/postgres ]; then
    like_with_like like-only-15 --pg-bindir /usr/lib/postgresql/15/bin
    # From 16 a view prints unqualified: the same view, printed differently.
    if [ "$SERVER_MAJOR" -ge 16 ]; then
        check like-only-15-names-form-only has "$err" "the same, printed differently: view:\"public\".\"recent\""
    fi
else
    skip "$SUITE/like-only-15" "needs a server other than 15, and 15's programs"
fi

# A pgvector app's migrations as a source on a machine without pgvector:
# its stand-in (src/source/standin_vector.sql) lets the columns, both
# index methods with their options and the functions load; the plan says
# CREATE EXTENSION and names what the migrations made, and none of the
# stand-in's own objects.
vector=$here/vector_migrations
expect vector 2 "$PGALIGN" --profile supabase EMPTY "$vector" &&
    check vector-extension has "$out" "CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA extensions;" &&
    check vector-column has "$out" "embedding extensions.vector(1536)," &&
    check vector-halfvec has "$out" "summary_embedding extensions.halfvec(768)," &&
    check vector-sparsevec has "$out" "keywords extensions.sparsevec(30000)" &&
    check vector-hnsw has "$out" "CREATE INDEX documents_embedding_hnsw ON public.documents USING hnsw (embedding extensions.vector_cosine_ops) WITH (m='16', ef_construction='64');" &&
    check vector-ivfflat has "$out" "CREATE INDEX documents_embedding_ivfflat ON public.documents USING ivfflat (embedding) WITH (lists='100');" &&
    check vector-hnsw-halfvec has "$out" "USING hnsw (summary_embedding extensions.halfvec_ip_ops);" &&
    check vector-function has "$out" "CREATE OR REPLACE FUNCTION public.match_documents(query_embedding extensions.vector, match_threshold double precision, match_count integer)" &&
    check vector-atomic has "$out" "ORDER BY (d.embedding OPERATOR(extensions.<->) nearest.q)" &&
    check vector-extension-first test "$(grep -n "CREATE EXTENSION IF NOT EXISTS vector" "$out" | cut -d: -f1)" -lt "$(grep -n "CREATE TABLE public.documents" "$out" | cut -d: -f1)" &&
    check vector-no-standin lacks "$out" "CREATE TYPE" && check vector-no-am lacks "$out" "ACCESS METHOD" &&
    check vector-no-operator lacks "$out" "CREATE OPERATOR" && check vector-no-cast lacks "$out" "CREATE CAST" &&
    check vector-no-helper lacks "$out" "standin"
expect vector-same 0 "$PGALIGN" --profile supabase "$vector" "$vector"
# A migration that changes an index's options: the difference is seen.
rm -rf "$work/vec2" && cp -r "$vector" "$work/vec2" &&
    sed -i 's/ef_construction = 64/ef_construction = 128/' "$work/vec2/20240102000000_indexes.sql"
expect vector-options 2 "$PGALIGN" --profile supabase "$vector" "$work/vec2" &&
    check vector-options-new has "$out" "WITH (m='16', ef_construction='128');"
# In public, as a plain CREATE EXTENSION puts it: the stand-in's types,
# functions and operators are the extension's there too.
printf '%s\n' "create extension vector;" \
    "create table public.items (id int primary key, v vector(3));" \
    "create index items_v on public.items using hnsw (v vector_l2_ops) with (m = 4);" \
    "create view public.near as select id, v <-> '[1,2,3]' as d from public.items;" >"$work/public.sql"
expect vector-public 2 "$PGALIGN" --profile supabase EMPTY "$work/public.sql" &&
    check vector-public-column has "$out" "v public.vector(3)" &&
    check vector-public-index has "$out" "USING hnsw (v public.vector_l2_ops) WITH (m='4');" &&
    check vector-public-view has "$out" "OPERATOR(public.<->)" &&
    check vector-public-no-type lacks "$out" "CREATE TYPE" &&
    check vector-public-no-function lacks "$out" "vector_in" &&
    check vector-public-no-operator lacks "$out" "CREATE OPERATOR"
# Compared through copies built on one server (a snapshot printed by this
# suite's major, the migrations loaded by 15's programs): the copy of the
# snapshot gets the stand-in too, and its index options.
if [ "$SERVER_MAJOR" != 15 ] && [ -x /usr/lib/postgresql/15/bin/postgres ] &&
    [ -n "${PGALIGN_PG_BINDIRS:-}" ]; then
    expect vector-snapshot 0 "$PGALIGN" snapshot --profile supabase \
        --pg-bindir "${PGALIGN_PG_BINDIRS%%:*}" -o "$work/vector.json" "$vector" &&
        check vector-snapshot-major grep -q "\"server_version\": ${SERVER_MAJOR}" "$work/vector.json"
    expect vector-alike 0 "$PGALIGN" --profile supabase --pg-bindir /usr/lib/postgresql/15/bin \
        "$work/vector.json" "$vector"
    expect vector-alike-options 2 "$PGALIGN" --profile supabase \
        --pg-bindir /usr/lib/postgresql/15/bin "$work/vector.json" "$work/vec2" &&
        check vector-alike-options-new has "$out" "WITH (m='16', ef_construction='128');"
else
    skip "$SUITE/vector-alike" "needs a server other than 15, and 15's programs"
fi
