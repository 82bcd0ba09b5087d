#!/usr/bin/env bash
# Object patterns (--exclude, --include, --exclude-from): they leave out
# exactly what they name and what lives in it, from live databases, .sql
# sources and snapshots alike, from the census too; a JSON plan records
# them for apply; a plan made with them applies and converges under them.
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir patterns
SUITE=patterns out=$work/out err=$work/err

fresh_db pat_prod && load_sql pat_prod "$here/prod.sql" || fail "$SUITE/setup" "cannot load prod.sql"
fresh_db pat_stage && load_sql pat_stage "$here/stage.sql" || fail "$SUITE/setup" "cannot load stage.sql"
prod=dbname=pat_prod stage=dbname=pat_stage
file=(--exclude-from "$here/patterns.txt")

# Lines of the plan in $out that name what the patterns file leaves out.
left_out_named() {
    grep -E 'tmp_|debug_dump|legacy_code|scratch|Odd\.Name|shell_t' "$out"
}

# --- each pattern leaves out what it names, and only that ---
expect baseline 3 "$PGALIGN" "$prod" "$stage" &&
    check baseline-has-all grep -q "legacy_code" "$err"
expect baseline-unsafe 2 "$PGALIGN" --unsafe "$prod" "$stage" &&
    check baseline-names-all left_out_named
# Before --exclude had an entry of its own, getopt took it for
# --exclude-schema: "app.tmp_*" then named no schema and left out nothing.
expect wildcard-table 2 "$PGALIGN" --unsafe --exclude 'app.tmp_*' "$prod" "$stage" &&
    check wildcard-table-gone lacks "$out" "tmp_" &&
    check wildcard-table-keeps grep -q "debug_dump" "$out"
expect kind-function 2 "$PGALIGN" --unsafe --exclude 'function:app.debug_*' "$prod" "$stage" &&
    check kind-function-gone lacks "$out" "debug_dump" &&
    check kind-function-keeps grep -q "tmp_new" "$out"
expect kind-other 2 "$PGALIGN" --unsafe --exclude 'table:app.debug_*' "$prod" "$stage" &&
    check kind-other-keeps grep -q "debug_dump" "$out"
expect column-pattern 3 "$PGALIGN" --exclude 'column:app.orders.legacy_*' "$prod" "$stage" &&
    check column-pattern-not-destructive lacks "$err" "legacy_code" &&
    check column-pattern-keeps-rest grep -q "DROP SEQUENCE app.tmp_seq" "$err"
expect quoted-name 2 "$PGALIGN" --unsafe --exclude 'app."Odd.Name"' "$prod" "$stage" &&
    check quoted-name-gone lacks "$out" "Odd.Name"
expect case-folds 2 "$PGALIGN" --unsafe --exclude 'APP.TMP_*' "$prod" "$stage" &&
    check case-folds-gone lacks "$out" "tmp_"
expect schema-pattern 2 "$PGALIGN" --unsafe --exclude scratch "$prod" "$stage" &&
    check schema-pattern-gone lacks "$out" "scratch" &&
    check schema-pattern-keeps grep -q "tmp_new" "$out"
expect names-nothing 2 "$PGALIGN" --unsafe --exclude 'app.nothing_*' "$prod" "$stage" &&
    check names-nothing-warns grep -qF "warning: --exclude app.nothing_* names nothing in FROM or TARGET" "$err"

# --- bad patterns: one line, exit 1, before anything connects ---
expect bad-kind 1 "$PGALIGN" --exclude 'tabel:app.x' host=/nonexistent EMPTY &&
    check bad-kind-one-line one_line "$err" && check bad-kind-says grep -q "no kind is called tabel" "$err"
expect bad-parts 1 "$PGALIGN" --include 'a.b.c.d' host=/nonexistent EMPTY &&
    check bad-parts-one-line one_line "$err"
printf 'app.ok\n"unclosed\n' >"$work/bad.txt"
expect bad-file-line 1 "$PGALIGN" --exclude-from "$work/bad.txt" host=/nonexistent EMPTY &&
    check bad-file-line-named grep -qF "bad.txt:2: pattern \"unclosed has an unclosed double quote" "$err"
expect missing-file 1 "$PGALIGN" --exclude-from "$work/none.txt" host=/nonexistent EMPTY &&
    check missing-file-one-line one_line "$err"
expect apply-refuses 1 "$PGALIGN" apply --exclude x "$prod" "$work/none.json"

# --- a patterns file: the plan applies, and converges under the patterns,
# in both directions; what they leave out still differs ---
for dir in forward backward; do
    if [ $dir = forward ]; then from=pat_prod to=pat_stage; else from=pat_stage to=pat_prod; fi
    fresh_db pat_work && load_sql pat_work "$here/${from#pat_}.sql"
    expect "$dir-file" 2 "$PGALIGN" --unsafe "${file[@]}" dbname=pat_work "dbname=$to" &&
        check "$dir-file-leaves-out" sh -c "! grep -E 'tmp_|debug_dump|legacy_code|scratch|Odd\\.Name|shell_t' '$out'" &&
        check "$dir-file-applies" psql -X -q -1 -v ON_ERROR_STOP=1 -d pat_work -f "$out"
    expect "$dir-converges" 0 "$PGALIGN" "${file[@]}" dbname=pat_work "dbname=$to"
    expect "$dir-rest-differs" 2 "$PGALIGN" --unsafe dbname=pat_work "dbname=$to" &&
        check "$dir-rest-is-left-out" left_out_named
done

# --- sources: a .sql file and a snapshot give the live plan ---
"$PGALIGN" --unsafe "${file[@]}" "$prod" "$stage" >"$work/live.sql" 2>/dev/null
expect sql-source 2 "$PGALIGN" --unsafe "${file[@]}" "$prod" "$here/stage.sql" &&
    check sql-source-same cmp -s "$out" "$work/live.sql"
"$PGALIGN" snapshot -o "$work/stage.json" "$stage" 2>"$err" || fail "$SUITE/snapshot" "no snapshot" "$err"
expect snapshot-source 2 "$PGALIGN" --unsafe "${file[@]}" "$prod" "$work/stage.json" &&
    check snapshot-source-same cmp -s "$out" "$work/live.sql"
# A snapshot taken with patterns holds only what they keep.
expect snapshot-pruned 0 "$PGALIGN" snapshot "${file[@]}" -o "$work/pruned.json" "$stage" &&
    check snapshot-pruned-lacks lacks "$work/pruned.json" "tmp_import" &&
    check snapshot-pruned-keeps grep -q '"orders"' "$work/pruned.json"
expect empty-source 2 "$PGALIGN" --exclude 'app.tmp_*' --exclude scratch EMPTY "$stage" &&
    check empty-source-gone lacks "$out" "tmp_\|scratch"

# --- the census: a pattern leaves out what it names there too ---
expect census-named 2 "$PGALIGN" check --unsafe --exclude 'app.tmp_*' "$prod" "$stage" &&
    check census-named-shell grep -q "not compared: base type app.shell_t" "$err"
expect census-pattern 2 "$PGALIGN" check --unsafe --exclude 'base_type:app.shell_*' "$prod" "$stage" &&
    check census-pattern-gone lacks "$err" "shell_t"
expect census-schema 0 "$PGALIGN" check --exclude app --exclude scratch "$prod" "$stage" &&
    check census-schema-gone lacks "$err" "shell_t"

# --- --include: only what it names and what lives in it ---
expect include-table 2 "$PGALIGN" --unsafe --include app.orders "$prod" "$stage" &&
    check include-table-column grep -q "ADD COLUMN total" "$out" &&
    check include-table-index grep -q "orders_note" "$out" &&
    check include-table-comment grep -q "kept by another tool" "$out" &&
    check include-table-only lacks "$out" "report\|mood\|tmp_\|debug"
expect include-and-exclude 2 "$PGALIGN" --unsafe --include app.orders --exclude 'index:app.*' "$prod" "$stage" &&
    check include-and-exclude-index lacks "$out" "orders_note"
expect include-kind 2 "$PGALIGN" --unsafe --include 'enum:*.*' "$prod" "$stage" &&
    check include-kind-enum grep -q "ADD VALUE 'busy'" "$out" &&
    check include-kind-only test "$(grep -c '^[A-Z]' "$out")" = 1
# What an included object needs that the patterns leave out and FROM
# lacks is named: the plan cannot create it.
expect include-needs 2 "$PGALIGN" --include app.tmp_report "$prod" "$stage" &&
    check include-needs-named grep -qF 'view:"app"."tmp_report" needs table:"app"."tmp_new", which the patterns leave out and FROM lacks' "$err"
expect exclude-needed 2 "$PGALIGN" --unsafe --exclude app.tmp_new "$prod" "$stage" &&
    check exclude-needed-named grep -qF 'needs table:"app"."tmp_new"' "$err"

# --- a JSON plan records the patterns; apply inspects with them, so a
# change to what they leave out does not stop it, one to the rest does ---
fresh_db pat_apply && load_sql pat_apply "$here/prod.sql"
expect json-plan 2 "$PGALIGN" --unsafe --format json -o "$work/plan.json" "${file[@]}" dbname=pat_apply "$stage" &&
    check json-plan-records python3 -c 'import json, sys; o = json.load(open(sys.argv[1]))["options"]; sys.exit(0 if "app.tmp_*" in o["exclude"] and o["include"] == [] else 1)' "$work/plan.json"
psql -X -q -d pat_apply -c "ALTER TABLE app.tmp_import ADD COLUMN late int"
expect json-apply-left-out-changed 0 "$PGALIGN" apply --unsafe dbname=pat_apply "$work/plan.json"
expect json-applied-converges 0 "$PGALIGN" "${file[@]}" dbname=pat_apply "$stage"
fresh_db pat_apply && load_sql pat_apply "$here/prod.sql"
"$PGALIGN" --unsafe --format json -o "$work/plan.json" "${file[@]}" dbname=pat_apply "$stage" 2>/dev/null
psql -X -q -d pat_apply -c "ALTER TABLE app.orders ADD COLUMN late int"
expect json-apply-kept-changed 1 "$PGALIGN" apply --unsafe dbname=pat_apply "$work/plan.json" &&
    check json-apply-kept-changed-says grep -q "FROM matches neither the schema the plan was made for" "$err"

# --- every kind: an object named by its parts is left out with what
# lives in it, and nothing else (every_kind.py) ---
fresh_db pat_all && load_sql pat_all "$here/../kinds/base.sql" &&
    load_sql pat_all "$here/every_kind.sql" 2>"$err" || fail "$SUITE/every-kind-setup" "cannot load" "$err"
python3 "$here/every_kind.py" "$PGALIGN" pat_all "$work" >"$out" 2>"$err"
check every-kind-ran test -s "$out"
while read -r verdict kind rest; do
    if [ "$verdict" = ok ]; then pass "$SUITE/every-kind/$kind"
    else fail "$SUITE/every-kind/${kind%:}" "$rest"; fi
done <"$out"
