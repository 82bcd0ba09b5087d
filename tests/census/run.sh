#!/usr/bin/env bash
# The census: objects of kinds pgalign does not model are named, on one
# side, on both alike and on both differing, and a difference among them
# is never "in sync"; filters leave them out as they leave out the rest;
# extension members are not named; no secret appears in any output.
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir census
SUITE=census out=$work/out err=$work/err

for db in cen_base cen_kinds cen_kinds2 cen_alt; do
    fresh_db "$db" && load_sql "$db" "$here/base.sql" || fail "$SUITE/setup-$db" "cannot load base.sql"
done
for db in cen_kinds cen_kinds2; do
    load_sql "$db" "$here/kinds.sql" 2>"$err" || fail "$SUITE/setup-$db" "cannot load kinds.sql" "$err"
done
load_sql cen_alt "$here/alt.sql" 2>"$err" || fail "$SUITE/setup-cen_alt" "cannot load alt.sql" "$err"

# Each object of kinds.sql, as pgalign names it.
objects=(
    "subscription census_sub"
    "base type public.census_int"
)

# named CASE WHERE FILE: every object is named once in FILE, "(WHERE)".
named() {
    local case=$1 where=$2 file=$3 o
    for o in "${objects[@]}"; do
        check "$case: $o" \
            test "$(grep -cxF "pgalign: not compared: $o ($where)" "$file")" = 1
    done
}

expect target-only 2 "$PGALIGN" check dbname=cen_base dbname=cen_kinds &&
    named target-only "TARGET only" "$err" &&
    check target-only-shell grep -qxF \
        "pgalign: not compared: base type auth.census_shell (TARGET only)" "$err" &&
    check target-only-summary grep -q "^not compared (kinds pgalign does not plan yet): 3 objects, 3 differ" "$out"
expect from-only 2 "$PGALIGN" check --unsafe dbname=cen_kinds dbname=cen_base &&
    named from-only "FROM only" "$err"
expect both-same 0 "$PGALIGN" check dbname=cen_kinds dbname=cen_kinds2 &&
    named both-same "both sides, same" "$err" &&
    check both-same-in-sync grep -q "^in sync" "$out"
expect both-same-quiet 0 "$PGALIGN" check -q dbname=cen_kinds dbname=cen_kinds2 &&
    named both-same-quiet "both sides, same" "$err"
expect both-differ 2 "$PGALIGN" check dbname=cen_kinds dbname=cen_alt &&
    named both-differ "both sides, differ" "$err" &&
    check both-differ-summary grep -q "objects pgalign cannot plan differ" "$out" &&
    check both-differ-extra grep -qxF \
        "pgalign: not compared: subscription census_sub2 (TARGET only)" "$err"

# JSON: the summary and the plan list them; in_sync only when none differs.
json_holds() {   # FILE PYTHON-EXPRESSION over d
    python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2"
}
expect json-differ 2 "$PGALIGN" check --format json dbname=cen_kinds dbname=cen_alt &&
    check json-differ-listed json_holds "$out" \
        'not d["in_sync"] and len(d["not_compared"]) == 4 and all(o["differs"] for o in d["not_compared"])'
expect json-same 0 "$PGALIGN" check --format json dbname=cen_kinds dbname=cen_kinds2 &&
    check json-same-listed json_holds "$out" \
        'd["in_sync"] and len(d["not_compared"]) == 3 and all(o["where"] == "both sides, same" for o in d["not_compared"])'
expect plan-json 2 "$PGALIGN" --format json dbname=cen_kinds dbname=cen_alt &&
    check plan-json-listed json_holds "$out" 'd["statements"] == [] and len(d["not_compared"]) == 4'

# diff: the plan (here only a comment) lists what differs, and runs.
expect diff-comment 2 "$PGALIGN" dbname=cen_base dbname=cen_kinds &&
    check diff-comment-lists grep -qxF -- "--   subscription census_sub (TARGET only)" "$out" &&
    fresh_db cen_apply && load_sql cen_apply "$here/base.sql" &&
    check diff-comment-applies psql -X -q -1 -v ON_ERROR_STOP=1 -d cen_apply -f "$out"
expect diff-same 0 "$PGALIGN" dbname=cen_kinds dbname=cen_kinds2 &&
    check diff-same-empty test ! -s "$out"
expect diff-quiet 2 "$PGALIGN" -q dbname=cen_base dbname=cen_kinds &&
    check diff-quiet-silent test ! -s "$err"

# A name holding a line break cannot end the plan's comment.
fresh_db cen_evil && load_sql cen_evil "$here/base.sql" &&
    psql -X -q -d cen_evil -c 'create subscription "evil
DROP TABLE orders; --" connection '"'host=/nonexistent dbname=x'"' publication p1
        with (connect = false, slot_name = none, enabled = false)'
expect evil-name 2 "$PGALIGN" dbname=cen_base dbname=cen_evil &&
    check evil-name-commented lacks "$out" "^DROP TABLE"

# Filters: the profile leaves out what is in schemas it manages, and
# --schema and --exclude-schema what is in the schemas they leave out;
# global kinds (subscriptions) stay.
expect profile 2 "$PGALIGN" check --profile supabase dbname=cen_kinds dbname=cen_alt &&
    check profile-leaves-auth lacks "$err" "census_shell" &&
    check profile-keeps-public grep -q "not compared: base type public.census_int " "$err" &&
    check profile-keeps-global grep -q "not compared: subscription census_sub " "$err"
expect exclude-schema 2 "$PGALIGN" check --exclude-schema public dbname=cen_kinds dbname=cen_alt &&
    check exclude-leaves-public lacks "$err" "public\.census" &&
    check exclude-keeps-global grep -q "not compared: subscription census_sub " "$err"
expect only-schema 2 "$PGALIGN" check --schema auth dbname=cen_kinds dbname=cen_alt &&
    check only-schema-auth grep -q "census_shell" "$err" &&
    check only-schema-no-public lacks "$err" "public\.census" &&
    check only-schema-keeps-global grep -q "not compared: subscription census_sub " "$err"

# What an extension brings (hstore: casts, operators, classes, families)
# is the extension's, not the user's.
fresh_db cen_ext && load_sql cen_ext "$here/base.sql"
if psql -X -q -d cen_ext -c "create extension hstore" 2>/dev/null; then
    expect extension-members 2 "$PGALIGN" check dbname=cen_base dbname=cen_ext &&
        check extension-members-unnamed lacks "$err" "not compared"
else
    skip "$SUITE/extension-members" "hstore is not installed here"
fi

# Snapshots record the census; one without it says so.
"$PGALIGN" snapshot -o "$work/kinds.json" dbname=cen_kinds 2>"$err" ||
    fail "$SUITE/snapshot" "no snapshot" "$err"
expect snapshot-same 0 "$PGALIGN" check "$work/kinds.json" dbname=cen_kinds2 &&
    named snapshot-same "both sides, same" "$err"
expect snapshot-differ 2 "$PGALIGN" check "$work/kinds.json" dbname=cen_alt &&
    named snapshot-differ "both sides, differ" "$err"
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); del d["not_compared"]; json.dump(d, sys.stdout)' \
    "$work/kinds.json" >"$work/old.json"
expect snapshot-without-census 0 "$PGALIGN" check dbname=cen_kinds "$work/old.json" &&
    check snapshot-without-census-says grep -qF \
        "subscription census_sub (FROM; TARGET is a snapshot that does not record such objects)" "$err"

# A snapshot of format 3 did not record base types: they are not compared
# on either side, and that is said (--strict refuses it).
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); d["version"] = 3; json.dump(d, sys.stdout)' \
    "$work/kinds.json" >"$work/v3.json"
expect snapshot-v3 0 "$PGALIGN" check "$work/v3.json" dbname=cen_kinds2 &&
    check snapshot-v3-says grep -qF \
        "pgalign: not compared: base types (FROM is a snapshot of format version 3, which predates them" "$err" &&
    check snapshot-v3-base-type-unnamed lacks "$err" "base type public" &&
    check snapshot-v3-subscription grep -qxF \
        "pgalign: not compared: subscription census_sub (both sides, same)" "$err"
"$PGALIGN" snapshot -o "$work/base.json" dbname=cen_base 2>"$err" ||
    fail "$SUITE/snapshot-base" "no snapshot" "$err"
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); d["version"] = 3; json.dump(d, sys.stdout)' \
    "$work/base.json" >"$work/base-v3.json"
expect snapshot-v3-strict 1 "$PGALIGN" check --strict "$work/base-v3.json" dbname=cen_base &&
    check snapshot-v3-strict-says grep -q "snapshot predates kinds" "$err"

# No secret (options named password, the subscription's connection
# string) in any output.
expect sync-nothing-to-apply 2 "$PGALIGN" sync --yes dbname=cen_kinds dbname=cen_alt &&
    check sync-says-why grep -q "pgalign cannot plan differ" "$err"
{
    "$PGALIGN" -v dbname=cen_base dbname=cen_alt
    "$PGALIGN" -v --format json dbname=cen_base dbname=cen_alt
    "$PGALIGN" --format summary dbname=cen_kinds dbname=cen_alt
    "$PGALIGN" check --format json dbname=cen_kinds dbname=cen_alt
    "$PGALIGN" sync --dry-run dbname=cen_kinds dbname=cen_alt
    "$PGALIGN" snapshot dbname=cen_alt
    cat "$work/kinds.json"
} >"$work/all" 2>&1
check secrets-never-printed lacks "$work/all" "S3cret"
check secrets-outputs-there grep -q "census_srv" "$work/all"
check secrets-server-digest grep -qF "password <secret:" "$work/all"

# --strict: anything not compared is an error (exit 1), before anything is
# printed or changed; named even with -q.
expect strict-check 1 "$PGALIGN" check --strict dbname=cen_kinds dbname=cen_kinds2 &&
    check strict-check-nothing-printed test ! -s "$out" &&
    check strict-check-says grep -q "^pgalign: --strict: 3 objects " "$err"
expect strict-diff-quiet 1 "$PGALIGN" --strict -q dbname=cen_base dbname=cen_kinds &&
    check strict-diff-nothing-printed test ! -s "$out" &&
    check strict-diff-named grep -qxF "pgalign: not compared: subscription census_sub (TARGET only)" "$err"
expect strict-nothing-uncompared 0 "$PGALIGN" --strict dbname=cen_base dbname=cen_base
expect strict-snapshot-without-census 1 "$PGALIGN" check --strict dbname=cen_base "$work/old.json" &&
    check strict-snapshot-says grep -q "TARGET is a snapshot that does not record" "$err"
fresh_db cen_sync && load_sql cen_sync "$here/base.sql"
expect strict-sync 1 "$PGALIGN" sync --strict --yes dbname=cen_sync dbname=cen_kinds &&
    check strict-sync-unchanged "$PGALIGN" check dbname=cen_sync dbname=cen_base
# apply: a JSON plan records what its diff did not compare; a .sql plan
# cannot say, and is refused.
fresh_db cen_more && load_sql cen_more "$here/base.sql" &&
    psql -X -q -d cen_more -c "create table extra (id int)"
"$PGALIGN" --format json -o "$work/uncompared.json" dbname=cen_sync dbname=cen_kinds 2>/dev/null
"$PGALIGN" --format json -o "$work/clean.json" dbname=cen_sync dbname=cen_more 2>/dev/null
"$PGALIGN" -o "$work/clean.sql" dbname=cen_sync dbname=cen_more 2>/dev/null
expect strict-apply-uncompared 1 "$PGALIGN" apply --strict dbname=cen_sync "$work/uncompared.json" &&
    check strict-apply-named grep -qxF "pgalign: not compared: subscription census_sub (TARGET only)" "$err"
# A plan file is outside input: a name in it with a line break or a
# terminal escape is printed escaped, never as such.
python3 - "$work/uncompared.json" "$work/escapes.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
plan["not_compared"][0]["name"] = "evil\n\x1b[2Jname"
json.dump(plan, open(sys.argv[2], "w"))
PY
expect strict-apply-escaped 1 "$PGALIGN" apply --strict dbname=cen_sync "$work/escapes.json" &&
    check strict-apply-escaped-name grep -qF 'evil\x0a\x1b[2Jname' "$err" &&
    check strict-apply-escaped-raw lacks "$err" $'\x1b'
expect strict-apply-sql 1 "$PGALIGN" apply --strict dbname=cen_sync "$work/clean.sql" &&
    check strict-apply-sql-says grep -q "a .sql plan never does" "$err"
check strict-apply-unchanged "$PGALIGN" check dbname=cen_sync dbname=cen_base
expect strict-apply-clean 0 "$PGALIGN" apply --strict dbname=cen_sync "$work/clean.json"
