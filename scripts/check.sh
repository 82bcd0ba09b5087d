#!/usr/bin/env bash
# Run every test: cmocka unit tests, then the suites that need PostgreSQL,
# each major in a throwaway cluster of its own that is removed afterwards,
# also on failure or Ctrl-C.
#
#   check.sh [unit-test-binaries...]             make check: unit tests; every
#       suite on 15 (the HTML review in headless Chromium, the Debian
#       package and the GitHub Action among them);
#       round trips, apply, Supabase, the census, patterns, --additive,
#       foreign data and the kinds of tests/kinds on 17; the cross-major
#       suite (15 <-> 17 every fixture, 15 <-> 18 those of CROSS_18); with
#       PGALIGN_ASAN and ASAN_UNIT set, the unit tests, round trips (those
#       of ASAN_FIXTURES) and apply on 15 again under AddressSanitizer and
#       UBSan; with
#       FUZZ_SECONDS set, each fuzz harness that long
#   check.sh --versions [unit-test-binaries...]  make check-versions: the same
#       on 14, 16, 17 and 18 as well, every fixture 15 <-> 18, 14 <-> 18
#       and 16 <-> 17 across majors, and 14 <-> 17 over views
#   check.sh --unit-only BINARIES... | --roundtrip-only
#   check.sh --suites "SUITE..." --majors "MAJOR..." [unit-test-binaries...]
#       make test: only those suites on those majors ("unit" the unit
#       tests; "crossmajor" takes pairs A:B from the majors); FIXTURES
#       narrows round trips and pairs across majors to those fixtures
#
# Each suite's time is listed at the end.
# Servers other than Debian's 15 come from scripts/install-pg-versions.sh.
set -u
cd "$(dirname "$0")/.."
mode=all
case "${1:-}" in --unit-only|--roundtrip-only|--versions) mode=${1#--}; shift ;; esac
suites= majors=
if [ "${1:-}" = --suites ]; then
    mode=some suites=$2 majors=${4:-}
    [ "${3:-}" = --majors ] && [ -n "$majors" ] || {
        echo "usage: check.sh --suites \"SUITE...\" --majors \"MAJOR...\" [unit binaries...]" >&2
        exit 2; }
    shift 4
fi

export RESULTS
RESULTS=$(mktemp /tmp/pgalign-results.XXXXXX)
# Gone however the run ends (each suite's cluster goes with its subshell).
trap 'rm -f "$RESULTS" "$RESULTS.fuzz" "$RESULTS.times"' EXIT
trap 'exit 130' INT TERM
source tests/lib.sh
cache=$(scripts/pg-cache-dir.sh)

# Each suite's time, listed at the end.
took() { printf '%6d s  %s\n' "$2" "$1" >>"$RESULTS.times"; }

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
            echo "== PostgreSQL $major: $suite${PGALIGN_LABEL:+ ($PGALIGN_LABEL)}"
            SECONDS=0
            tests/$suite/run.sh
            echo "   ($suite on $major: $SECONDS s)"
            took "$suite on $major${PGALIGN_LABEL:+ ($PGALIGN_LABEL)}" "$SECONDS"
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
    took "across majors ${FIXTURES:+(some fixtures) }$*" "$SECONDS"
}

# Within CI's time, 15 <-> 18 runs the fixtures that meet what changed in
# 16, 17 and 18 (check-versions runs them all).
CROSS_18="everything_vs_empty not_null_constraints generated_virtual generated_columns
    temporal_keys since_15 collations collation_builtin column_add_not_null_default
    columns_add_drop check_constraints primary_unique identity privileges
    default_privileges extensions views view_chain_type_change matviews indexes
    partitions inheritance publications functions torture exclusion domains sequences"

unit_tests() {   # label binaries...
    local label=$1; shift
    echo "== $label tests"
    # The layers of src/ include one another one way (#40).
    if log=$(scripts/include-cycles.py 2>&1); then pass "$label/include-cycles"
    else fail "$label/include-cycles" "$log"; fi
    # Every relative link of the README and docs/ leads somewhere.
    if log=$(scripts/check-links.py 2>&1); then pass "$label/doc-links"
    else fail "$label/doc-links" "$log"; fi
    for t in "$@"; do
        log=$(mktemp)
        name=$label/$(basename "$t")
        "$t" >"$log" 2>&1; rc=$?
        # One result per cmocka test case.
        sed -n 's/^\[       OK \] //p' "$log" | while read -r c; do pass "$name/$c"; done
        sed -n 's/^\[  FAILED  \] \(test_[a-z0-9_]*\)$/\1/p' "$log" | sort -u |
            while read -r c; do fail "$name/$c" "" "$log"; done
        if [ $rc != 0 ] && ! grep -q '^\[  FAILED  \] test_' "$log"; then
            fail "$name" "exit $rc" "$log"
        fi
        grep -E '^\[  (PASSED|FAILED)  \]' "$log" | sed "s|^|  $name: |"
        rm -f "$log"
    done
}

[ "$mode" != roundtrip-only ] && [ "$mode" != some ] && unit_tests unit "$@"

case $mode in
some)
    for suite in $suites; do
        case $suite in
        unit) unit_tests unit "$@" ;;
        crossmajor)
            pairs=()
            for m in $majors; do [[ $m == *:* ]] && pairs+=("$m"); done
            [ ${#pairs[@]} -gt 0 ] || { fail crossmajor "give pairs: MAJOR=\"15:17\""; continue; }
            cross_majors "${pairs[@]}" ;;
        *)
            [ -d "tests/$suite" ] || { fail "$suite" "no such suite (tests/$suite)"; continue; }
            for m in $majors; do [[ $m == *:* ]] || on_major "$m" "$suite"; done ;;
        esac
    done ;;
roundtrip-only)
    on_major 15 roundtrip ;;
all|versions)
    on_major 15 roundtrip random cli review packaging action data sources apply supabase pgcron census patterns expand foreign kinds migra badinput valgrind
    others=(17)
    [ "$mode" = versions ] && others=(14 16 17 18)
    for major in "${others[@]}"; do on_major "$major" roundtrip apply data supabase census patterns expand foreign kinds; done
    if [ "$mode" = versions ]; then
        cross_majors 15:17 15:18 14:18 16:17
        FIXTURES="views view_chain_type_change matviews" cross_majors 14:17
    else
        cross_majors 15:17
        FIXTURES=$(echo $CROSS_18) cross_majors 15:18
    fi ;;
esac

# Within CI's time, the round trips under the sanitizers run the fixtures
# that go through the most code: every kind against EMPTY, the
# torture tests, rebuilds, cycles and the kinds with code paths of their
# own (check-versions and check-asan run them all).
ASAN_FIXTURES="everything_vs_empty torture misc_edge_cases keyword_identifiers functions
    function_dependents views view_chain_type_change matviews partitions inheritance
    privileges default_privileges enum_remove_value_with_functions enum_to_enum fk_cycle
    rebuild_referenced_key text_search foreign_tables user_mappings operator_classes
    domains rls_policies triggers extensions since_15 column_types identity rules
    publications casts comments statistics"

# The sanitizers over the unit tests, the round trips and apply (make check
# builds build-asan/).
if [ -n "${PGALIGN_ASAN:-}" ] && [ "$mode" != roundtrip-only ]; then
    read -r -a asan_units <<<"${ASAN_UNIT:-}"
    unit_tests unit-asan "${asan_units[@]}"
    asan_fixtures=${FIXTURES:-}
    [ "$mode" = all ] && [ -z "$asan_fixtures" ] && asan_fixtures=$(echo $ASAN_FIXTURES)
    FIXTURES=$asan_fixtures PGALIGN_LABEL="ASan/UBSan${asan_fixtures:+, some fixtures}" \
        PGALIGN=$(cd "$(dirname "$PGALIGN_ASAN")" && pwd)/$(basename "$PGALIGN_ASAN") \
        on_major 15 roundtrip apply
fi

# A short fuzz pass over what parses outside input (make check builds
# build-fuzz/; make fuzz runs longer).
if [ -n "${FUZZ_SECONDS:-}" ] && [ "$mode" != roundtrip-only ]; then
    echo "== fuzz ($FUZZ_SECONDS s each)"
    for h in $(find build-fuzz -maxdepth 1 -name 'fuzz_*' -type f -perm -u+x -printf '%f\n' | sort); do
        if scripts/fuzz.sh "$FUZZ_SECONDS" "$h" 2>"$RESULTS.fuzz"; then pass "fuzz/$h"
        else fail "fuzz/$h" "" "$RESULTS.fuzz"; fi
    done
    rm -f "$RESULTS.fuzz"
fi

if [ -s "$RESULTS.times" ]; then
    echo "== time by suite"
    cat "$RESULTS.times"
fi
passed=$(grep -c '^pass ' "$RESULTS")
failed=$(grep -c '^fail ' "$RESULTS")
skipped=$(grep -c '^skip ' "$RESULTS")
rm -f "$RESULTS"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
