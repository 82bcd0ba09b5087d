#!/usr/bin/env bash
# Round-trip tests. For every fixture tests/roundtrip/<name>/{a,b}.sql and in
# both directions (a->b, b->a):
#   1. load FROM and TARGET into fresh databases;
#   2. pgalign FROM TARGET without --unsafe: exit 2, or exit 3 with nothing
#      on stdout; then with --unsafe: exit 2 and a plan;
#   3. apply the plan with psql -1 -v ON_ERROR_STOP=1;
#   4. a re-diff must be empty (exit 0, no output);
#   5. the normalized pg_dump --schema-only of both must be equal; on a
#      server newer than pg_dump, the plan EMPTY -> TARGET applied to a
#      fresh database must re-diff empty against TARGET instead.
# A fixture's optional "requires" file names the major it needs (e.g. 17):
# on older servers it is skipped, and counted as skipped.
# A fixture's optional "flags" file holds extra pgalign options for it
# (e.g. --with-privileges).
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
# Usage: run.sh [fixture-name ...]
# FIXTURE_DIR (default: this directory) and SUITE_LABEL (default:
# roundtrip) let another suite run its own pairs (tests/random).
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir rt
label=${SUITE_LABEL:-roundtrip}
here=${FIXTURE_DIR:-$here}

if [ $# -gt 0 ]; then fixtures=("$@"); else
    fixtures=(); for d in "$here"/*/; do fixtures+=("$(basename "$d")"); done
fi

roundtrip() {   # name from-sql target-sql label
    local name=$1 from_sql=$2 target_sql=$3 label=$4 rc flags=()
    [ -f "$here/$name/flags" ] && read -r -a flags < "$here/$name/flags"
    local out="$work/$name.${label##* }"
    # Databases of their own, as fixtures run in parallel.
    local tag=${label##* }; tag=${tag//[^ab]/}
    local rt_from=rt_${name}_${tag}_f rt_target=rt_${name}_${tag}_t
    fresh_db "$rt_from" && fresh_db "$rt_target"
    if ! load_sql "$rt_from" "$from_sql" 2>"$out.err" || ! load_sql "$rt_target" "$target_sql" 2>>"$out.err"; then
        fail "$label" "fixture does not load" "$out.err"; return
    fi
    definitions_as_server_prints "$rt_target" "$out" || { fail "$label" \
        "a definition pgalign builds from the catalogs differs from the server's (- server, + pgalign)" "$out.defs"; return; }
    "$PGALIGN" "${flags[@]}" "dbname=$rt_from" "dbname=$rt_target" >"$out.safe" 2>"$out.err"; rc=$?
    if [ $rc = 3 ] && [ -s "$out.safe" ]; then
        fail "$label" "exit 3 but a plan on stdout" "$out.safe"; return
    elif [ $rc != 2 ] && [ $rc != 3 ]; then
        fail "$label" "diff without --unsafe exited $rc" "$out.err"; return
    fi
    "$PGALIGN" "${flags[@]}" --unsafe "dbname=$rt_from" "dbname=$rt_target" >"$out.sql" 2>"$out.err"; rc=$?
    if [ $rc != 2 ]; then fail "$label" "diff --unsafe exited $rc" "$out.err"; return; fi
    # Invariant: no two catalog rows of a kind share an identity.
    if grep -q 'duplicate identity' "$out.err"; then
        fail "$label" "objects with the same identity" "$out.err"; return
    fi
    # Invariant: the dependencies of a schema that loads have no cycle;
    # one the planner had to break is a dependency it got wrong.
    if grep -q 'dependency cycle' "$out.err"; then
        fail "$label" "a dependency cycle was broken" "$out.err"; return
    fi
    if ! psql -X -q -1 -v ON_ERROR_STOP=1 -d "$rt_from" -f "$out.sql" >/dev/null 2>"$out.err"; then
        cat "$out.sql" >> "$out.err"
        fail "$label" "plan does not apply" "$out.err"; return
    fi
    # Over three connections per side (-j 3), which must read the same.
    "$PGALIGN" "${flags[@]}" -j 3 --unsafe "dbname=$rt_from" "dbname=$rt_target" >"$out.again" 2>"$out.err"; rc=$?
    if [ $rc != 0 ] || [ -s "$out.again" ]; then
        fail "$label" "re-diff not empty (exit $rc)" "$out.again"; return
    fi
    if grep -q 'cannot help' "$out.err"; then
        fail "$label" "-j 3 ran on one connection" "$out.err"; return
    fi
    if pg_dump_usable; then
        dump_normalized "$rt_from" >"$out.dump-from"
        dump_normalized "$rt_target" >"$out.dump-target"
        if ! diff -u "$out.dump-target" "$out.dump-from" >"$out.dumpdiff"; then
            fail "$label" "pg_dump differs after apply (- target, + result)" "$out.dumpdiff"; return
        fi
    else
        rebuild "$label" "$out" "$rt_target" "${flags[@]}" || return
    fi
    pass "$label"
}

# Some definitions pgalign puts together from the catalogs instead of
# asking pg_get_indexdef (kinds/index.c): on every fixture, the text must
# be the server's, or plans would differ from one source to another.
# Indexes without expressions only: the server's text of an expression
# is made canonical first (model/expression.h).
definitions_as_server_prints() {   # db out
    # pgalign reads with search_path = pg_catalog: names outside it qualified.
    psql -X -q -At -F $'\x1f' -d "$1" -c "SET search_path = pg_catalog" -c "SELECT n.nspname, ic.relname,
        regexp_replace(pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON ')
        FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_namespace n ON n.oid = ic.relnamespace
        WHERE i.indexprs IS NULL AND i.indpred IS NULL" >"$2.defs-server" 2>"$2.defs" || return 1
    "$PGALIGN" snapshot "dbname=$1" -o "$2.snap.json" 2>"$2.defs" || return 1
    python3 - "$2.defs-server" "$2.snap.json" >"$2.defs" <<'PY'
import json, sys
server = {}
for line in open(sys.argv[1], encoding="utf-8"):
    schema, name, definition = line.rstrip("\n").split("\x1f")
    server[(schema, name)] = definition
differ = 0
for o in json.load(open(sys.argv[2], encoding="utf-8"))["objects"]:
    key = (o.get("schema"), o["name"])
    if o["kind"] == "index" and key in server:
        if server[key] != o["attributes"]["definition"]:
            print("-", server[key]); print("+", o["attributes"]["definition"])
            differ += 1
sys.exit(1 if differ else 0)
PY
}

# Where pg_dump cannot dump the server: the plan from EMPTY to TARGET,
# applied to a fresh database, must give a database whose diff to TARGET
# is empty.
rebuild() {     # label out target-db flags...
    local label=$1 out=$2 rt_target=$3 rt_rebuild=$3_r rc; shift 3
    fresh_db "$rt_rebuild"
    "$PGALIGN" "$@" --unsafe EMPTY "dbname=$rt_target" >"$out.rebuild.sql" 2>"$out.err"; rc=$?
    if [ $rc != 2 ] && [ $rc != 0 ]; then fail "$label" "EMPTY -> TARGET exited $rc" "$out.err"; return 1; fi
    if ! psql -X -q -1 -v ON_ERROR_STOP=1 -d "$rt_rebuild" -f "$out.rebuild.sql" >/dev/null 2>"$out.err"; then
        fail "$label" "the EMPTY -> TARGET plan does not apply" "$out.err"; return 1
    fi
    "$PGALIGN" "$@" --unsafe "dbname=$rt_rebuild" "dbname=$rt_target" >"$out.rebuilt" 2>"$out.err"; rc=$?
    if [ $rc != 0 ]; then fail "$label" "rebuilt TARGET differs (exit $rc)" "$out.rebuilt"; return 1; fi
}

for name in "${fixtures[@]}"; do
    dir="$here/$name"
    [ -f "$dir/a.sql" ] && [ -f "$dir/b.sql" ] || { fail "$label/$name" "missing a.sql or b.sql"; continue; }
    fixture_runs_here "$dir" "$label/$name" || continue
    run_parallel roundtrip "$name" "$dir/a.sql" "$dir/b.sql" "$label/$name a->b"
    run_parallel roundtrip "$name" "$dir/b.sql" "$dir/a.sql" "$label/$name b->a"
done
wait_all
