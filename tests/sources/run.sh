#!/usr/bin/env bash
# Sources other than live databases: SQL files and directories (in
# pgalign's own temporary cluster) and JSON snapshots.
#  - For every round-trip fixture, the plan is byte-identical whether a side
#    is a live database, its SQL file or its snapshot.
#  - snapshot -> load -> snapshot is byte-identical.
#  - Damaged snapshots and failing SQL get a clear one-line error, exit 1.
#  - Temporary clusters never leak: not after errors, not after SIGINT or
#    SIGTERM, and the server dies with pgalign even on SIGKILL.
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir src
chmod 755 "$work"   # as root, the postgres user must reach $TMPDIR
fixtures=$here/../roundtrip
# pgalign's temporary clusters go here, so leaks are easy to see.
export TMPDIR=$work/tmp
mkdir -p "$TMPDIR"
SUITE=sources out=$work/out err=$work/err

no_leftovers() {
    [ -z "$(ls -A "$TMPDIR")" ] && ! pgrep -f "$TMPDIR/" >/dev/null
}

# --- the same plan from every kind of source ---
# One fixture, in databases of its own (fixtures run in parallel).
same_plans() {  # name dir
    local name=$1 dir=$2 f=$work/$1 err=$work/$1.err a=src_$1_a b=src_$1_b
    fresh_db "$a" && fresh_db "$b"
    load_sql "$a" "$dir/a.sql" 2>/dev/null && load_sql "$b" "$dir/b.sql" 2>/dev/null || {
        fail "sources/$name" "fixture does not load"; return; }
    "$PGALIGN" snapshot "dbname=$a" -o "$f.a.json" 2>"$err" &&
        "$PGALIGN" snapshot "dbname=$b" -o "$f.b.json" 2>>"$err" || {
        fail "sources/$name snapshot" "snapshot failed" "$err"; return; }
    "$PGALIGN" snapshot "$f.a.json" -o "$f.a2.json" 2>"$err"
    check "$name snapshot-roundtrip" cmp -s "$f.a.json" "$f.a2.json"
    case $name in torture|everything_vs_empty|extensions)
        "$PGALIGN" snapshot "$dir/b.sql" -o "$f.b3.json" 2>"$err"
        check "$name snapshot-of-sql-file" cmp -s "$f.b.json" "$f.b3.json" ;;
    esac
    local dirn pair from to same
    for dirn in "a b" "b a"; do
        set -- $dirn
        from=src_${name}_$1 to=src_${name}_$2
        "$PGALIGN" --unsafe "dbname=$from" "dbname=$to" >"$f.live" 2>/dev/null
        same=true
        for pair in "$f.$1.json dbname=$to" "dbname=$from $f.$2.json" \
                    "$f.$1.json $f.$2.json" "$dir/$1.sql $dir/$2.sql"; do
            set -- $pair
            "$PGALIGN" --unsafe "$1" "$2" >"$f.other" 2>"$err"
            if ! cmp -s "$f.live" "$f.other"; then
                same=false
                diff "$f.live" "$f.other" >>"$err"
                echo "(sources: $pair)" >>"$err"
            fi
        done
        check "$name same-plan-every-source ${dirn// /->}" $same
    done
}
for dir in "$fixtures"/*/; do
    name=$(basename "$dir")
    fixture_runs_here "$dir" "sources/$name" || continue
    run_parallel same_plans "$name" "$dir"
done
wait_all

# --- SQL sources ---
cat >"$work/broken.sql" <<'SQL'
create table ok (id int);

create table broken (id int,);
SQL
expect sql-error 1 "$PGALIGN" "$work/broken.sql" EMPTY \
    && check sql-error-one-line one_line "$err" \
    && check sql-error-names-file-and-line grep -q "broken.sql:3: ERROR:  syntax error" "$err" \
    && check sql-error-says-side grep -q '^pgalign: FROM: ' "$err"
check sql-error-no-leftovers no_leftovers
expect sql-missing-file 1 "$PGALIGN" EMPTY "$work/nope.sql" \
    && check sql-missing-file-message grep -q 'nope.sql: No such file or directory' "$err"
mkdir -p "$work/empty-dir" "$work/schema-dir/sub"
expect sql-empty-dir 1 "$PGALIGN" EMPTY "$work/empty-dir" \
    && check sql-empty-dir-message grep -q 'no .sql files' "$err"
echo "create schema app;" >"$work/schema-dir/01_schema.sql"
echo "create table app.t (id int primary key);" >"$work/schema-dir/02_tables.sql"
echo "create index t_id on app.t (id);" >"$work/schema-dir/10_indexes.sql"
echo "this is not sql" >"$work/schema-dir/notes.txt"
echo "garbage;" >"$work/schema-dir/sub/ignored.sql"
expect sql-dir-in-name-order 2 "$PGALIGN" EMPTY "$work/schema-dir" \
    && check sql-dir-plan grep -q 'CREATE INDEX t_id ON app.t' "$out"
# A directory given with a trailing slash names its files with one.
mkdir -p "$work/bad-dir" && echo "create table broken (id int;" >"$work/bad-dir/01_broken.sql"
expect sql-dir-slash-once 1 "$PGALIGN" EMPTY "$work/bad-dir/" &&
    check sql-dir-slash-once-named grep -qF "$work/bad-dir/01_broken.sql:" "$err"
printf '\\set ON_ERROR_STOP 1\nSELECT 1 AS one \\gset\ncreate table meta_:one (id int);\n' >"$work/meta.sql"
expect sql-psql-meta-commands 2 "$PGALIGN" EMPTY "$work/meta.sql" \
    && check sql-psql-meta-plan grep -q 'CREATE TABLE public.meta_1' "$out"
# Plain SQL runs without psql, as psql runs it: each file a session of its
# own (a SET stays in its file), a transaction left open rolled back, each
# statement committed on its own (CONCURRENTLY, a new enum value used),
# psql's line numbers in errors.
mkdir -p "$work/session-dir"
printf 'create schema app;\nset search_path = app;\ncreate table app_t (id int);\n' \
    >"$work/session-dir/01_set.sql"
printf 'create table public_t (id int);\nbegin;\ncreate table rolled_back (id int);\n' \
    >"$work/session-dir/02_open.sql"
printf "%s\n" "create type mood as enum ('a');" "alter type mood add value 'b';" \
    "create table uses_b (m mood default 'b');" \
    "create index concurrently uses_b_m on uses_b (m);" \
    "create function two() returns int language sql begin atomic select 1; select 2; end;" \
    >"$work/session-dir/03_autocommit.sql"
expect sql-files-as-psql-runs-them 2 "$PGALIGN" EMPTY "$work/session-dir" \
    && check sql-set-stays-in-its-file grep -q 'CREATE TABLE public.public_t' "$out" \
    && check sql-set-holds-in-its-file grep -q 'CREATE TABLE app.app_t' "$out" \
    && check sql-open-transaction-rolled-back lacks "$out" rolled_back \
    && check sql-statements-commit-one-by-one grep -q 'CREATE INDEX uses_b_m' "$out" \
    && check sql-begin-atomic-body grep -q 'BEGIN ATOMIC' "$out"
# What a file sets for new sessions of its database, even from a DO block,
# is what the inspection's session has, as with a live database.
printf '%s\n' "create table d (x date default '2024-03-01');" \
    "do \$\$ begin execute format('alter database %I set datestyle = %L', current_database(), 'SQL, DMY'); end \$\$;" \
    >"$work/datestyle.sql"
expect sql-database-settings-seen 2 "$PGALIGN" EMPTY "$work/datestyle.sql" \
    && check sql-database-datestyle-renders grep -q "DEFAULT '01/03/2024'::date" "$out"
printf 'create table a (\n id int,\n x nosuchtype\n);\n' >"$work/multiline.sql"
expect sql-error-multiline 1 "$PGALIGN" "$work/multiline.sql" EMPTY \
    && check sql-error-line-as-psql-counts \
        grep -q 'multiline.sql:4: ERROR:  type "nosuchtype" does not exist' "$err"
if pg_dump_usable; then
    pg_dump --schema-only -d src_torture_a >"$work/dump.sql"
    expect sql-pg-dump-output 0 "$PGALIGN" "$work/dump.sql" dbname=src_torture_a
else
    skip sources/sql-pg-dump-output "pg_dump is older than the server"
fi
expect sql-bad-bindir 1 "$PGALIGN" --pg-bindir /nonexistent "$work/meta.sql" EMPTY \
    && check sql-bad-bindir-message grep -q -- '--pg-bindir /nonexistent' "$err"
expect sql-both-sides-one-cluster 0 "$PGALIGN" -v "$work/meta.sql" "$work/meta.sql" \
    && check sql-one-cluster-started test "$(grep -c 'temporary cluster' "$err")" = 1
check sql-no-leftovers no_leftovers

# --- damaged snapshots: a clear error each, never a crash ---
good=$work/$(basename "$fixtures"/torture).a.json
snap() { printf '%s' "$1" >"$work/bad.json"; }
damaged() {   # name expected-text
    "$PGALIGN" "$work/bad.json" EMPTY >"$out" 2>"$err"
    local rc=$?
    if [ $rc = 1 ] && one_line "$err" && grep -q -- "$2" "$err" && [ ! -s "$out" ]; then
        pass "sources/damaged $1"
    else
        fail "sources/damaged $1" "exit $rc, wanted 1 and '$2'" "$err"
    fi
}
obj='{"kind":"table","schema":"public","name":"t","attributes":{"persistence":"LOGGED"}}'
hdr='"format":"pgalign-snapshot","version":1,"server_version":150018'
snap 'this is not json';                         damaged garbage 'invalid JSON'
head -c 200 "$good" >"$work/bad.json";           damaged truncated 'invalid JSON'
snap '';                                         damaged empty-file 'invalid JSON'
head -c 3000 /dev/urandom >"$work/bad.json";     damaged random-bytes 'invalid JSON'
snap '[1, 2, 3]';                                damaged top-level-array 'top level is not an object'
snap '{"format":"migra","version":1}';           damaged wrong-format 'not a pgalign snapshot'
snap '{"format":"pgalign-snapshot","server_version":1,"objects":[]}'; damaged missing-version '"version" is missing'
snap '{"format":"pgalign-snapshot","version":99,"server_version":1,"objects":[]}'; damaged future-version 'version 99 is not supported'
snap '{"format":"pgalign-snapshot","version":"1","server_version":1,"objects":[]}'; damaged version-string 'not an integer'
snap '{"format":"pgalign-snapshot","version":1,"server_version":-5,"objects":[]}'; damaged bad-server-version 'server_version'
snap "{$hdr}";                                   damaged missing-objects '"objects" is missing'
snap "{$hdr,\"objects\":{}}";                    damaged objects-not-array 'not an array'
snap "{$hdr,\"objects\":[42]}";                  damaged object-not-object 'objects\[0\]: is not an object'
snap "{$hdr,\"objects\":[{\"kind\":\"wormhole\",\"name\":\"x\",\"attributes\":{}}]}"; damaged unknown-kind 'unknown kind "wormhole"'
snap "{$hdr,\"objects\":[{\"kind\":\"table\",\"schema\":\"public\",\"attributes\":{}}]}"; damaged missing-name 'missing "name"'
snap "{$hdr,\"objects\":[{\"kind\":\"table\",\"schema\":\"public\",\"name\":\"t\",\"attributes\":{}}]}"; damaged missing-attribute 'missing attribute "persistence"'
snap "{$hdr,\"objects\":[{\"kind\":\"table\",\"schema\":\"public\",\"name\":\"t\",\"attributes\":{\"persistence\":7}}]}"; damaged attribute-not-string 'is not a string'
snap "{$hdr,\"objects\":[{\"kind\":\"table\",\"schema\":\"public\",\"name\":\"t\",\"attributes\":{\"persistence\":\"LOGGED\",\"colour\":\"red\"}}]}"; damaged unknown-attribute 'unknown attribute "colour"'
snap "{$hdr,\"objects\":[$obj,$obj]}";           damaged duplicate-object 'duplicates an earlier object'
snap "{$hdr,\"objects\":[{\"kind\":\"table\",\"schema\":\"public\",\"name\":\"t\",\"attributes\":{\"persistence\":\"LOGGED\"},\"depends_on\":[\"schema:\\\"nowhere\\\"\"]}]}"; damaged dangling-dependency 'depends on unknown object'
snap "{$hdr,\"objects\":[{\"kind\":\"column\",\"schema\":\"public\",\"table\":\"t\",\"name\":\"c\",\"attributes\":{\"type\":\"integer\",\"type_storage\":\"PLAIN\"}}]}"; damaged orphan-column 'has no table'
snap "{$hdr,\"references\":{},\"objects\":[]}"; damaged references-not-array '"references" is not an array'
snap "{$hdr,\"references\":[{\"schema\":\"auth\"}],\"objects\":[]}"; damaged reference-without-table 'references\[0\]: wants schema and table'
snap "{$hdr,\"objects\":[{\"kind\":\"column\",\"schema\":\"public\",\"name\":\"c\",\"attributes\":{\"type\":\"integer\"}}]}"; damaged column-without-table 'needs "table"'
snap "{$hdr,\"objects\":[{\"kind\":\"table\",\"schema\":\"public\",\"name\":\"t\",\"name\":\"u\",\"attributes\":{}}]}"; damaged duplicate-key 'invalid JSON'
snap "{$hdr,\"objects\":[{\"kind\":\"table\",\"schema\":\"public\",\"name\":\"a\\u0000b\",\"attributes\":{}}]}"; damaged nul-in-string 'invalid JSON'
snap "{$hdr,\"objects\":[{\"kind\":\"table\",\"schema\":\"public\",\"name\":\"t\",\"ordinal\":\"x\",\"attributes\":{\"persistence\":\"LOGGED\"}}]}"; damaged ordinal-not-integer '"ordinal" is not an integer'
snap "{$hdr,\"objects\":[{\"kind\":\"table\",\"schema\":\"public\",\"name\":\"t\",\"owner\":\"bob\",\"attributes\":{}}]}"; damaged unknown-field 'unknown field "owner"'
snap "{$hdr,\"objects\":[{\"kind\":\"table\",\"schema\":\"public\",\"name\":\"t\",\"attributes\":{\"persistence\":\"LOGGED\"},\"depends_on\":\"x\"}]}"; damaged depends-not-array '"depends_on" is not an array'
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; }' >"$work/bad.json"; damaged deep-nesting 'invalid JSON'
snap "{$hdr,\"objects\":[{\"kind\":\"table\",\"schema\":\"public\",\"name\":\"t\",\"attributes\":{\"persistence\":\"\"}}]}"; damaged empty-attribute 'empty attribute "persistence"'
# An empty text where the catalogs can have one (a comment, a generated
# expression) is a value: renames, detected or asked for, read it as one,
# also in what depends on the renamed column (which crashed, exit 139).
cat >"$work/ren-from.json" <<EOF
{$hdr,"objects":[{"kind":"schema","name":"public","attributes":{}},
 {"kind":"table","schema":"public","name":"t","attributes":{"persistence":"LOGGED","comment":""},"depends_on":["schema:\"public\""]},
 {"kind":"column","schema":"public","table":"t","name":"a","ordinal":1,"attributes":{"type":"text","type_storage":"EXTENDED","comment":""},"depends_on":["table:\"public\".\"t\""]},
 {"kind":"column","schema":"public","table":"t","name":"c","ordinal":2,"attributes":{"type":"text","type_storage":"EXTENDED","generated":""},"depends_on":["column:\"public\".\"t\".\"a\"","table:\"public\".\"t\""]}]}
EOF
sed 's/"name":"a"/"name":"b"/; s/t\\".\\"a\\"/t\\".\\"b\\"/' "$work/ren-from.json" >"$work/ren-target.json"
expect rename-empty-value 2 "$PGALIGN" --rename public.t.a=b "$work/ren-from.json" "$work/ren-target.json" &&
    check rename-empty-value-plan grep -qF 'ALTER TABLE public.t RENAME COLUMN a TO b;' "$out"
expect detect-renames-empty-value 2 "$PGALIGN" --detect-renames "$work/ren-from.json" "$work/ren-target.json" &&
    check detect-renames-empty-value-plan grep -qF 'ALTER TABLE public.t RENAME COLUMN a TO b;' "$out"
# A damaged snapshot with an empty index definition: one clear error,
# also with --rename (which read past it and crashed).
python3 - "$work/ren-from.json" "$work/ren-empty.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["objects"].append({"kind": "index", "schema": "public", "table": "t", "name": "t_a",
                     "attributes": {"definition": ""},
                     "depends_on": ['table:"public"."t"', 'column:"public"."t"."a"']})
json.dump(d, open(sys.argv[2], "w"))
EOF
expect rename-empty-definition 1 "$PGALIGN" --rename public.t.a=b "$work/ren-empty.json" "$work/ren-target.json" &&
    check rename-empty-definition-says grep -q 'objects\[4\]: empty attribute "definition"' "$err"
# An index definition a snapshot damaged (too short for "CREATE INDEX "):
# one clear error, also with --online, which cut a fixed prefix off it.
python3 - "$work/ren-from.json" "$work/short-index.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["objects"].append({"kind": "index", "schema": "public", "table": "t", "name": "t_a",
                     "attributes": {"definition": "CREATE"},
                     "depends_on": ['table:"public"."t"']})
json.dump(d, open(sys.argv[2], "w"))
EOF
expect online-short-index-definition 1 "$PGALIGN" --online "$work/ren-from.json" "$work/short-index.json" &&
    check online-short-index-definition-says grep -q 'objects\[4\]: its definition does not start' "$err"
"$PGALIGN" "$work/missing.json" EMPTY >"$out" 2>"$err"
check damaged-missing-file grep -q 'missing.json' "$err"
# Snapshots are read one object at a time (source/snapshot.c): the header
# may stand after the objects, and brackets, quotes and backslashes in
# strings must not change what is read. (What the scan there does not
# expect, jansson reads whole: the result is the same either way.)
odd='x\\\"]}[{,'
snap "{\"objects\":[{\"kind\":\"schema\",\"name\":\"$odd\",\"attributes\":{}},
 {\"kind\":\"schema\",\"name\":\"y\",\"attributes\":{\"comment\":\"[{\\\"\"}}],
 \"version\":1,\"server_version\":150018,\"format\":\"pgalign-snapshot\"}"
expect snapshot-header-last 2 "$PGALIGN" --unsafe EMPTY "$work/bad.json" \
    && check snapshot-header-last-names grep -qxF 'CREATE SCHEMA "x\""]}[{,";' "$out" \
    && check snapshot-header-last-second grep -qxF "COMMENT ON SCHEMA y IS '[{\"';" "$out"

# --- a snapshot from another server version: -v names both; the same
# schema is in sync (nothing printed differently to compare alike) ---
other=$([ "$SERVER_MAJOR" = 14 ] && echo 16 || echo 14)
sed "s/\"server_version\": [0-9]*/\"server_version\": ${other}0011/" "$good" >"$work/other.json"
expect versions-between-snapshots 0 "$PGALIGN" -v "$work/other.json" "$good" &&
    check versions-between-snapshots-named grep -q "FROM: PostgreSQL $other.11" "$err"

# --- no leaks on signals ---
# Start a diff whose SQL takes a minute to load, wait until the server runs
# and psql is loading, then signal pgalign.
slow_diff() {   # tag
    printf 'select pg_sleep(60);\n' >"$work/slow-$1.sql"
    "$PGALIGN" "$work/slow-$1.sql" EMPTY >"$out" 2>"$err" &
    pid=$!
    for _ in $(seq 150); do pgrep -f "psql.*slow-$1.sql" >/dev/null && break; sleep 0.1; done
    sleep 0.3
}
for sig in INT TERM; do
    slow_diff $sig
    kill -$sig $pid
    wait $pid; rc=$?
    check "signal-$sig-exit-code" test $rc = $((128 + $(kill -l $sig)))
    check "signal-$sig-message" grep -q 'pgalign: interrupted' "$err"
    check "signal-$sig-no-leftovers" no_leftovers
done
# SIGKILL cannot be caught: the directory stays, but the server must not,
# also where the kernel does not stop it (the watcher of macOS and the
# BSDs, built into PGALIGN_PORTABLE: see source/guardian.h).
server_gone() { ! pgrep -f "postgres -D $TMPDIR/" >/dev/null; }
killed_server_dies() {   # label
    slow_diff KILL
    kill -KILL $pid; wait $pid 2>/dev/null
    for _ in $(seq 50); do server_gone && break; sleep 0.1; done
    check "$1" server_gone
}
killed_server_dies signal-KILL-server-dies
if [ -n "${PGALIGN_PORTABLE:-}" ]; then
    PGALIGN=$PGALIGN_PORTABLE killed_server_dies signal-KILL-server-dies-portable-watcher
else
    skip "$SUITE/signal-KILL-server-dies-portable-watcher" "PGALIGN_PORTABLE not set"
fi
# ...and the next pgalign removes the directories the killed ones left
# (their lock is free). These stay: one whose pgalign still runs (its
# lock held, whatever pid it names), one that is not pgalign's, one of
# another user, a link to a directory, and one whose lock file is a link
# to another name. (Each also names a process that is gone, as the
# directories of an older pgalign did.)
left=("$TMPDIR"/pgalign-??????)
check left-behind-found test -e "${left[0]}"
gone_pid=$(sh -c 'echo $$')
stale_like() {   # dir: a directory as a gone pgalign leaves it
    mkdir -p "$1" && echo "$gone_pid" >"$1/pgalign.pid" && : >"$1/pgalign.lock"
}
stale_like "$TMPDIR/pgalign-live01"
flock "$TMPDIR/pgalign-live01/pgalign.lock" sleep 60 & holder=$!
mkdir "$TMPDIR/pgalign-other1"
stale_like "$work/elsewhere" && echo keep >"$work/elsewhere/precious"
ln -s "$work/elsewhere" "$TMPDIR/pgalign-link01"
stale_like "$TMPDIR/pgalign-hlink1" && rm "$TMPDIR/pgalign-hlink1/pgalign.lock" &&
    ln "$work/elsewhere/pgalign.lock" "$TMPDIR/pgalign-hlink1/pgalign.lock"
if [ "$(id -u)" = 0 ]; then
    stale_like "$TMPDIR/pgalign-nobod1" && chown -R nobody "$TMPDIR/pgalign-nobod1"
fi
sleep 0.2   # the lock taken
"$PGALIGN" --unsafe "$fixtures/columns_add_drop/a.sql" "$fixtures/columns_add_drop/b.sql" >/dev/null 2>"$err"
gone=yes; for d in "${left[@]}"; do [ -e "$d" ] && gone=no; done
check left-behind-removed test $gone = yes
check in-use-dir-kept test -f "$TMPDIR/pgalign-live01/pgalign.lock"
check others-dir-kept test -d "$TMPDIR/pgalign-other1"
check link-kept test -L "$TMPDIR/pgalign-link01"
check link-target-kept test -f "$work/elsewhere/precious"
check hardlinked-lock-kept test -d "$TMPDIR/pgalign-hlink1"
if [ "$(id -u)" = 0 ]; then
    check other-users-dir-kept test -f "$TMPDIR/pgalign-nobod1/pgalign.lock"
else
    skip "$SUITE/other-users-dir-kept" "needs root to make another user's directory"
fi
kill $holder 2>/dev/null; wait $holder 2>/dev/null
rm -rf "${TMPDIR:?}"/*

# --- where the cluster lives without TMPDIR ---
# A memory file system with room (/dev/shm) spares the disk the server's
# file per table; else /tmp. A reader that goes away early (| head) must
# not kill pgalign before it removes the cluster.
shm_free_mb=$(df -Pm /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')
if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && [ "${shm_free_mb:-0}" -ge 512 ]; then
    place=/dev/shm
else
    place=/tmp
fi
env -u TMPDIR "$PGALIGN" -v --unsafe "$fixtures/columns_add_drop/a.sql" \
    "$fixtures/columns_add_drop/b.sql" >"$out" 2>"$err"
cluster=$(sed -n 's/^pgalign: temporary cluster in \([^ ]*\) .*/\1/p' "$err")
check "cluster-in-$place" test "${cluster%/pgalign-*}" = "$place"
check "cluster-in-$place-removed" test -n "$cluster" -a ! -e "$cluster"
env -u TMPDIR "$PGALIGN" -v --unsafe "$fixtures/columns_add_drop/a.sql" \
    "$fixtures/columns_add_drop/b.sql" 2>"$err" | true
cluster=$(sed -n 's/^pgalign: temporary cluster in \([^ ]*\) .*/\1/p' "$err")
check "closed-pipe-cluster-removed" test -n "$cluster" -a ! -e "$cluster"

