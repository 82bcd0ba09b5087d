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
        if "$t" >"$log" 2>&1; then pass "unit/$(basename "$t")"
        else fail "unit/$(basename "$t")" "exit $?" "$log"; fi
        grep -E '^\[  (PASSED|FAILED)  \]' "$log" | sed "s|^|  $(basename "$t"): |"
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
    fi
fi

passed=$(grep -c '^pass ' "$RESULTS")
failed=$(grep -c '^fail ' "$RESULTS")
rm -f "$RESULTS"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
