#!/usr/bin/env bash
# The kinds pgalign plans beyond tables and types, what round trips do not
# show: check is drift (exit 2) for a pair that differs only in one of
# them, and in sync for a pair alike; the census no longer names them; a
# snapshot of a format older than the kind leaves it out and says so.
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir kinds
SUITE=kinds out=$work/out err=$work/err

fresh_db kinds_base && load_sql kinds_base "$here/base.sql" ||
    fail "$SUITE/setup" "cannot load base.sql"

# differs NAME KIND SQL: a copy of base with SQL run is drift in KIND only.
differs() {
    local name=$1 kind=$2 sql=$3 db=kinds_$1
    fresh_db "$db" && load_sql "$db" "$here/base.sql" && psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "$sql" ||
        { fail "$SUITE/$name" "cannot set up: $sql"; return; }
    expect "$name" 2 "$PGALIGN" check dbname=kinds_base "dbname=$db" &&
        expect "$name-summary" 2 "$PGALIGN" --format summary dbname=kinds_base "dbname=$db" &&
        check "$name-is-$kind" grep -qE "^  $kind +[0-9]+ +[0-9]+ +[0-9]+$" "$out" &&
        check "$name-only-$kind" test "$(grep -cE '^  [a-z_]+ +[0-9]+ +[0-9]+ +[0-9]+$' "$out")" = 1
}

expect alike 0 "$PGALIGN" check dbname=kinds_base dbname=kinds_base &&
    check alike-not-named lacks "$err" "not compared"
differs parser text_search_parser "drop text search parser search.spare;
    create text search parser search.spare (start = prsd_start, gettoken = prsd_nexttoken,
    end = prsd_end, lextypes = prsd_lextype, headline = prsd_headline)"
differs template text_search_template "drop text search template search.spare_tmpl;
    create text search template search.spare_tmpl (init = dsimple_init, lexize = dsimple_lexize)"
differs template-comment text_search_template "comment on text search template search.tmpl is 'x'"
differs dictionary-options text_search_dictionary \
    "alter text search dictionary search.dict (stopwords = english, accept = false)"
differs configuration-mapping text_search_configuration \
    "alter text search configuration search.cfg alter mapping for word with simple"
differs statistics statistics "alter statistics public.orders_stats set statistics 10"
differs rule rule "create rule keep_orders as on delete to public.orders do instead nothing"
differs rule-state rule "alter table public.orders disable rule log_insert"
differs cast cast "drop cast (public.mood as int);
    create cast (public.mood as int) with function public.mood_int(public.mood) as assignment"
differs cast-comment cast "comment on cast (public.mood as int) is 'x'"
differs operator operator "drop operator public.=== (int, int);
    create operator public.=== (leftarg = int, rightarg = int, function = public.int_eq3, hashes)"
differs operator-estimators operator \
    "alter operator public.=== (int, int) set (restrict = scalarltsel, join = scalarltjoinsel)"
differs conversion conversion "drop conversion public.conv;
    create default conversion public.conv for 'UTF8' to 'LATIN1' from public.to_latin"
differs language language "create or replace trusted language kinds_lang handler public.pl_handler"
differs language-comment language "comment on language kinds_lang is 'x'"
differs transform transform "comment on transform for public.mood language kinds_lang is 'x'"
differs family-member operator_family \
    "alter operator family public.int_fam using btree drop function 1 (int, bigint)"
differs family-comment operator_family "comment on operator family public.int_fam using btree is 'x'"
differs class operator_class "drop operator class public.int_hash using hash;
    create operator class public.int_hash for type int using hash as
    operator 1 =, function 1 public.hash_int(int)"
differs class-comment operator_class "comment on operator class public.int_hash using hash is 'x'"
differs view-default view_default "alter view public.orders_v alter column region set default 'us'"

# Snapshots hold them from format 4; one of format 3 leaves them out.
"$PGALIGN" snapshot -o "$work/base.json" dbname=kinds_base 2>"$err" ||
    fail "$SUITE/snapshot" "no snapshot" "$err"
expect snapshot 2 "$PGALIGN" check "$work/base.json" dbname=kinds_dictionary-options
python3 - "$work/base.json" "$work/v3.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["version"] = 3
new = lambda kind: kind.startswith("text_search_") or kind in ("statistics", "rule", "view_default", "cast", "operator", "conversion", "language", "transform", "operator_family", "operator_class")
d["objects"] = [o for o in d["objects"] if not new(o["kind"])]
for o in d["objects"]:
    o["depends_on"] = [k for k in o.get("depends_on", []) if not new(k.split(":")[0])]
json.dump(d, open(sys.argv[2], "w"))
PY
expect snapshot-v3 0 "$PGALIGN" check "$work/v3.json" dbname=kinds_dictionary-options &&
    check snapshot-v3-says grep -qF "pgalign: not compared: text search dictionaries (FROM is a snapshot of format version 3" "$err" &&
    check snapshot-v3-statistics grep -qF "pgalign: not compared: statistics (FROM is a snapshot of format version 3" "$err" &&
    check snapshot-v3-rules grep -qF "pgalign: not compared: rules (FROM is a snapshot of format version 3" "$err" &&
    check snapshot-v3-view-defaults grep -qF "pgalign: not compared: view column defaults (FROM is a snapshot of format version 3" "$err" &&
    check snapshot-v3-casts grep -qF "pgalign: not compared: casts (FROM is a snapshot of format version 3" "$err" &&
    check snapshot-v3-operators grep -qF "pgalign: not compared: operators (FROM is a snapshot of format version 3" "$err" &&
    check snapshot-v3-conversions grep -qF "pgalign: not compared: conversions (FROM is a snapshot of format version 3" "$err" &&
    check snapshot-v3-languages grep -qF "pgalign: not compared: languages (FROM is a snapshot of format version 3" "$err" &&
    check snapshot-v3-transforms grep -qF "pgalign: not compared: transforms (FROM is a snapshot of format version 3" "$err" &&
    check snapshot-v3-families grep -qF "pgalign: not compared: operator families (FROM is a snapshot of format version 3" "$err" &&
    check snapshot-v3-classes grep -qF "pgalign: not compared: operator classes (FROM is a snapshot of format version 3" "$err"
expect snapshot-v3-strict 1 "$PGALIGN" check --strict "$work/v3.json" dbname=kinds_base

# A dictionary only FROM has, which a configuration stops using: the
# configuration lets go of it by ALTER, before the DROP; neither it nor
# the index on it is rebuilt.
fresh_db kinds_release && load_sql kinds_release "$here/base.sql" && psql -X -q -d kinds_release -c \
    "create text search dictionary search.extra (template = simple);
     alter text search configuration search.cfg alter mapping for word with search.extra"
expect release 2 "$PGALIGN" --unsafe dbname=kinds_release dbname=kinds_base &&
    check release-alters grep -qxF "ALTER TEXT SEARCH CONFIGURATION search.cfg ALTER MAPPING FOR word WITH search.dict, simple;" "$out" &&
    check release-drops grep -qxF "DROP TEXT SEARCH DICTIONARY search.extra;" "$out" &&
    check release-keeps-index lacks "$out" "INDEX" &&
    check release-keeps-configuration lacks "$out" "DROP TEXT SEARCH CONFIGURATION"

# A family member only FROM has, whose operator only FROM has: the family
# lets go of it by ALTER, before the operator's DROP; neither the class in
# the family nor the index using the class is rebuilt.
fresh_db kinds_member && load_sql kinds_member "$here/base.sql" && psql -X -q -d kinds_member -c \
    "create function public.lt8(int, bigint) returns bool language sql immutable as 'select \$1 < \$2';
     create operator public.<<<< (leftarg = int, rightarg = bigint, function = public.lt8);
     alter operator family public.int_fam using btree add operator 2 public.<<<<(int, bigint)"
expect member 2 "$PGALIGN" --unsafe dbname=kinds_member dbname=kinds_base &&
    check member-alters grep -qxF "ALTER OPERATOR FAMILY public.int_fam USING btree DROP" "$out" &&
    check member-before-operator test "$(grep -nxF "ALTER OPERATOR FAMILY public.int_fam USING btree DROP" "$out" | cut -d: -f1)" \
        -lt "$(grep -n "^DROP OPERATOR public.<<<<" "$out" | cut -d: -f1)" &&
    check member-keeps-class lacks "$out" "OPERATOR CLASS" &&
    check member-keeps-index lacks "$out" "INDEX"
