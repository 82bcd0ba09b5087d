#!/usr/bin/env bash
# Benchmark: diff two large schemas (default 10,000 tables) in a throwaway
# cluster. Prints the load time, and pgalign's wall time and peak memory for
# a diff of identical schemas and of schemas with 2% of tables changed.
# Usage: bench/run.sh [N]   (run `make` first)
set -eu
cd "$(dirname "$0")/.."
n=${1:-10000}
: "${PGALIGN:=./pgalign}"
source scripts/tempcluster.sh
tc_start
export PGOPTIONS="-c client_min_messages=warning"
work=$(mktemp -d /tmp/pgalign-bench.XXXXXX)
trap 'rm -rf "$work"; tc_stop' EXIT

bench/gen_schema.sh "$n" > "$work/a.sql"
bench/gen_schema.sh "$n" --changed > "$work/b.sql"
for db in a b; do
    createdb "bench_$db"
    start=$(date +%s.%N)
    psql -X -q -v ON_ERROR_STOP=1 -d "bench_$db" -f "$work/$db.sql" >/dev/null
    echo "loaded bench_$db ($n tables) in $(echo "$(date +%s.%N) - $start" | bc) s"
done
createdb -T bench_a bench_a2

measure() {   # label from to
    /usr/bin/time -f "%e s wall, %M KiB peak" -o "$work/time" \
        "$PGALIGN" --unsafe "dbname=$2" "dbname=$3" > "$work/plan.sql" || true
    echo "$1: $(cat "$work/time"), $(grep -c ';$' "$work/plan.sql") statements"
}
measure "identical ($n tables)" bench_a bench_a2
measure "2% changed ($n tables)" bench_a bench_b
/usr/bin/time -f "%e s wall, %M KiB peak" -o "$work/time" "$PGALIGN" EMPTY dbname=bench_b > "$work/plan.sql" || true
echo "EMPTY -> $n tables: $(cat "$work/time"), $(grep -c ';$' "$work/plan.sql") statements"
