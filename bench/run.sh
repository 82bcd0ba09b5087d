#!/usr/bin/env bash
# make bench: pgalign's speed where users wait, in one run (see
# docs/performance.md). In a throwaway cluster:
#  1. latency: a diff (and an apply) of two 100-table databases through
#     bench/latency_proxy at 0 ms and BENCH_RTT_MS of added round-trip
#     time; the difference divided by the RTT is the number of round trips;
#  2. big catalogs: at each of BENCH_SIZES tables, pgalign diff beside
#     pg_dump --schema-only of both databases run concurrently (the ratio
#     of wall times), and pgalign's peak RSS; one database's inspection
#     alone with 1, 2 and 3 connections (-j);
#  3. start-up: a diff of two small .sql files (examples/), in a throwaway
#     cluster pgalign starts itself.
# Each figure is the median of BENCH_RUNS runs. Usage: make bench, or
#   BENCH_SIZES="1000" BENCH_RUNS=5 bench/run.sh   (after make)
set -eu
cd "$(dirname "$0")/.."
: "${PGALIGN:=./pgalign}" "${PROXY:=build/latency_proxy}"
: "${BENCH_SIZES=1000 5000 10000}" "${BENCH_RUNS:=3}" "${BENCH_RTT_MS:=50}"
source scripts/tempcluster.sh
# pg_dump locks every table it dumps: 2 x 10,000 at once. (The cluster
# runs no autovacuum, which would analyze the fresh catalogs meanwhile.)
TC_SERVER_OPTIONS="-c max_locks_per_transaction=2048" tc_start
export PGOPTIONS="-c client_min_messages=warning"
work=$(mktemp -d /tmp/pgalign-bench.XXXXXX)
proxies=()
cleanup() {
    for p in "${proxies[@]}"; do kill "$p" 2>/dev/null || true; done
    rm -rf "$work"; tc_stop
}
trap cleanup EXIT

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }

# runs N CMD...: the median wall time of N runs of CMD (output dropped;
# exit 0 or 2, "differences", expected).
runs() {
    local n=$1 i start rc; shift
    for ((i = 0; i < n; i++)); do
        start=$(now)
        "$@" >/dev/null 2>"$work/stderr" && rc=0 || rc=$?
        calc "$(now) - $start" 3; echo
        if [ "$rc" != 0 ] && [ "$rc" != 2 ]; then
            echo "bench: $1 failed (exit $rc):" >&2; tail -n 3 "$work/stderr" >&2
        fi
    done | median
}

# peak_kb CMD...: pgalign's peak resident memory in KiB.
peak_kb() {
    /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>&1 || true
    tail -n 1 "$work/rss"
}

# load NAME N [--changed]: a database of N generated tables, vacuumed as
# autovacuum keeps a production database (the cluster runs none): the
# first reader of fresh catalogs otherwise sets every row's hint bits.
load() {
    bench/gen_schema.sh "$2" ${3:-} >"$work/$1.sql"
    createdb "$1"
    psql -X -q -v ON_ERROR_STOP=1 -d "$1" -f "$work/$1.sql" >/dev/null
    psql -X -q -d "$1" -c "VACUUM (ANALYZE)" >/dev/null
}

# proxy PORT RTT: a latency proxy in front of the cluster's socket.
proxy() {
    "$PROXY" "$1" "$PGHOST/.s.PGSQL.$PGPORT" "$2" &
    proxies+=($!)
}

echo "pgalign bench: PostgreSQL $(psql -X -At -d postgres -c 'show server_version'), $(nproc) cores, median of $BENCH_RUNS"

# ---- 1. latency ----
load lat_a 100
load lat_b 100 --changed
port0=$((20000 + RANDOM % 20000)) portd=$((port0 + 1))
proxy "$port0" 0
proxy "$portd" "$BENCH_RTT_MS"
sleep 0.2
via() { echo "host=127.0.0.1 port=$1 dbname=$2 sslmode=${3:-disable}"; }
rtt=$(calc "$BENCH_RTT_MS / 1000" 3)
round_trips() { calc "($2 - $1) / $rtt" 1; }
t0=$(runs "$BENCH_RUNS" "$PGALIGN" "$(via "$port0" lat_a)" "$(via "$port0" lat_b)")
td=$(runs "$BENCH_RUNS" "$PGALIGN" "$(via "$portd" lat_a)" "$(via "$portd" lat_b)")
tp=$(runs "$BENCH_RUNS" "$PGALIGN" "$(via "$portd" lat_a prefer)" "$(via "$portd" lat_b prefer)")
ts=$(runs "$BENCH_RUNS" psql -X -d "$(via "$portd" lat_a)" -c 'select 1')
echo
echo "latency: 100 tables each side, ${BENCH_RTT_MS} ms round-trip time added by bench/latency_proxy"
echo "  diff:              $td s (0 ms: $t0 s): $(round_trips "$t0" "$td") round trips, connections included (sslmode=disable)"
echo "  diff, sslmode=prefer: $tp s: $(round_trips "$t0" "$tp") round trips (the server's refusal of TLS is one more)"
echo "  psql -c 'select 1': $ts s"
"$PGALIGN" --format json -o "$work/plan.json" "dbname=lat_a" "dbname=lat_b" || true
apply_via() {   # port: apply the plan to a fresh copy of lat_a
    dropdb --if-exists lat_copy 2>/dev/null; createdb -T lat_a lat_copy
    local start; start=$(now)
    "$PGALIGN" apply --unsafe -q "$(via "$1" lat_copy)" "$work/plan.json" >/dev/null 2>&1 || echo "bench: apply failed" >&2
    calc "$(now) - $start" 3; echo
}
apply_median() { for ((i = 0; i < BENCH_RUNS; i++)); do apply_via "$1"; done | median; }
a0=$(apply_median "$port0")
ad=$(apply_median "$portd")
nstmts=$(grep -c '"sql"' "$work/plan.json" || true)
echo "  apply ($nstmts statements, with its checks and verification): $ad s (0 ms: $a0 s): $(round_trips "$a0" "$ad") round trips"

# ---- 2. big catalogs ----
echo
echo "big catalogs: pgalign diff vs pg_dump --schema-only of both databases at once (2% of tables changed)"
printf '  %-8s %12s %12s %8s %12s\n' tables pgalign pg_dump ratio "peak RSS"
dump_both() {
    pg_dump --schema-only -d "$1" -f /dev/null & local p=$! rc=0
    pg_dump --schema-only -d "$2" -f /dev/null || rc=1
    wait "$p" || rc=1
    return $rc
}
# inspect_median DB JOBS: one side's inspection time, as pgalign -v says it
# (of a snapshot, whose writing is left out), with JOBS connections.
inspect_median() {
    for ((i = 0; i < BENCH_RUNS; i++)); do
        "$PGALIGN" snapshot -v -j "$2" "dbname=$1" -o "$work/snapshot.json" 2>&1 |
            sed -n 's/.* inspected .* objects in \([0-9.]*\) s$/\1/p'
    done | median
}
for n in $BENCH_SIZES; do
    load "big_a$n" "$n"
    load "big_b$n" "$n" --changed
    psql -X -q -d postgres -c "checkpoint" >/dev/null
    tg=$(runs "$BENCH_RUNS" "$PGALIGN" "dbname=big_a$n" "dbname=big_b$n")
    tdump=$(runs "$BENCH_RUNS" dump_both "big_a$n" "big_b$n")
    kb=$(peak_kb "$PGALIGN" "dbname=big_a$n" "dbname=big_b$n")
    printf '  %-8s %10s s %10s s %7sx %9s MB\n' "$n" "$tg" "$tdump" \
        "$(calc "$tg / $tdump")" "$(calc "$kb / 1024" 0)"
    jobs_line=""
    for j in 1 2 3; do jobs_line+="${jobs_line:+, }-j $j $(inspect_median "big_a$n" "$j") s"; done
    echo "           one database's inspection alone (pgalign -v): $jobs_line"
    dropdb "big_a$n"; dropdb "big_b$n"
done

# ---- 3. start-up with .sql sources ----
echo
tsql=$(runs "$((BENCH_RUNS + 2))" "$PGALIGN" --unsafe examples/production.sql examples/staging.sql)
echo "start-up: pgalign --unsafe examples/production.sql examples/staging.sql: $tsql s (a throwaway cluster, both files loaded, diffed)"
