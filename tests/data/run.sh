#!/usr/bin/env bash
# Reference data (--data): the rows of tables with a primary key converge
# both ways, with values of many types quoted exactly, in foreign-key
# order (between two tables and within one), after the schema changes
# they need; DELETE only with --unsafe; a table over --data-limit, one
# without a key, a view and a name on neither side are refused with a
# clear message; a .sql source's rows and a snapshot's are compared;
# check says drift; apply (a JSON plan) and sync. Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir data
SUITE=data out=$work/out err=$work/err
DATA=(--data plans --data public.plan_features --data categories)

# The rows of the three tables, each as key-sorted JSON, in key order.
rows() {
    psql -X -A -t -q -d "$1" -c "SELECT 'plans', to_jsonb(t) FROM plans t ORDER BY id" \
        -c "SELECT 'plan_features', to_jsonb(t) FROM plan_features t ORDER BY 2" \
        -c "SELECT 'categories', to_jsonb(t) FROM categories t ORDER BY 2"
}

# converge NAME FROM TARGET: the plan (with --unsafe) applies with psql -1,
# a new diff is empty, and FROM then has TARGET's rows and schema.
converge() {
    local name=$1 from=$2 to=$3
    expect "$name/plan" 2 "$PGALIGN" --unsafe "${DATA[@]}" "dbname=$from" "dbname=$to" &&
        cp "$out" "$work/$name.sql" &&
        expect "$name/apply" 0 psql -X -q -1 -v ON_ERROR_STOP=1 -d "$from" -f "$work/$name.sql" &&
        expect "$name/rediff" 0 "$PGALIGN" --unsafe "${DATA[@]}" "dbname=$from" "dbname=$to" &&
        check "$name/rows" diff <(rows "$from") <(rows "$to") &&
        check "$name/schema" diff <(dump_normalized "$from") <(dump_normalized "$to")
}

load() {    # db file
    fresh_db "$1" && (cd "$here" && load_sql "$1" "$2")
}

load data_from from.sql && load data_target target.sql || { fail "$SUITE/load"; exit 0; }
# Without --unsafe: the rows only FROM has are named, nothing printed.
expect safe 3 "$PGALIGN" "${DATA[@]}" dbname=data_from dbname=data_target &&
    check safe-empty test ! -s "$out" &&
    check safe-names grep -qF "DELETE FROM public.categories WHERE id = 'old';" "$err"
expect check 2 "$PGALIGN" check --unsafe "${DATA[@]}" dbname=data_from dbname=data_target
# Without --data the rows are not compared: only the new column differs.
expect schema-only 2 "$PGALIGN" dbname=data_from dbname=data_target &&
    check schema-only-no-rows lacks "$out" "INSERT INTO"

# The preflight counts what a DELETE takes along through the foreign keys
# of other tables; those of --data tables are the plan's own.
expect preflight 2 "$PGALIGN" --unsafe --preflight --format summary "${DATA[@]}" \
    dbname=data_from dbname=data_target &&
    check preflight-cascade grep -qF "DELETE FROM \"public\".\"plans\" WHERE id = '3' cascades (ON DELETE CASCADE) to public.subscriptions, deleting 2 rows" "$out" &&
    check preflight-set-null grep -qF "the reference in public.invoices of 1 row" "$out" &&
    check preflight-own-tables lacks "$out" "plan_features, deleting"

converge forward data_from data_target
plan=$work/forward.sql
# What the plan says, and in which order.
check forward-overriding grep -qF "INSERT INTO public.plans (id, code, tier, price, ratio, tags, limits, raw, logo, starts, period, ref, net, span, active, note) OVERRIDING SYSTEM VALUE VALUES ('4', 'team'," "$plan"
check forward-no-generated lacks "$plan" "label"
check forward-escapes grep -qF "tags = E'{it''s,\"back\\\\\\\\slash\",\"q\\\\\"uote\",NULL}'" "$plan"
check forward-newline grep -qxF "line two' WHERE id = '2';" "$plan"
check forward-update-only-changed grep -qxF "UPDATE public.plan_features SET quota = '200' WHERE plan_id = '1' AND feature = 'api';" "$plan"
line() { grep -nF -- "$1" "$plan" | head -n 1 | cut -d: -f1; }
# The identity sequence moves past the keys inserted, once, at the end:
# the application's next row gets a key of its own.
check forward-sequence test "$(grep -c "SELECT setval(" "$plan")" = 1
check forward-sequence-last test "$(line "SELECT setval(")" -gt "$(line "VALUES ('4', 'team'")"
check forward-next-key test "$(psql -X -A -t -q -d data_from -c "INSERT INTO plans (code, tier) VALUES ('new', 'free') RETURNING id")" = 5
check forward-column-first test "$(line "ADD COLUMN note")" -lt "$(line "INSERT INTO public.plans")"
check forward-fk-order test "$(line "INSERT INTO public.plans")" -lt "$(line "INSERT INTO public.plan_features (plan_id, feature, quota) VALUES ('4'")"
check forward-self-fk-order test "$(line "VALUES ('b', 'a'")" -lt "$(line "VALUES ('c', 'b'")"
check forward-delete-order test "$(line "DELETE FROM public.plan_features WHERE plan_id = '3'")" -lt "$(line "DELETE FROM public.plans WHERE id = '3'")"

# And back: rows deleted, the column dropped.
load data_from from.sql && load data_target target.sql
converge backward data_target data_from
plan=$work/backward.sql
check backward-self-fk-order test "$(line "DELETE FROM public.categories WHERE id = 'c'")" -lt "$(line "DELETE FROM public.categories WHERE id = 'b'")"
check backward-delete-order test "$(line "DELETE FROM public.plan_features WHERE plan_id = '4'")" -lt "$(line "DELETE FROM public.plans WHERE id = '4'")"

# From nothing: the tables, then their rows.
fresh_db data_empty
expect empty-plan 2 "$PGALIGN" "${DATA[@]}" EMPTY dbname=data_target &&
    cp "$out" "$work/empty.sql" &&
    expect empty-apply 0 psql -X -q -1 -v ON_ERROR_STOP=1 -d data_empty -f "$work/empty.sql" &&
    expect empty-rediff 0 "$PGALIGN" "${DATA[@]}" dbname=data_empty dbname=data_target &&
    check empty-rows diff <(rows data_empty) <(rows data_target)
# To nothing: the tables go, and their rows with them.
expect to-empty 2 "$PGALIGN" --unsafe "${DATA[@]}" dbname=data_target EMPTY &&
    check to-empty-no-delete lacks "$out" "DELETE FROM"

# A .sql source: the rows its files insert.
load data_from from.sql
expect sql-source 2 "$PGALIGN" --unsafe "${DATA[@]}" dbname=data_from "$here/target.sql" &&
    cp "$out" "$work/source.sql" &&
    expect sql-source-apply 0 psql -X -q -1 -v ON_ERROR_STOP=1 -d data_from -f "$work/source.sql" &&
    expect sql-source-rediff 0 "$PGALIGN" "${DATA[@]}" dbname=data_from "$here/target.sql"

# Refused, one line each.
refused() {    # name pattern args...
    local name=$1 pattern=$2; shift 2
    expect "$name" 1 "$PGALIGN" "$@" dbname=data_from dbname=data_target &&
        check "$name-says" grep -qF -- "pgalign: $pattern" "$err"
}
refused limit "FROM: --data big: more than 10 rows (--data-limit)" --data big --data-limit 10
refused no-key "FROM: --data events: the table has no primary key" --data events
refused view "FROM: --data plan_codes: public.plan_codes is not a table" --data plan_codes
refused nowhere "--data nope.x: no table nope.x in FROM or TARGET" --data nope.x
refused bad-limit "diff: --data-limit wants a number of rows" --data big --data-limit 0

# Snapshots hold the rows of the tables they were taken with.
load data_from from.sql && load data_target target.sql
expect snapshot 0 "$PGALIGN" snapshot "${DATA[@]}" -o "$work/target.json" dbname=data_target &&
    expect snapshot-plan 2 "$PGALIGN" --unsafe "${DATA[@]}" dbname=data_from "$work/target.json" &&
    check snapshot-same-plan cmp "$out" "$work/forward.sql"
expect snapshot-without-data 0 "$PGALIGN" dbname=data_target "$work/target.json"
expect snapshot-one-table 0 "$PGALIGN" --data categories dbname=data_target "$work/target.json"
expect snapshot-lacks 1 "$PGALIGN" --data big dbname=data_target "$work/target.json" &&
    check snapshot-lacks-says grep -qF "target.json holds no rows of public.big (take the snapshot with --data big)" "$err"

# A JSON plan: apply reads FROM's rows as the plan did (its fingerprint
# covers them), and confirms TARGET's after; a row changed since is a
# stale plan.
expect json-plan 2 "$PGALIGN" --unsafe "${DATA[@]}" --format json -o "$work/plan.json" \
    dbname=data_from dbname=data_target
psql -X -q -d data_from -c "UPDATE categories SET title = 'meanwhile' WHERE id = 'root'"
expect json-stale 1 "$PGALIGN" apply --unsafe dbname=data_from "$work/plan.json" &&
    check json-stale-says grep -qF "FROM matches neither" "$err"
psql -X -q -d data_from -c "UPDATE categories SET title = 'Root' WHERE id = 'root'"
expect json-apply 0 "$PGALIGN" apply --unsafe dbname=data_from "$work/plan.json" &&
    check json-verified grep -qF "verified: FROM now matches the plan's target" "$err" &&
    check json-rows diff <(rows data_from) <(rows data_target)

# A row of another table still referencing a deleted row stops sync
# before anything changes.
load data_from from.sql
for db in data_from data_target; do
    psql -X -q -d $db -c "CREATE TABLE blockers (id int PRIMARY KEY, plan_id int REFERENCES plans)"
done
psql -X -q -d data_from -c "INSERT INTO blockers VALUES (1, 3)"
expect blocked 1 "$PGALIGN" sync --yes --unsafe "${DATA[@]}" dbname=data_from dbname=data_target &&
    check blocked-says grep -qF "preflight: 1 row in public.blockers has a reference to the row DELETE FROM \"public\".\"plans\" WHERE id = '3' removes" "$err" &&
    check blocked-unchanged test "$(psql -X -A -t -q -d data_from -c "SELECT count(*) FROM plans WHERE id = 3")" = 1
for db in data_from data_target; do psql -X -q -d $db -c "DROP TABLE blockers"; done

# sync: the rehearsal's copy of FROM holds its --data rows too.
load data_from from.sql
expect sync 0 "$PGALIGN" sync --yes --unsafe "${DATA[@]}" dbname=data_from dbname=data_target &&
    check sync-rows diff <(rows data_from) <(rows data_target)
# Rows a policy would hide are an error that says why, not rows missing.
psql -X -q -d data_from -c "CREATE ROLE data_reader LOGIN" 2>/dev/null
for db in data_from data_target; do
    psql -X -q -d $db -c "ALTER TABLE categories ENABLE ROW LEVEL SECURITY" \
        -c "CREATE POLICY nothing ON categories USING (false)" \
        -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO data_reader"
done
expect row-security 1 "$PGALIGN" --data categories "dbname=data_from user=data_reader" \
    "dbname=data_target user=data_reader" &&
    check row-security-says grep -qF "affected by row-level security policy for table \"categories\" (--data reads every row, as pg_dump does: the role must own the table or have BYPASSRLS)" "$err"
psql -X -q -d data_target -c "DROP OWNED BY data_reader"
psql -X -q -d data_from -c "DROP OWNED BY data_reader" -c "DROP ROLE data_reader"
expect limit-fits 0 "$PGALIGN" --data big --data-limit 50 dbname=data_from dbname=data_from
exit 0
