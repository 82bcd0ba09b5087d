#!/usr/bin/env bash
# Randomized round trips. For each seed, schemagen (tests/random/schemagen.c)
# writes a random schema (a.sql) and the same after a few random edits
# (b.sql). The pairs go through the round-trip oracle both ways
# (tests/roundtrip/run.sh: plan, apply with psql -1, empty re-diff, equal
# normalized pg_dump) in batches: each seed's schema is named s<seed>, and a
# batch's a.sql and b.sql hold all of its seeds, so one round trip checks
# BATCH pairs at once. When a batch fails, its seeds run one by one, and
# each that fails is reported by its seed:
#   tests/random/run.sh SEED...     rerun seeds one by one
#   build/schemagen SEED DIR        write the pair, to cut down into a
#                                   tests/roundtrip fixture
# Usage: run.sh [SEED ...]; without seeds RANDOM_PAIRS seeds (default 300)
# from RANDOM_FIRST (default 1), in batches of RANDOM_BATCH (default 50).
# Needs a running server (PGHOST/PGPORT) and build/schemagen.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir random
gen=${SCHEMAGEN:-$here/../../build/schemagen}
roundtrip=$here/../roundtrip/run.sh
if [ ! -x "$gen" ]; then
    fail random/schemagen "no $gen: run make build/schemagen"
    exit 0
fi

pair() {    # seed dir schema: the seed's pair, its schema named schema
    local tmp=$work/gen_$1
    mkdir -p "$tmp" "$2"
    "$gen" "$1" "$tmp" || return 1
    echo --with-privileges >"$2/flags"     # the generator grants to PUBLIC
    for f in a b; do
        sed -e "s/\bapp\./$3./g" -e "s/\bapp_/$3_/g" -e "s/^CREATE SCHEMA app;/CREATE SCHEMA $3;/" \
            -e "s/ ON SCHEMA app / ON SCHEMA $3 /" \
            -e "s/^SET search_path = app,/SET search_path = $3,/" "$tmp/$f.sql" >> "$2/$f.sql"
    done
}

one_by_one() {   # seed...: each as its own pair, reported by seed
    local names=() seed
    for seed in "$@"; do
        pair "$seed" "$work/seed_$seed" app || { fail "random/seed_$seed" "schemagen failed"; continue; }
        names+=("seed_$seed")
    done
    [ ${#names[@]} -gt 0 ] && FIXTURE_DIR=$work SUITE_LABEL=random "$roundtrip" "${names[@]}"
}

if [ $# -gt 0 ]; then
    one_by_one "$@"
    exit 0
fi

first=${RANDOM_FIRST:-1} total=${RANDOM_PAIRS:-300} size=${RANDOM_BATCH:-50}
for ((start = first; start < first + total; start += size)); do
    end=$((start + size - 1 < first + total - 1 ? start + size - 1 : first + total - 1))
    batch=batch_${start}_$end
    seeds=($(seq "$start" "$end"))
    for seed in "${seeds[@]}"; do
        pair "$seed" "$work/$batch" "s$seed" || fail "random/seed_$seed" "schemagen failed"
    done
    # The batch's own results decide; the pairs it holds are counted too.
    batch_results=$work/$batch.results
    RESULTS=$batch_results FIXTURE_DIR=$work SUITE_LABEL=random "$roundtrip" "$batch" \
        >"$work/$batch.log" 2>&1
    if grep -q '^fail' "$batch_results"; then
        failed_before=$(grep -c '^fail' "$RESULTS")
        one_by_one "${seeds[@]}"
        # Each seed passes alone: the failure is in how they meet.
        [ "$(grep -c '^fail' "$RESULTS")" = "$failed_before" ] &&
            fail "random/$batch" "fails as a batch, its seeds pass one by one" "$work/$batch.log"
    else
        for seed in "${seeds[@]}"; do
            pass "random/seed_$seed a->b"
            pass "random/seed_$seed b->a"
        done
    fi
done
