#!/usr/bin/env bash
# migra compatibility: for each migra flag and exit code, the behaviour
# migra documents, on live databases, so scripts written for migra keep
# working: `migra FROM TARGET` → `pgalign FROM TARGET`.
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir migra
SUITE=migra
out=$work/out err=$work/err

has() { grep -qF -- "$2" "$1"; }
db() { psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c "$2" >/dev/null; }
pair() { fresh_db mg_from && fresh_db mg_to && db mg_from "$1" && db mg_to "$2"; }
# Every statement ends in ';' and statements are separated by one blank line.
migra_layout() {
    awk 'BEGIN { ok = 1 } /^$/ { if (prev == "" || prev !~ /;$/) ok = 0 } { prev = $0 }
         END { if (prev !~ /;$/) ok = 0; exit !ok }' "$1"
}

# Exit 0 and nothing printed when the schemas are the same.
pair "create table t (id int);" "create table t (id int);"
expect same-exit-0 0 "$PGALIGN" dbname=mg_from dbname=mg_to && check same-no-output [ ! -s "$out" ]

# Exit 2 with the plan; FROM is the database changed to match TARGET.
pair "create table t (id int);" "create table t (id int, v text); create schema other; create table other.u (id int);
      create function f() returns int language sql as 'select 1';"
expect different-exit-2 2 "$PGALIGN" dbname=mg_from dbname=mg_to &&
    check different-plan-adds-v has "$out" "ADD COLUMN v text" &&
    check different-layout migra_layout "$out"
psql -X -q -1 -v ON_ERROR_STOP=1 -d mg_from -f "$out" >/dev/null 2>"$err"
expect plan-makes-from-like-target 0 "$PGALIGN" dbname=mg_from dbname=mg_to

# --unsafe: without it a destructive plan exits 3 and prints nothing.
pair "create table t (id int, gone text);" "create table t (id int);"
expect unsafe-needed-exit-3 3 "$PGALIGN" dbname=mg_from dbname=mg_to &&
    check unsafe-nothing-on-stdout [ ! -s "$out" ] &&
    check unsafe-lists-statement has "$err" "DROP COLUMN gone"
expect unsafe-given-exit-2 2 "$PGALIGN" --unsafe dbname=mg_from dbname=mg_to &&
    check unsafe-given-plan has "$out" "ALTER TABLE public.t DROP COLUMN gone;"

# --schema and --exclude_schema (and the dashed spelling).
pair "create schema a; create schema b;" \
     "create schema a; create schema b; create table a.x (id int); create table b.y (id int);"
expect schema-only-a 2 "$PGALIGN" --schema a dbname=mg_from dbname=mg_to &&
    check schema-has-a has "$out" "CREATE TABLE a.x" && check schema-lacks-b lacks "$out" "b.y"
expect exclude-schema-b 2 "$PGALIGN" --exclude_schema b dbname=mg_from dbname=mg_to &&
    check exclude-has-a has "$out" "CREATE TABLE a.x" && check exclude-lacks-b lacks "$out" "b.y"
expect exclude-schema-dashed 2 "$PGALIGN" --exclude-schema b dbname=mg_from dbname=mg_to &&
    check exclude-dashed-lacks-b lacks "$out" "b.y"
expect schema-repeatable 2 "$PGALIGN" --schema a --schema b dbname=mg_from dbname=mg_to &&
    check schema-repeatable-both has "$out" "b.y"

# --create-extensions-only: only CREATE EXTENSION, whatever else differs.
pair "create table t (id int);" "create extension citext; create table t (id int, v text);"
expect create-extensions-only 2 "$PGALIGN" --create-extensions-only dbname=mg_from dbname=mg_to &&
    check extensions-only-creates has "$out" "CREATE EXTENSION IF NOT EXISTS citext" &&
    check extensions-only-nothing-else lacks "$out" "ADD COLUMN"

# --ignore-extension-versions.
pair "create extension citext version '1.5';" "create extension citext version '1.6';"
expect extension-version-compared 2 "$PGALIGN" dbname=mg_from dbname=mg_to &&
    check extension-version-update has "$out" "ALTER EXTENSION citext UPDATE TO '1.6'"
expect ignore-extension-versions 0 "$PGALIGN" --ignore-extension-versions dbname=mg_from dbname=mg_to

# --with-privileges: grants only with the flag.
pair "do \$\$ begin create role mg_reader; exception when duplicate_object or unique_violation then null; end \$\$;
      create table t (id int);" \
     "do \$\$ begin create role mg_reader; exception when duplicate_object or unique_violation then null; end \$\$;
      create table t (id int); grant select on t to mg_reader;"
expect privileges-ignored 0 "$PGALIGN" dbname=mg_from dbname=mg_to
expect with-privileges 2 "$PGALIGN" --with-privileges dbname=mg_from dbname=mg_to &&
    check with-privileges-grant has "$out" "GRANT SELECT ON TABLE public.t TO mg_reader;"

# --force-utf8 is accepted and changes nothing.
pair "create table t (id int);" "create table t (id int, \"naïve\" text);"
"$PGALIGN" dbname=mg_from dbname=mg_to > "$work/plain"
expect force-utf8 2 "$PGALIGN" --force-utf8 dbname=mg_from dbname=mg_to &&
    check force-utf8-same-plan cmp -s "$out" "$work/plain"

# EMPTY on either side.
expect empty-from 2 "$PGALIGN" EMPTY dbname=mg_to &&
    check empty-from-creates has "$out" "CREATE TABLE public.t"
expect empty-target-unsafe 3 "$PGALIGN" dbname=mg_to EMPTY
expect empty-target 2 "$PGALIGN" --unsafe dbname=mg_to EMPTY &&
    check empty-target-drops has "$out" "DROP TABLE public.t;"
expect empty-empty 0 "$PGALIGN" EMPTY EMPTY

# URIs, as migra takes them; an error exits 1 with one line.
expect uri-source 2 "$PGALIGN" "postgresql:///mg_from?host=$PGHOST&port=$PGPORT&user=$PGUSER" dbname=mg_to
expect bad-database-exit-1 1 "$PGALIGN" dbname=mg_no_such_db dbname=mg_to &&
    check bad-database-one-line one_line "$err"
