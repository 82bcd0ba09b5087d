#!/usr/bin/env bash
# Bad input, each answered: exit 1, a "pgalign:" line on stderr that says
# what is wrong, no crash (no exit by signal), and the database unchanged
# (it still matches a snapshot taken before). Sources, plans and snapshots
# that are empty, truncated, binary or huge; a plan of another format
# version; missing server programs; a server that goes away during
# inspection and during apply; statement_timeout, read-only databases and
# a streaming standby.
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir badinput
SUITE=badinput out=$work/out err=$work/err

fresh_db bi_prod && fresh_db bi_stage
psql -X -q -d bi_prod -c "create table t (id int primary key, gone text); insert into t values (1, 'x')"
psql -X -q -d bi_stage -c "create table t (id int primary key, added text); create table u (id int)"
"$PGALIGN" snapshot -o "$work/before.json" dbname=bi_prod 2>"$err" || fail "$SUITE/snapshot" "no snapshot" "$err"
"$PGALIGN" --format json --unsafe -o "$work/plan.json" dbname=bi_prod dbname=bi_stage 2>"$err"
unchanged() { "$PGALIGN" check dbname=bi_prod "$work/before.json" >/dev/null 2>&1; }

# answered NAME PATTERN ARGS...: exit 1, a message matching PATTERN, no
# signal, and bi_prod as it was.
answered() {
    local name=$1 pattern=$2; shift 2
    "$@" >"$out" 2>"$err"
    local rc=$?
    if [ "$rc" != 1 ]; then fail "$SUITE/$name" "exit $rc, wanted 1" "$err"; return; fi
    if ! grep -q "^pgalign: .*$pattern" "$err"; then
        fail "$SUITE/$name" "no message like '$pattern'" "$err"; return; fi
    if grep -qiE 'core dumped|AddressSanitizer|runtime error' "$err"; then
        fail "$SUITE/$name" "crashed" "$err"; return; fi
    if ! unchanged; then fail "$SUITE/$name" "the database changed" "$err"; return; fi
    pass "$SUITE/$name"
}

# ---- files: empty, truncated, binary, huge ----
: >"$work/empty.json"
head -c 200 "$work/before.json" >"$work/truncated.json"
head -c 4096 /dev/urandom >"$work/binary.json"
head -c 4096 /dev/urandom >"$work/binary.sql"
printf 'create table a (id int);\ncreate table b (id int' >"$work/truncated.sql"
{ printf '{"format":"pgalign-snapshot","x":"'; head -c 30000000 /dev/zero | tr '\0' a; printf '"}'; } >"$work/huge.json"
mkdir -p "$work/nosql" && echo "not sql" >"$work/nosql/readme.txt"
answered snapshot-empty 'empty.json' "$PGALIGN" dbname=bi_prod "$work/empty.json"
answered snapshot-truncated 'truncated.json' "$PGALIGN" dbname=bi_prod "$work/truncated.json"
answered snapshot-binary 'binary.json' "$PGALIGN" dbname=bi_prod "$work/binary.json"
answered snapshot-huge 'huge.json' "$PGALIGN" dbname=bi_prod "$work/huge.json"
answered sql-binary 'binary.sql' "$PGALIGN" dbname=bi_prod "$work/binary.sql"
answered sql-truncated 'truncated.sql:2' "$PGALIGN" dbname=bi_prod "$work/truncated.sql"
answered sql-directory-without-sql 'no .sql files' "$PGALIGN" dbname=bi_prod "$work/nosql"
answered plan-empty-json 'empty.json' "$PGALIGN" apply dbname=bi_prod "$work/empty.json"
answered plan-truncated 'truncated.json' "$PGALIGN" apply dbname=bi_prod "$work/truncated.json"
answered plan-binary 'binary.json' "$PGALIGN" apply dbname=bi_prod "$work/binary.json"
answered plan-huge 'huge.json' "$PGALIGN" apply dbname=bi_prod "$work/huge.json"
# A plan that is not text is refused before anything is sent.
answered plan-binary-sql 'binary.sql is not a plan: it is not UTF-8 text' "$PGALIGN" apply dbname=bi_prod "$work/binary.sql"
cp "$work/binary.sql" "$work/garbage.bin"
answered plan-binary-other 'garbage.bin is not a plan' "$PGALIGN" apply dbname=bi_prod "$work/garbage.bin"
printf 'create table nul_t (id int);\0\n' >"$work/nul.sql"
answered plan-nul-byte 'not UTF-8 text (byte 29)' "$PGALIGN" apply dbname=bi_prod "$work/nul.sql"
answered plan-missing 'missing.json' "$PGALIGN" apply dbname=bi_prod "$work/missing.json"
sed 's/"version": *1/"version": 99/' "$work/plan.json" >"$work/v99.json"
check plan-of-another-version-made grep -q '"version": *99' "$work/v99.json"
answered plan-of-another-version 'v99.json' "$PGALIGN" apply dbname=bi_prod "$work/v99.json"

# ---- server programs that are not there ----
answered no-server-programs 'pg-bindir' "$PGALIGN" --pg-bindir /nonexistent dbname=bi_prod "$work/truncated.sql"

# ---- the server's own limits ----
# statement_timeout for the database: inspection does not hit it. Its
# CHECK query waits for a lock another session holds for 1.5 s, well past
# the database's 300 ms (which leaves the SET at the start of the batch
# plenty of time, so this does not depend on the machine's speed).
fresh_db bi_timeout
psql -X -q -d bi_timeout -c "create table t (id int check (id > 0)); alter database bi_timeout set statement_timeout = '300ms'"
PGOPTIONS="-c statement_timeout=0" psql -X -q -d bi_timeout \
    -c "begin; lock table t in access exclusive mode; select pg_sleep(1.5); commit" >/dev/null 2>&1 &
holder=$!
sleep 0.3
started=$(date +%s%N)
expect statement-timeout-inspects 3 "$PGALIGN" dbname=bi_timeout EMPTY
waited_ms=$(( ($(date +%s%N) - started) / 1000000 ))
check statement-timeout-waited-for-the-lock [ "$waited_ms" -gt 1000 ]
wait $holder
# a database that only reads (as a standby does): apply refuses, unchanged.
fresh_db bi_ro
psql -X -q -d bi_ro -c "create table t (id int primary key, gone text); insert into t values (1, 'x'); alter database bi_ro set default_transaction_read_only = on"
answered read-only-apply 'read-only server' "$PGALIGN" apply --unsafe --no-preflight dbname=bi_ro "$work/plan.json"
ro_unchanged() { "$PGALIGN" check dbname=bi_ro "$work/before.json" >/dev/null 2>&1; }
check read-only-unchanged ro_unchanged

# A real streaming standby as apply's FROM: refused before anything runs,
# by pg_is_in_recovery(). Its own small primary keeps the base backup quick.
standby_refuses_apply() (
    source "$here/../../scripts/tempcluster.sh"
    PG_MAJOR=$SERVER_MAJOR
    [ -x "$(tc_bindir)/pg_basebackup" ] || { skip "$SUITE/standby" "no pg_basebackup for $PG_MAJOR"; exit; }
    tc_start || { fail "$SUITE/standby" "no primary"; exit; }
    fresh_db bi_primary
    psql -X -q -d bi_primary -c "create table t (id int primary key, gone text); insert into t values (1, 'x')"
    local sdir=$TC_DIR/standby port=$((PGPORT + 1))
    tc_as_owner "$TC_BIN/pg_basebackup" -D "$sdir" -R -X stream -c fast -h "$PGHOST" -p "$PGPORT" -U postgres \
        >"$err" 2>&1 || { fail "$SUITE/standby" "pg_basebackup failed" "$err"; exit; }
    tc_as_owner "$TC_BIN/pg_ctl" -D "$sdir" -l "$TC_DIR/standby.log" -w -s \
        -o "-c listen_addresses='' -k $TC_DIR -p $port" start >"$err" 2>&1 \
        || { fail "$SUITE/standby" "standby did not start" "$TC_DIR/standby.log"; exit; }
    local standby="host=$TC_DIR port=$port dbname=bi_primary"
    check standby-in-recovery [ "$(psql -X -At -d "$standby" -c 'select pg_is_in_recovery()')" = t ]
    "$PGALIGN" snapshot -o "$work/standby-before.json" "$standby" 2>"$err"
    check standby-inspects [ -s "$work/standby-before.json" ]
    for preflight in --no-preflight ""; do
        "$PGALIGN" apply --unsafe $preflight "$standby" "$work/plan.json" >"$out" 2>"$err"
        check "standby-apply${preflight}-exit-1" [ $? = 1 ]
        check "standby-apply${preflight}-message" grep -q '^pgalign: FROM is a read-only server (a standby, in recovery)' "$err"
    done
    standby_unchanged() { "$PGALIGN" check "$standby" "$work/standby-before.json" >/dev/null 2>&1; }
    check standby-unchanged standby_unchanged
    tc_as_owner "$TC_BIN/pg_ctl" -D "$sdir" -m immediate -s stop >/dev/null 2>&1
)
standby_refuses_apply

# a role that may not read a catalog pgalign needs (a hardened database):
# which query, and why, on one line.
fresh_db bi_hardened
PGOPTIONS="-c client_min_messages=warning" psql -X -q -d bi_hardened \
    -c "drop role if exists pgalign_reader" -c "create role pgalign_reader login" \
    -c "revoke select on pg_catalog.pg_publication from public"
answered catalog-not-readable 'catalog query failed (publication).*permission denied' \
    "$PGALIGN" "dbname=bi_hardened user=pgalign_reader" EMPTY

# ---- the server goes away ----
# The sessions waiting for a lock on a relation (by oid) of a database.
lock_waiters() {   # database oid
    psql -X -At -d postgres -c "select l.pid from pg_locks l join pg_database d on d.oid = l.database
        where d.datname = '$1' and l.relation = $2 and not l.granted"
}
holds_lock() {   # database oid: a session holds it exclusively
    [ "$(psql -X -At -d postgres -c "select count(*) from pg_locks l
         join pg_database d on d.oid = l.database
         where d.datname = '$1' and l.relation = $2 and l.granted
           and l.mode = 'AccessExclusiveLock'")" != 0 ]
}
# gone_while_waiting NAME LOCKED MESSAGE ARGS...: another session locks
# LOCKED, pgalign (ARGS) waits for it, its session is ended: exit 1 and a
# message matching MESSAGE. pgalign starts only once the lock is held (on a
# loaded machine the holder's connection can take longer than pgalign's).
gone_while_waiting() {
    local name=$1 locked=$2 message=$3; shift 3
    psql -X -q -d bi_prod -c "begin; lock table $locked in access exclusive mode;
        select pg_sleep(60)" >/dev/null 2>&1 &
    local holder=$! oid
    oid=$(psql -X -At -d bi_prod -c "select '$locked'::regclass::oid")
    for _ in $(seq 300); do holds_lock bi_prod "$oid" && break; sleep 0.1; done
    "$PGALIGN" "$@" >"$out" 2>"$err" &
    local runner=$! waiters=
    for _ in $(seq 300); do
        waiters=$(lock_waiters bi_prod "$oid")
        [ -n "$waiters" ] && break
        sleep 0.1
    done
    if [ -n "$waiters" ]; then
        psql -X -q -d postgres -c "select pg_terminate_backend(pid) from unnest(
            '{$(echo $waiters | tr ' ' ,)}'::int[]) pid" >/dev/null
        wait $runner; local rc=$?
        check "$name-exit-1" [ "$rc" = 1 ]
        check "$name-message" grep -q "$message" "$err"
    else
        # What the sessions were doing, for the failure report.
        psql -X -d postgres -c "select pid, datname, application_name, state, wait_event_type,
            wait_event, left(query, 60) from pg_stat_activity where datname like 'bi_%'" >>"$err" 2>&1
        kill $runner 2>/dev/null; wait $runner
        fail "$SUITE/$name" "pgalign never waited on the lock" "$err"
    fi
    kill $holder 2>/dev/null; wait $holder 2>/dev/null
    psql -X -q -d postgres -c "select pg_terminate_backend(pid) from pg_stat_activity
        where datname = 'bi_prod' and pid <> pg_backend_pid()" >/dev/null
}
# During inspection: a lock on a catalog it reads makes it wait.
gone_while_waiting gone-mid-inspection pg_catalog.pg_publication_rel '^pgalign: FROM: ' \
    dbname=bi_prod dbname=bi_stage
# During apply: the first statement ran, the second waits for a lock; the
# session ends, and the first is rolled back with it.
printf 'CREATE TABLE public.first (id int);\n\nALTER TABLE public.t ADD COLUMN x int;\n' >"$work/two.sql"
gone_while_waiting gone-mid-apply t '^pgalign: ' \
    apply --no-preflight --lock-timeout 60s dbname=bi_prod "$work/two.sql"
check gone-mid-apply-unchanged unchanged
