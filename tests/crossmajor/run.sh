#!/usr/bin/env bash
# Pairs across majors: FROM on one PostgreSQL major, TARGET on another.
# For each pair A:B and each round-trip fixture, FROM = a.sql on A with
# TARGET = b.sql on B, and FROM = b.sql on B with TARGET = a.sql on A:
#   - the plan applies on FROM's server with psql -1 and the re-diff is
#     empty (TARGET is compared as FROM's major renders it);
#   - a fixture that needs a newer major than FROM's (its "requires" file)
#     and whose FROM side loads there is refused: exit 1, nothing on
#     stdout, the objects named on stderr;
#   - a fixture TARGET's server cannot load is skipped.
# A snapshot taken on one major diffs against a live database of the
# other like the live pair.
# Starts its own clusters (scripts/tempcluster.sh, PG_MAJOR); server
# programs of other majors from scripts/install-pg-versions.sh.
# Usage: [FIXTURES="name ..."] run.sh A:B [A:B ...]
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
source "$here/../../scripts/tempcluster.sh"
make_workdir cross
fixtures=$here/../roundtrip
SUITE=crossmajor
EXTRA_FLAGS=() OUT_SUFFIX=
# The fixtures whose definitions two majors print differently (views,
# functions' dependents): run again with only the older major's server
# programs, as on a machine with Debian's own.
PRINTED="views view_chain_type_change matviews everything_vs_empty rls_policies
    check_constraints index_definitions"

declare -A conn     # major -> "host=... port=... user=postgres"
start_major() {
    [ -n "${conn[$1]:-}" ] && return 0
    PG_MAJOR=$1 tc_start || return 1
    trap 'tc_stop; rm -rf "$work"' EXIT
    conn[$1]="host=$PGHOST port=$PGPORT user=postgres"
}
on() { local major=$1; shift; PGHOST=$(sed 's/host=\([^ ]*\).*/\1/' <<<"${conn[$major]}") \
    PGPORT=$(sed 's/.*port=\([^ ]*\).*/\1/' <<<"${conn[$major]}") "$@"; }

# One direction: FROM file on major fm, TARGET file on major tm.
cross() {   # name from-sql fm target-sql tm label
    local name=$1 from_sql=$2 fm=$3 target_sql=$4 tm=$5 label=$6 need=0 rc flags=()
    [ -f "$fixtures/$name/flags" ] && read -r -a flags < "$fixtures/$name/flags"
    [ -f "$fixtures/$name/requires" ] && read -r need < "$fixtures/$name/requires"
    local out=$work/$name.$fm-$tm$OUT_SUFFIX db=x_${name}_${fm}_${tm}$OUT_SUFFIX
    local from="${conn[$fm]} dbname=$db" target="${conn[$tm]} dbname=$db"
    if [ "$tm" -lt "$need" ]; then skip "$label" "TARGET needs PostgreSQL $need"; return; fi
    on "$fm" fresh_db "$db" && on "$tm" fresh_db "$db"
    if ! on "$fm" load_sql "$db" "$from_sql" 2>"$out.err"; then
        if [ "$fm" -lt "$need" ]; then skip "$label" "FROM needs PostgreSQL $need"; return; fi
        fail "$label" "FROM does not load" "$out.err"; return
    fi
    if ! on "$tm" load_sql "$db" "$target_sql" 2>"$out.err"; then
        fail "$label" "TARGET does not load" "$out.err"; return
    fi
    flags+=("${EXTRA_FLAGS[@]}")
    "$PGALIGN" "${flags[@]}" --unsafe "$from" "$target" >"$out.sql" 2>"$out.err"; rc=$?
    if [ "$fm" -lt "$need" ]; then
        if [ $rc = 1 ] && [ ! -s "$out.sql" ] && grep -q "does not have" "$out.err" &&
           grep -q "(PostgreSQL $need)" "$out.err"; then pass "$label refused"
        else fail "$label" "wanted a refusal (exit 1) naming PostgreSQL $need, got exit $rc" "$out.err"; fi
        return
    fi
    if [ $rc != 2 ]; then fail "$label" "diff exited $rc" "$out.err"; return; fi
    if ! on "$fm" psql -X -q -1 -v ON_ERROR_STOP=1 -d "$db" -f "$out.sql" >/dev/null 2>"$out.err"; then
        cat "$out.sql" >> "$out.err"
        fail "$label" "plan does not apply on PostgreSQL $fm" "$out.err"; return
    fi
    "$PGALIGN" "${flags[@]}" --unsafe "$from" "$target" >"$out.again" 2>"$out.err"; rc=$?
    if [ $rc != 0 ] || [ -s "$out.again" ]; then
        cat "$out.err" >> "$out.again"
        fail "$label" "re-diff not empty (exit $rc)" "$out.again"; return
    fi
    pass "$label"
}

# A snapshot of one major against a live database of the other.
snapshots() {   # a b
    local a=$1 b=$2 out=$work/snap.$1-$2
    on "$a" fresh_db snap && on "$b" fresh_db snap
    on "$a" load_sql snap "$fixtures/everything_vs_empty/b.sql" &&
        on "$b" load_sql snap "$fixtures/everything_vs_empty/a.sql" || {
        fail "$SUITE/snapshot $a->$b" "fixture does not load"; return; }
    "$PGALIGN" snapshot "${conn[$a]} dbname=snap" -o "$out.json" 2>"$out.err" || {
        fail "$SUITE/snapshot $a->$b" "snapshot failed" "$out.err"; return; }
    "$PGALIGN" --unsafe "${conn[$b]} dbname=snap" "${conn[$a]} dbname=snap" >"$out.live" 2>"$out.err"
    "$PGALIGN" --unsafe "${conn[$b]} dbname=snap" "$out.json" >"$out.snap" 2>>"$out.err"
    check "snapshot $a as TARGET of live $b: same plan as live" cmp -s "$out.live" "$out.snap"
    "$PGALIGN" --unsafe "$out.json" "${conn[$b]} dbname=snap" >"$out.snap-from" 2>>"$out.err"
    "$PGALIGN" --unsafe "${conn[$a]} dbname=snap" "${conn[$b]} dbname=snap" >"$out.live-from" 2>>"$out.err"
    check "snapshot $a as FROM of live $b: same plan as live" cmp -s "$out.live-from" "$out.snap-from"
}

# The census across majors: what two majors print alike (options,
# functions, types) is compared (no census kind holds a definition the
# servers print: tests/unit/test_census.c keeps that rule). The
# server the census's objects use is compared (a copy built by a plan
# lacks its secret, which is not compared with a copy).
census_across() {   # a b
    local a=$1 b=$2 out=$work/census.$1-$2 census=$here/../census err=$work/census.$1-$2.err
    # A database with a subscription cannot be dropped: names of their own.
    local db=census_${a}_$b alt=census_alt_${a}_$b
    on "$a" fresh_db $db && on "$b" fresh_db $db && on "$b" fresh_db $alt
    { on "$a" load_sql $db "$census/base.sql" && on "$a" load_sql $db "$census/kinds.sql" &&
      on "$b" load_sql $db "$census/base.sql" && on "$b" load_sql $db "$census/kinds.sql" &&
      on "$b" load_sql $alt "$census/base.sql" && on "$b" load_sql $alt "$census/alt.sql"
    } 2>"$err" || { fail "$SUITE/census $a->$b" "fixture does not load" "$err"; return; }
    "$PGALIGN" check "${conn[$a]} dbname=$db" "${conn[$b]} dbname=$db" >"$out" 2>"$err"
    check "census $a->$b: alike is in sync" test $? = 0
    check "census $a->$b: options compared" grep -qxF \
        "pgalign: not compared: subscription census_sub (both sides, same)" "$err"
    "$PGALIGN" check "${conn[$a]} dbname=$db" "${conn[$b]} dbname=$alt" >"$out" 2>"$err"
    check "census $a->$b: differing is drift" test $? = 2
    check "census $a->$b: differing named" grep -qxF \
        "pgalign: not compared: subscription census_sub (both sides, differ)" "$err"
}

for pair in "$@"; do
    a=${pair%:*} b=${pair#*:}
    start_major "$a" && start_major "$b" || { fail "$SUITE/$pair" "cannot start the clusters"; continue; }
    for dir in "$fixtures"/*/; do
        name=$(basename "$dir")
        fixture_selected "$name" || continue
        run_parallel cross "$name" "$dir/a.sql" "$a" "$dir/b.sql" "$b" "$SUITE/$name $a->$b"
        run_parallel cross "$name" "$dir/b.sql" "$b" "$dir/a.sql" "$a" "$SUITE/$name $b->$a"
    done
    wait_all
    # Only the older major's programs: FROM on the newer is then compared
    # as the older prints both sides, never as each prints its own.
    older=$(( a < b ? a : b )) newer=$(( a < b ? b : a ))
    EXTRA_FLAGS=(--pg-bindir "$(PG_MAJOR=$older tc_bindir)")
    for name in $PRINTED; do
        fixture_selected "$name" || continue
        dir=$fixtures/$name
        OUT_SUFFIX=_only$older run_parallel cross "$name" "$dir/a.sql" "$newer" "$dir/b.sql" \
            "$older" "$SUITE/$name $newer->$older (only $older's programs)"
        OUT_SUFFIX=_only${older}_reversed run_parallel cross "$name" "$dir/b.sql" "$newer" \
            "$dir/a.sql" "$older" "$SUITE/$name $newer->$older (only $older's programs, reversed)"
    done
    wait_all
    EXTRA_FLAGS=()
    snapshots "$a" "$b"
    snapshots "$b" "$a"
    census_across "$a" "$b"
    census_across "$b" "$a"
done
