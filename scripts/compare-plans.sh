#!/usr/bin/env bash
# Whether a change leaves every plan as it was: builds BASE (a commit) in a
# git worktree, loads each round-trip fixture pair into a throwaway cluster
# of one major, and asks both binaries for the plan in both directions
# with several sets of options. Any difference in stdout, stderr or exit
# code is printed; the exit code is 1 if there was one.
#   scripts/compare-plans.sh BASE [MAJOR]      (or: make compare-plans BASE=...)
# For refactors that must not change output (issue #40). Plans that take
# the time or the server's port into account are not among the options.
set -u
base=${1:?usage: compare-plans.sh BASE [MAJOR]}
export PG_MAJOR=${2:-${PG_MAJOR:-15}}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
work=$(mktemp -d /tmp/pgalign-compare.XXXXXX)
tree="$work/base"

cleanup() {
    git -C "$root" worktree remove --force "$tree" >/dev/null 2>&1
    rm -rf "$work"
}
git worktree add -q --detach "$tree" "$base" || { rm -rf "$work"; exit 1; }
source scripts/tempcluster.sh
trap 'tc_stop; cleanup' EXIT
echo "  building $base"
make -s -C "$tree" pgalign >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
make -s pgalign >"$work/build-new.log" 2>&1 || { cat "$work/build-new.log"; exit 1; }
cp pgalign "$work/new"
cp "$tree/pgalign" "$work/old"
tc_start || exit 1
trap 'tc_stop; cleanup' EXIT

option_sets=("" "--unsafe" "--unsafe --online" "--unsafe --with-privileges"
             "--unsafe --format summary" "--unsafe --format json")
compared=0 differ=0
for dir in tests/roundtrip/*/; do
    name=$(basename "$dir")
    [ -f "$dir/a.sql" ] && [ -f "$dir/b.sql" ] || continue
    if [ -f "$dir/requires" ] && [ "$PG_MAJOR" -lt "$(cat "$dir/requires")" ]; then continue; fi
    flags=()
    [ -f "$dir/flags" ] && read -r -a flags < "$dir/flags"
    for side in a b; do
        psql -X -q -d postgres -c "DROP DATABASE IF EXISTS cmp_$side WITH (FORCE)" \
            -c "CREATE DATABASE cmp_$side" >/dev/null 2>&1
        psql -X -q -v ON_ERROR_STOP=1 -d "cmp_$side" -f "$dir/$side.sql" >/dev/null 2>&1 ||
            { echo "  skip $name: $side.sql does not load on $PG_MAJOR"; continue 2; }
    done
    for direction in "a b" "b a"; do
        read -r from to <<<"$direction"
        for options in "${option_sets[@]}"; do
            # shellcheck disable=SC2086  # options are words
            for bin in old new; do
                "$work/$bin" "${flags[@]}" $options "dbname=cmp_$from" "dbname=cmp_$to" \
                    >"$work/$bin.out" 2>"$work/$bin.err"
                echo "exit $?" >>"$work/$bin.err"
            done
            compared=$((compared + 1))
            if ! cmp -s "$work/old.out" "$work/new.out" || ! cmp -s "$work/old.err" "$work/new.err"; then
                differ=$((differ + 1))
                echo "  DIFFERS $name $from->$to ${options:-(no options)}"
                diff "$work/old.out" "$work/new.out" | head -20
                diff "$work/old.err" "$work/new.err" | head -20
            fi
        done
    done
done
echo "  $compared plans compared on PostgreSQL $PG_MAJOR against $base, $differ differ"
[ "$differ" = 0 ]
