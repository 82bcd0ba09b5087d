#!/usr/bin/env bash
# Run every test: cmocka unit tests, then the suites that need PostgreSQL,
# each major in a throwaway cluster of its own that is removed afterwards,
# also on failure or Ctrl-C.
#
#   check.sh [unit-test-binaries...]             make check: unit tests; every
#       suite on 15; round trips, apply and Supabase on 17; the cross-major
#       suite (15 <-> 17, 15 <-> 18)
#   check.sh --versions [unit-test-binaries...]  make check-versions: the same
#       on 14, 16, 17 and 18 as well, and 14 <-> 18 across majors
#   check.sh --unit-only BINARIES... | --roundtrip-only
#
# Servers other than Debian's 15 come from scripts/install-pg-versions.sh.
set -u
cd "$(dirname "$0")/.."
mode=all
case "${1:-}" in --unit-only|--roundtrip-only|--versions) mode=${1#--}; shift ;; esac

export RESULTS
RESULTS=$(mktemp /tmp/pgalign-results.XXXXXX)
source tests/lib.sh
cache=$(scripts/pg-cache-dir.sh)

bindir_of() {   # major
    if [ -x "/usr/lib/postgresql/$1/bin/postgres" ]; then echo "/usr/lib/postgresql/$1/bin"
    else echo "$cache/$1/bin"; fi
}

# The suites on a server of one major, in a subshell whose cluster goes
# with it. SQL sources and rehearsals use server programs of that major.
on_major() {    # major suite...
    local major=$1; shift
    (
        export PG_MAJOR=$major PGALIGN_PG_BINDIRS
        PGALIGN_PG_BINDIRS=$(bindir_of "$major")
        unset SERVER_MAJOR
        source scripts/tempcluster.sh
        tc_start || { fail "cluster/$major" "cannot start a PostgreSQL $major cluster"; exit 0; }
        server_facts
        for suite in "$@"; do
            echo "== PostgreSQL $major: $suite"
            SECONDS=0
            tests/$suite/run.sh
            echo "   ($suite on $major: $SECONDS s)"
        done
    )
}

cross_majors() {    # pair...
    local dirs=() pair
    for pair in "$@"; do dirs+=("$(bindir_of "${pair%:*}")" "$(bindir_of "${pair#*:}")"); done
    echo "== across majors: $*"
    SECONDS=0
    PGALIGN_PG_BINDIRS=$(IFS=:; echo "${dirs[*]}") tests/crossmajor/run.sh "$@"
    echo "   (across majors: $SECONDS s)"
}

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

case $mode in
roundtrip-only)
    on_major 15 roundtrip ;;
all|versions)
    on_major 15 roundtrip cli sources apply supabase migra badinput
    others=(17)
    [ "$mode" = versions ] && others=(14 16 17 18)
    for major in "${others[@]}"; do on_major "$major" roundtrip apply supabase; done
    pairs=(15:17 15:18)
    [ "$mode" = versions ] && pairs+=(14:18 16:17)
    cross_majors "${pairs[@]}" ;;
esac

passed=$(grep -c '^pass ' "$RESULTS")
failed=$(grep -c '^fail ' "$RESULTS")
skipped=$(grep -c '^skip ' "$RESULTS")
rm -f "$RESULTS"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
