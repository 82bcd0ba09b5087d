#!/usr/bin/env bash
# Run every test: cmocka unit tests, then the suites that need PostgreSQL
# (round-trip fixtures, command-line behaviour) against one throwaway
# cluster that is removed afterwards, also on failure or Ctrl-C.
# Usage: check.sh [--unit-only|--roundtrip-only] [unit-test-binaries...]
set -u
cd "$(dirname "$0")/.."
mode=all
case "${1:-}" in --unit-only|--roundtrip-only) mode=${1#--}; shift ;; esac

export RESULTS
RESULTS=$(mktemp /tmp/pgalign-results.XXXXXX)
source tests/lib.sh
source scripts/tempcluster.sh

if [ "$mode" != roundtrip-only ]; then
    echo "== unit tests"
    for t in "$@"; do
        log=$(mktemp)
        name=$(basename "$t")
        "$t" >"$log" 2>&1; rc=$?
        # One result per cmocka test case.
        sed -n 's/^\[       OK \] //p' "$log" | while read -r c; do pass "unit/$name/$c"; done
        sed -n 's/^\[  FAILED  \] \(test_[a-z0-9_]*\)$/\1/p' "$log" | sort -u |
            while read -r c; do fail "unit/$name/$c" "" "$log"; done
        if [ $rc != 0 ] && ! grep -q '^\[  FAILED  \] test_' "$log"; then
            fail "unit/$name" "exit $rc" "$log"
        fi
        grep -E '^\[  (PASSED|FAILED)  \]' "$log" | sed "s|^|  $name: |"
        rm -f "$log"
    done
fi

if [ "$mode" != unit-only ]; then
    tc_start || { echo "cannot start a PostgreSQL cluster" >&2; exit 1; }
    echo "== round-trip fixtures"
    tests/roundtrip/run.sh
    if [ "$mode" = all ]; then
        echo "== command line"
        tests/cli/run.sh
        echo "== SQL-file and snapshot sources"
        tests/sources/run.sh
        echo "== apply, sync and preflight"
        tests/apply/run.sh
        echo "== Supabase profile"
        tests/supabase/run.sh
        echo "== migra compatibility"
        tests/migra/run.sh
    fi
fi

passed=$(grep -c '^pass ' "$RESULTS")
failed=$(grep -c '^fail ' "$RESULTS")
skipped=$(grep -c '^skip ' "$RESULTS")
rm -f "$RESULTS"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
