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
check realtime-membership has "$plan" "ALTER PUBLICATION supabase_realtime ADD TABLE public.todos"
check policy-with-auth-uid has "$plan" 'CREATE POLICY "Users update their own profile" ON public.profiles'
check new-schema-usage has "$plan" "GRANT USAGE ON SCHEMA billing TO authenticated"
check column-privilege has "$plan" "GRANT UPDATE (avatar_url) ON TABLE public.profiles TO authenticated"
check extension-in-extensions has "$plan" 'CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions'
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
