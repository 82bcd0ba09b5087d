#!/usr/bin/env bash
# --additive (expand/contract): for each case, in both directions, the
# additive plan applies with psql -1, FROM loses no data, what it holds
# back is named, the additive diff is then empty and check --additive
# green, and the plain plan of the rest (--unsafe: the contract step)
# converges. A JSON plan applies and verifies against FROM as expanded,
# and sync --additive verifies the same way.
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir expand
SUITE=expand out=$work/out err=$work/err

# A database from one side of a case, with that side's rows.
load_side() {   # db case side
    fresh_db "$1" && load_sql "$1" "$here/$2/$3.sql" && load_sql "$1" "$here/$2/$3.data.sql"
}

# Every value of every column FROM has now, as one line a column (sorted
# within it, so that a rewrite's row order does not matter). The same
# query after the expand step must give the same lines: nothing lost.
values_query() {   # db
    psql -X -A -t -q -d "$1" -c "
        SELECT string_agg(format('SELECT %L, md5(coalesce(string_agg(%I::text, %L ORDER BY %I::text), %L)) FROM %I.%I',
                                 c.table_name || '.' || c.column_name, c.column_name, ',', c.column_name, '',
                                 c.table_schema, c.table_name), ' UNION ALL ' ORDER BY c.table_name, c.column_name)
        FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'"
}
values_of() {   # db query
    psql -X -A -t -q -v ON_ERROR_STOP=1 -d "$1" -c "$2 ORDER BY 1"
}

# A case's own options (its "options" file: --with-privileges).
case_options() {   # case
    [ -f "$here/$1/options" ] && cat "$here/$1/options"
}

one_direction() {   # case from-side target-side label
    local c=$1 side=$2 other=$3 name=$1/$4 query
    local -a o
    read -r -a o <<<"$(case_options "$c")"
    load_side exp_work "$c" "$side" && load_side exp_target "$c" "$other" ||
        { fail "$SUITE/$name/setup" "cannot load the case"; return; }
    query=$(values_query exp_work)
    values_of exp_work "$query" >"$work/before"
    "$PGALIGN" --additive "${o[@]}" dbname=exp_work dbname=exp_target >"$out" 2>"$err"
    local rc=$?
    if [ $rc != 0 ] && [ $rc != 2 ]; then fail "$SUITE/$name/additive" "exit $rc" "$err"; return; fi
    pass "$SUITE/$name/additive"
    if [ "$4" = forward ]; then
        while read -r line; do
            check "$name/holds: $line" grep -qxF "  $line" "$err"
        done <"$here/$c/held"
    fi
    check "$name/additive-has-no-data-loss" lacks "$out" "data-loss"
    check "$name/additive-applies" psql -X -q -1 -v ON_ERROR_STOP=1 -d exp_work -f "$out"
    values_of exp_work "$query" >"$work/after" 2>"$err"
    check "$name/no-data-lost" cmp -s "$work/before" "$work/after"
    expect "$name/additive-again-empty" 0 "$PGALIGN" --additive "${o[@]}" dbname=exp_work dbname=exp_target &&
        check "$name/additive-again-no-sql" test ! -s "$out"
    expect "$name/check-additive-green" 0 "$PGALIGN" check --additive "${o[@]}" dbname=exp_work dbname=exp_target
    # The contract step: the plain plan of what was held back.
    "$PGALIGN" --unsafe "${o[@]}" dbname=exp_work dbname=exp_target >"$out" 2>"$err"
    rc=$?
    if [ "$4" = forward ]; then
        check "$name/contract-left" test $rc = 2
    fi
    check "$name/contract-applies" psql -X -q -1 -v ON_ERROR_STOP=1 -d exp_work -f "$out"
    expect "$name/converges" 0 "$PGALIGN" "${o[@]}" dbname=exp_work dbname=exp_target
}

# A JSON plan made with --additive: apply checks the result against FROM
# as the plan expands it, not against TARGET; sync --additive likewise.
json_and_sync() {   # case
    local c=$1 name=$1/forward
    local -a o
    read -r -a o <<<"$(case_options "$c")"
    load_side exp_work "$c" from && load_side exp_target "$c" target
    expect "$name/json-plan" 2 "$PGALIGN" --additive "${o[@]}" --format json -o "$work/plan.json" \
        dbname=exp_work dbname=exp_target &&
        check "$name/json-deferred" python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); sys.exit(0 if d["deferred"] and all(x["why"] for x in d["deferred"]) else 1)' "$work/plan.json"
    expect "$name/json-applies" 0 "$PGALIGN" apply dbname=exp_work "$work/plan.json"
    expect "$name/json-applied-check" 0 "$PGALIGN" check --additive "${o[@]}" dbname=exp_work dbname=exp_target
    load_side exp_work "$c" from
    expect "$name/sync" 0 "$PGALIGN" sync --additive "${o[@]}" --yes dbname=exp_work dbname=exp_target &&
        check "$name/sync-verified" grep -q "verified: FROM now differs from TARGET only in what --additive held back" "$err"
    expect "$name/sync-again" 0 "$PGALIGN" sync --additive "${o[@]}" --yes dbname=exp_work dbname=exp_target &&
        check "$name/sync-again-nothing" grep -q "nothing to add" "$err"
}

for dir in "$here"/*/; do
    c=$(basename "$dir")
    fixture_selected "$c" || continue
    one_direction "$c" from target forward
    one_direction "$c" target from backward
    json_and_sync "$c"
done

# A summary and check's JSON name what is held back.
load_side exp_work dropped_table from && load_side exp_target dropped_table target
expect summary 2 "$PGALIGN" --additive --format summary dbname=exp_work dbname=exp_target &&
    check summary-held grep -qF 'held back for the contract step (--additive): 1 change' "$out" &&
    check summary-held-line grep -qxF '  drop table:"public"."audit_log": drops' "$out"
expect check-json 2 "$PGALIGN" check --additive --format json dbname=exp_work dbname=exp_target &&
    check check-json-deferred python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); sys.exit(0 if [x["name"] for x in d["deferred"]] == ["table:\"public\".\"audit_log\""] and d["deferred"][0]["action"] == "drop" else 1)' "$out"
# Without --additive, the same plan drops: exit 3, as ever.
expect plain-refuses 3 "$PGALIGN" dbname=exp_work dbname=exp_target
expect markdown-held 2 "$PGALIGN" --additive --format markdown dbname=exp_work dbname=exp_target &&
    check markdown-held-title grep -qxF '**Held back for the contract step** (`--additive`):' "$out" &&
    check markdown-held-line grep -qxF -e '- `drop table:"public"."audit_log": drops`' "$out"
