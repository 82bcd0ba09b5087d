#!/usr/bin/env bash
# pg_cron for real: production and staging each on a server that loads
# pg_cron (Debian's postgresql-15-cron), in the database it runs jobs in,
# with Supabase-like schemas. The plan's cron.schedule, cron.alter_job and
# cron.unschedule run against pg_cron's own functions, both directions,
# and check is then green; a .sql source's jobs (the stand-in's cron.job)
# plan the same statements. Starts its own two clusters; skipped where
# the server has no pg_cron.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
source "$here/../../scripts/tempcluster.sh"
make_workdir pgcron
SUITE=pgcron out=$work/out err=$work/err
supabase=$here/../supabase

bindir=$(tc_bindir)
if [ ! -f "$("$bindir/pg_config" --pkglibdir 2>/dev/null)/pg_cron.so" ]; then
    skip "$SUITE/all" "this server has no pg_cron (Debian's postgresql-15-cron)"
    exit 0
fi

# A server that loads pg_cron, its jobs run in database postgres.
declare -A conn
start() {   # name
    TC_SERVER_OPTIONS="-c shared_preload_libraries=pg_cron -c cron.database_name=postgres" \
        tc_start || return 1
    trap 'tc_stop; rm -rf "$work"' EXIT
    conn[$1]="host=$PGHOST port=$PGPORT user=postgres dbname=postgres"
    psql -X -q -v ON_ERROR_STOP=1 -d postgres -f "$supabase/common.sql" >/dev/null 2>&1 &&
        psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "create extension pg_cron" >/dev/null
}
on() { psql -X -q -v ON_ERROR_STOP=1 "${conn[$1]}" "${@:2}"; }

if ! start prod 2>"$err" || ! start stage 2>>"$err"; then
    fail "$SUITE/clusters" "cannot start servers with pg_cron" "$err"
    exit 0
fi
on prod -c "select cron.schedule('nightly', '0 3 * * *', 'select 1');
    select cron.schedule('gone', '0 5 * * *', 'select 3');
    select cron.schedule('@hourly', 'select 4')" >/dev/null
on stage -c "select cron.schedule('nightly', '0 4 * * *', 'select 1');
    select cron.schedule('it''s new', '15 1 * * *', \$\$select 'x'\$\$);
    select cron.alter_job((select jobid from cron.job where jobname = 'it''s new'), active := false);
    select cron.schedule('@hourly', 'select 4')" >/dev/null

expect unsafe 3 "$PGALIGN" --profile supabase "${conn[prod]}" "${conn[stage]}"
expect plan 2 "$PGALIGN" --profile supabase --unsafe "${conn[prod]}" "${conn[stage]}" &&
    check plan-alters grep -qF "schedule := '0 4 * * *'" "$out" &&
    check plan-schedules grep -qF "SELECT cron.schedule('it''s new', '15 1 * * *', 'select ''x''');" "$out" &&
    check plan-inactive grep -qF "active := false" "$out" &&
    check plan-unschedules grep -qxF "SELECT cron.unschedule('gone');" "$out" &&
    check plan-unnamed-alike grep -qF "cron job without a name '@hourly' 'select 4' (both sides, same)" "$err"
cp "$out" "$work/forward.sql"
expect reverse 2 "$PGALIGN" --profile supabase --unsafe "${conn[stage]}" "${conn[prod]}"
cp "$out" "$work/reverse.sql"

# Each plan runs against pg_cron itself, and check is then green.
if on prod -1 -f "$work/forward.sql" >/dev/null 2>"$err"; then
    pass "$SUITE/forward-applies"
    expect forward-in-sync 0 "$PGALIGN" check --profile supabase "${conn[prod]}" "${conn[stage]}"
else
    fail "$SUITE/forward-applies" "plan does not apply" "$err"
fi
on prod -c "select cron.unschedule('nightly')" >/dev/null
on prod -c "select cron.schedule('old_only', '0 6 * * *', 'select 6')" >/dev/null
expect changed-again 2 "$PGALIGN" --profile supabase --unsafe "${conn[stage]}" "${conn[prod]}" &&
    cp "$out" "$work/reverse.sql"
if on stage -1 -f "$work/reverse.sql" >/dev/null 2>"$err"; then
    pass "$SUITE/reverse-applies"
    expect reverse-in-sync 0 "$PGALIGN" check --profile supabase "${conn[stage]}" "${conn[prod]}"
else
    fail "$SUITE/reverse-applies" "plan does not apply" "$err"
fi

# Migrations that schedule jobs, as a source: the same statements for
# this production, which then matches the files.
mkdir -p "$work/files" &&
    printf "create extension if not exists pg_cron with schema pg_catalog;\nselect cron.schedule('cleanup', '30 2 * * *', 'select 1');\n" \
        >"$work/files/20240601000000_cron.sql"
expect files-plan 2 "$PGALIGN" --profile supabase --unsafe "${conn[prod]}" "$work/files" &&
    check files-schedule grep -qxF "SELECT cron.schedule('cleanup', '30 2 * * *', 'select 1');" "$out"
