#!/usr/bin/env bash
# apply, sync and preflight against real data: fault injection (nothing
# changes when a statement fails), stale plans, every preflight check with
# its exact count and passing on clean data, sync --dry-run / --yes,
# lock timeouts, and Ctrl-C during apply.
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir apply
SUITE=apply
out=$work/out err=$work/err

# Two databases: ap_from with the rows, ap_target with the new schema.
setup() {   # from-sql target-sql
    fresh_db ap_from && fresh_db ap_target
    psql -X -q -v ON_ERROR_STOP=1 -d ap_from -c "$1" >/dev/null &&
        psql -X -q -v ON_ERROR_STOP=1 -d ap_target -c "$2" >/dev/null
}
has() { grep -qF -- "$2" "$1"; }
same_dump() { dump_normalized ap_from | diff -q - "$1" >/dev/null; }

# ---- fault injection: the fifth statement fails on existing rows ----
setup "create table t1 (id int); create table t2 (id int, v int);
       insert into t2 values (1, -1);" \
      "create table t1 (id int, a int, b int, c int);
       create table t2 (id int, v int constraint v_positive check (v > 0));
       create table t3 (id int);"
"$PGALIGN" --format json dbname=ap_from dbname=ap_target -o "$work/plan.json"
"$PGALIGN" dbname=ap_from dbname=ap_target -o "$work/plan.sql"
n=$(grep -c '"sql"' "$work/plan.json")
fifth=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["statements"][4]["sql"])' "$work/plan.json")
check fault-plan-shape [ "$n" = 5 ] && check fault-fifth-is-check [ "$fifth" = "ALTER TABLE public.t2 ADD CONSTRAINT v_positive CHECK ((v > 0))" ]
dump_normalized ap_from > "$work/before"
expect fault-json-exit-1 1 "$PGALIGN" apply --no-preflight dbname=ap_from "$work/plan.json" &&
    check fault-json-names-statement has "$err" "statement 5 of 5 failed" &&
    check fault-json-shows-sql has "$err" "ALTER TABLE public.t2 ADD CONSTRAINT v_positive CHECK ((v > 0))" &&
    check fault-json-server-message has "$err" 'is violated by some row'
check fault-json-unchanged same_dump "$work/before"
expect fault-sql-exit-1 1 "$PGALIGN" apply dbname=ap_from "$work/plan.sql" &&
    check fault-sql-names-statement has "$err" "statement 5 of 5 failed" &&
    check fault-sql-shows-statement has "$err" "statement: ALTER TABLE public.t2 ADD CONSTRAINT v_positive CHECK ((v > 0))"
check fault-sql-unchanged same_dump "$work/before"
expect fault-preflight-refuses 1 "$PGALIGN" apply dbname=ap_from "$work/plan.json" &&
    check fault-preflight-message has "$err" 'preflight: 1 row in "public"."t2" violates CHECK constraint "v_positive"'
check fault-preflight-unchanged same_dump "$work/before"

# ---- a good plan applies, is verified, and re-diffs empty ----
psql -X -q -d ap_from -c "update t2 set v = 1" >/dev/null
expect apply-json 0 "$PGALIGN" apply dbname=ap_from "$work/plan.json" &&
    check apply-json-verified has "$err" "verified: FROM now matches the plan's target"
expect apply-json-rediff-empty 0 "$PGALIGN" dbname=ap_from dbname=ap_target
# Applied twice: FROM is the plan's target already, nothing to do.
expect apply-plan-again 0 "$PGALIGN" apply dbname=ap_from "$work/plan.json" &&
    check apply-again-already-applied has "$err" "the plan was applied; nothing to do"

# ---- a .sql plan: a function's BEGIN ATOMIC body is one statement (its
# semicolons and END are the body's), and a COMMIT of the plan's own is
# refused before anything runs (it would commit half the plan, or let the
# statements after a failure run and commit on their own) ----
setup "create table items (id int);" \
      "create table items (id int);
       create function f() returns setof items language sql
           begin atomic select * from items; select * from items where id > 1; end;
       create function g(x int) returns int language sql
           begin atomic select case when x > 0 then 1 else 2 end; end;"
"$PGALIGN" dbname=ap_from dbname=ap_target -o "$work/atomic.sql"
dump_normalized ap_from > "$work/before"
{ echo "CREATE TABLE first_half (id int);"; echo "COMMIT;"; cat "$work/atomic.sql"; } \
    > "$work/commits.sql"
expect sql-plan-own-commit-refused 1 "$PGALIGN" apply dbname=ap_from "$work/commits.sql" &&
    check sql-plan-own-commit-named has "$err" "statement 2 is COMMIT"
check sql-plan-own-commit-unchanged same_dump "$work/before"
expect sql-plan-begin-atomic-applies 0 "$PGALIGN" apply dbname=ap_from "$work/atomic.sql" &&
    expect sql-plan-begin-atomic-rediff-empty 0 "$PGALIGN" dbname=ap_from dbname=ap_target

# ---- a stale plan is refused; --force applies it anyway ----
setup "create table s (id int);" "create table s (id int, v text);"
"$PGALIGN" --format json dbname=ap_from dbname=ap_target -o "$work/stale.json"
psql -X -q -d ap_from -c "create table someone_elses (x int)" >/dev/null
dump_normalized ap_from > "$work/before"
expect stale-refused 1 "$PGALIGN" apply dbname=ap_from "$work/stale.json" &&
    check stale-message has "$err" "FROM matches neither the schema the plan was made for" &&
    check stale-make-again has "$err" "nothing was changed: make the plan again" &&
    check stale-no-force-hint lacks "$err" "--force"
check stale-unchanged same_dump "$work/before"
expect stale-force 1 "$PGALIGN" apply --force dbname=ap_from "$work/stale.json" &&
    check stale-force-applied has "$err" "applied and committed"
check stale-force-column-added has <(psql -X -At -d ap_from -c "select attname from pg_attribute where attrelid = 's'::regclass") v

# ---- preflight: each check finds the exact count, and passes when clean ----
preflight_case() {   # name from-sql target-sql expected-line cleanup-sql
    local name=$1
    setup "$2" "$3" || { fail "$SUITE/preflight-$name" "setup failed"; return; }
    expect "preflight-$name" 1 "$PGALIGN" --unsafe --preflight dbname=ap_from dbname=ap_target &&
        check "preflight-$name-count" has "$err" "$4" &&
        check "preflight-$name-no-plan" [ ! -s "$out" ]
    psql -X -q -d ap_from -c "$5" >/dev/null
    expect "preflight-$name-clean" 2 "$PGALIGN" --unsafe --preflight dbname=ap_from dbname=ap_target &&
        check "preflight-$name-clean-quiet" lacks "$err" "preflight:"
}
preflight_case not-null \
    "create table o (id int, c int); insert into o values (1, null), (2, null), (3, null), (4, 1);" \
    "create table o (id int, c int not null);" \
    'preflight: 3 rows in "public"."o" violate NOT NULL on "c"' \
    "update o set c = 0"
preflight_case new-not-null-column \
    "create table o (id int); insert into o values (1), (2);" \
    "create table o (id int, must int not null);" \
    'preflight: 2 rows in "public"."o": the new column "must" is NOT NULL without a default' \
    "delete from o"
preflight_case check \
    "create table o (id int, qty int); insert into o values (1, -1), (2, 0), (3, 5), (4, null);" \
    "create table o (id int, qty int constraint qty_positive check (qty > 0));" \
    'preflight: 2 rows in "public"."o" violate CHECK constraint "qty_positive"' \
    "update o set qty = 1 where qty <= 0"
preflight_case unique \
    "create table o (id int, email text); insert into o values (1, 'a'), (2, 'a'), (3, 'b'), (4, 'b'), (5, 'b'), (6, null), (7, null);" \
    "create table o (id int, email text constraint o_email_key unique);" \
    'preflight: 2 duplicate groups in "public"."o" violate UNIQUE constraint "o_email_key" (email)' \
    "update o set email = email || id"
preflight_case primary-key \
    "create table o (id int, v text); insert into o values (1, 'a'), (1, 'b'), (2, 'c');" \
    "create table o (id int primary key, v text);" \
    'preflight: 1 duplicate group in "public"."o" violates PRIMARY KEY constraint "o_pkey" (id)' \
    "delete from o where v = 'b'"
preflight_case primary-key-null \
    "create table o (id int, v text); insert into o values (null, 'a'), (2, 'c');" \
    "create table o (id int primary key, v text);" \
    'preflight: 1 row in "public"."o" has NULL in PRIMARY KEY "o_pkey" (id)' \
    "delete from o where id is null"
preflight_case unique-index \
    "create table o (id int, email text); insert into o values (1, 'A'), (2, 'a'), (3, 'b');" \
    "create table o (id int, email text); create unique index o_lower_email on o (lower(email));" \
    'preflight: 1 duplicate group in "public"."o" violates unique index "o_lower_email" (lower(email))' \
    "delete from o where id = 2"
preflight_case foreign-key \
    "create table p (id int primary key); create table c (id int, p_id int);
     insert into p values (1); insert into c values (1, 1), (2, 7), (3, 8), (4, null);" \
    "create table p (id int primary key); create table c (id int, p_id int constraint c_p_fk references p);" \
    'preflight: 2 rows in "public"."c" violate FOREIGN KEY "c_p_fk": no matching row in public.p' \
    "delete from c where p_id > 1"
preflight_case cast \
    "create table o (id int, n text); insert into o values (1, '12'), (2, 'x'), (3, 'y'), (4, null);" \
    "create table o (id int, n integer);" \
    'preflight: 2 values in "public"."o"."n" cannot be converted to integer' \
    "update o set n = '0' where n !~ '^[0-9]+$'"
preflight_case cast-length \
    "create table o (id int, n text); insert into o values (1, 'abc'), (2, 'abcdef');" \
    "create table o (id int, n varchar(4));" \
    'preflight: 1 value in "public"."o"."n" cannot be converted to character varying(4)' \
    "update o set n = 'ab'"
# The check of a new NOT NULL column belongs to its ADD COLUMN, not to
# the SET STORAGE that follows it.
setup "create table o (id int); insert into o values (1);" \
      "create table o (id int, n text not null); alter table o alter column n set storage external;" ||
    fail "$SUITE/preflight-on-add-column" "setup failed"
"$PGALIGN" --format json dbname=ap_from dbname=ap_target -o "$work/storage.json"
check preflight-on-add-column [ "$(python3 -c 'import json,sys
for s in json.load(open(sys.argv[1]))["statements"]:
    if "preflight" in s: print(s["sql"])' "$work/storage.json")" = 'ALTER TABLE public.o ADD COLUMN n text NOT NULL' ]
# Several checks in one batch: one that cannot run yet (its column is
# added by the plan) is reported, and the checks after it still count.
setup "create table o (id int, qty int); insert into o values (1, -1), (2, null);
       create table q (id int, c int); insert into q values (1, null), (2, null);" \
      "create table o (id int, qty int constraint qty_positive check (qty > 0),
           flag int not null default 0 constraint flag_ok check (flag >= 0));
       create table q (id int, c int not null);" || fail "$SUITE/preflight-batch" "setup failed"
expect preflight-batch 1 "$PGALIGN" --unsafe --preflight dbname=ap_from dbname=ap_target &&
    check preflight-batch-before has "$err" 'preflight: 2 rows in "public"."q" violate NOT NULL on "c"' &&
    check preflight-batch-cannot-run has "$err" 'preflight: not checked: flag_ok on "public"."o" reads a column the plan adds' &&
    check preflight-batch-no-raw-error lacks "$err" 'does not exist' &&
    check preflight-batch-after has "$err" 'preflight: 1 row in "public"."o" violates CHECK constraint "qty_positive"' &&
    check preflight-batch-total has "$err" '2 checks of 3 found rows'

# A renamed column or table is checked under FROM's name: a row that
# violates a new CHECK on a column or table the plan renames first is
# counted (once taken for "a column the plan adds", or skipped as a new
# table); from a JSON plan too, whose renames apply reads back.
setup "create table o (id int, amount int); insert into o values (1, -5), (2, 10);
       create table u (id int); insert into u values (1);" \
      "create table o (id int, total int constraint total_positive check (total > 0));
       create table u2 (id int constraint big_id check (id > 5));" ||
    fail "$SUITE/preflight-renamed" "setup failed"
renamed=(--rename public.o.amount=total --rename public.u=u2)
expect preflight-renamed 1 "$PGALIGN" --preflight "${renamed[@]}" dbname=ap_from dbname=ap_target &&
    check preflight-renamed-column-counted has "$err" 'preflight: 1 row in "public"."o" violates CHECK constraint "total_positive"' &&
    check preflight-renamed-table-counted has "$err" 'preflight: 1 row in "public"."u2" violates CHECK constraint "big_id"' &&
    check preflight-renamed-not-taken-for-new lacks "$err" 'not checked'
"$PGALIGN" --format json "${renamed[@]}" dbname=ap_from dbname=ap_target -o "$work/renamed.json" 2>/dev/null
dump_normalized ap_from > "$work/before"
expect preflight-renamed-apply 1 "$PGALIGN" apply dbname=ap_from "$work/renamed.json" &&
    check preflight-renamed-apply-counted has "$err" 'preflight: 1 row in "public"."o" violates CHECK constraint "total_positive"' &&
    check preflight-renamed-apply-unchanged same_dump "$work/before"
# A column FROM lacks that the plan does not add (FROM changed since the
# plan, applied with --force) is a check that could not run, with the
# server's reason; it is not taken for a column the plan adds.
setup "create table o (id int, qty int); insert into o values (1, -1);" \
      "create table o (id int, qty int constraint qty_positive check (qty > 0));" ||
    fail "$SUITE/preflight-missing-column" "setup failed"
"$PGALIGN" --format json dbname=ap_from dbname=ap_target -o "$work/missing.json" 2>/dev/null
psql -X -q -d ap_from -c "alter table o rename column qty to quantity"
expect preflight-missing-column 1 "$PGALIGN" apply --force dbname=ap_from "$work/missing.json" &&
    check preflight-missing-column-reason has "$err" 'preflight: could not check qty_positive on "public"."o": ERROR:  column "qty" does not exist' &&
    check preflight-missing-column-not-new lacks "$err" 'reads a column the plan adds'

# ---- hazards as the server has them: a plan says table-rewrite exactly
# when applying it gives the table a new file (pg_relation_filenode) ----
rewrite_case() {   # name from-sql target-sql
    local name=rewrite-$1 before after said=no did=no
    setup "$2" "$3" || { fail "$SUITE/$name" "setup failed"; return; }
    "$PGALIGN" --unsafe dbname=ap_from dbname=ap_target >"$work/rw.sql" 2>"$err"
    before=$(psql -X -At -d ap_from -c "select pg_relation_filenode('r')")
    if ! psql -X -q -1 -v ON_ERROR_STOP=1 -d ap_from -f "$work/rw.sql" >/dev/null 2>"$err"; then
        fail "$SUITE/$name" "plan does not apply" "$err"; return
    fi
    after=$(psql -X -At -d ap_from -c "select pg_relation_filenode('r')")
    grep -q 'table-rewrite' "$work/rw.sql" && said=yes
    [ "$before" != "$after" ] && did=yes
    if [ $said = $did ]; then pass "$SUITE/$name"; else
        fail "$SUITE/$name" "the plan says table-rewrite: $said; the server rewrote: $did" "$work/rw.sql"; fi
}
rows="create table r (id int); insert into r select generate_series(1, 100);"
rewrite_case volatile-default "$rows" "create table r (id int, u uuid not null default gen_random_uuid());"
rewrite_case nextval-default "create sequence s; $rows" "create sequence s; create table r (id int, n bigint default nextval('s'));"
rewrite_case constant-default "$rows" "create table r (id int, n int not null default 5);"
rewrite_case stable-default "$rows" "create table r (id int, t timestamptz default now());"
rewrite_case identity "$rows" "create table r (id int, n int generated always as identity);"
rewrite_case stored-generated "$rows" "create table r (id int, n int generated always as (id * 2) stored);"
rewrite_case plain-column "$rows" "create table r (id int, note text);"
rewrite_case drop-column "create table r (id int, gone text); insert into r values (1, 'x');" "create table r (id int);"
rewrite_case int-to-bigint "$rows" "create table r (id bigint);"
rewrite_case text-to-int "create table r (id text); insert into r values ('1');" "create table r (id int);"
rewrite_case longer-varchar "create table r (v varchar(10)); insert into r values ('x');" "create table r (v varchar(20));"
rewrite_case varchar-to-text "create table r (v varchar(10)); insert into r values ('x');" "create table r (v text);"
rewrite_case more-numeric-digits "create table r (v numeric(10,2)); insert into r values (1);" "create table r (v numeric(12,2));"
rewrite_case set-not-null "$rows" "create table r (id int not null);"
rewrite_case new-check "$rows" "create table r (id int check (id > 0));"
if [ "$SERVER_MAJOR" -ge 18 ]; then
    rewrite_case virtual-generated "$rows" "create table r (id int, n int generated always as (id * 2) virtual);"
fi

# ---- a column's constraints and indexes go with its DROP COLUMN: the
# server drops them, so they are no destructive statements of their own ----
# (Its default and identity too.)
setup "create table dc (a int, b int check (b > 0), c int, constraint two check (a > c),
           d int default 7, e int generated by default as identity);
       create index dc_b on dc (b);" \
      "create table dc (a int);" || fail "$SUITE/drop-column-takes-constraints" "setup failed"
expect drop-column-takes-constraints 3 "$PGALIGN" dbname=ap_from dbname=ap_target &&
    check drop-column-four-destructive has "$err" "the plan has 4 destructive statements" &&
    check drop-column-no-constraint-drop lacks "$err" "DROP CONSTRAINT" &&
    check drop-column-no-index-drop lacks "$err" "DROP INDEX"
"$PGALIGN" --unsafe dbname=ap_from dbname=ap_target >"$work/dc.sql" 2>/dev/null
check drop-column-no-drop-default lacks "$work/dc.sql" "DROP DEFAULT"
check drop-column-no-drop-identity lacks "$work/dc.sql" "DROP IDENTITY"
"$PGALIGN" --unsafe dbname=ap_from dbname=ap_target >"$work/dc.sql" 2>/dev/null
check drop-column-plan-applies psql -X -q -1 -v ON_ERROR_STOP=1 -d ap_from -f "$work/dc.sql"
expect drop-column-converged 0 "$PGALIGN" dbname=ap_from dbname=ap_target

# ---- a child keeps as its own a column its parent drops (migra's
# inherit2 shape): the parent drops it ONLY, the child's rows keep their
# values, other children lose it; the re-diff is empty ----
setup "create table base (created_at timestamp default now(), e int);
       create table kid (a1 int) inherits (base); insert into kid values (now(), 5, 1);
       create table kid2 (z int) inherits (base);" \
      "create table base (created_at timestamp default now());
       create table kid (a1 int) inherits (base); alter table kid add column e int;
       create table kid2 (z int) inherits (base);" ||
    fail "$SUITE/inherited-kept" "setup failed"
"$PGALIGN" --unsafe dbname=ap_from dbname=ap_target >"$work/kept.sql" 2>"$err"
check inherited-kept-only has "$work/kept.sql" "ALTER TABLE ONLY public.base DROP COLUMN e;"
check inherited-kept-other-child has "$work/kept.sql" "ALTER TABLE public.kid2 DROP COLUMN e;"
check inherited-kept-applies psql -X -q -1 -v ON_ERROR_STOP=1 -d ap_from -f "$work/kept.sql"
expect inherited-kept-converged 0 "$PGALIGN" --unsafe dbname=ap_from dbname=ap_target
check inherited-kept-values test "$(psql -X -At -d ap_from -c 'select e from kid')" = 5

# ---- a destructive plan: reviewed, refused, dry-run, applied with --unsafe ----
setup "create table d (id int, gone int); insert into d values (1, 2);" "create table d (id int);"
expect review-summary-destructive 3 "$PGALIGN" --format summary dbname=ap_from dbname=ap_target &&
    check review-summary-printed has "$out" 'ALTER TABLE public.d DROP COLUMN gone;'
expect review-json-destructive 3 "$PGALIGN" --format json -o "$work/destr.json" dbname=ap_from dbname=ap_target &&
    check review-json-marked has "$work/destr.json" '"data-loss"'
dump_normalized ap_from > "$work/before"
expect apply-destructive-refused 3 "$PGALIGN" apply dbname=ap_from "$work/destr.json" &&
    check apply-destructive-lists has "$err" "  ALTER TABLE public.d DROP COLUMN gone;"
check apply-destructive-unchanged same_dump "$work/before"
expect apply-destructive-dry-run 0 "$PGALIGN" apply --dry-run dbname=ap_from "$work/destr.json" &&
    check apply-destructive-dry-run-says has "$err" "a real run needs --unsafe"
check apply-destructive-dry-run-unchanged same_dump "$work/before"
expect apply-destructive-unsafe 0 "$PGALIGN" apply --unsafe dbname=ap_from "$work/destr.json"
expect apply-destructive-converged 0 "$PGALIGN" dbname=ap_from dbname=ap_target
# Applied once, the plan is "already applied" (exit 0) also without
# --unsafe: whether it was applied is asked before what it would need.
expect apply-destructive-again 0 "$PGALIGN" apply dbname=ap_from "$work/destr.json" &&
    check apply-destructive-again-says has "$err" "the plan was applied; nothing to do" &&
    check apply-destructive-again-no-unsafe lacks "$err" "--unsafe"
# In sync: a JSON plan with no statements, which apply reads.
expect in-sync-json 0 "$PGALIGN" --format json -o "$work/empty.json" dbname=ap_from dbname=ap_target &&
    check in-sync-json-valid python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))["statements"] == []' "$work/empty.json"
expect in-sync-json-apply 0 "$PGALIGN" apply dbname=ap_from "$work/empty.json" &&
    check in-sync-json-apply-says has "$err" "nothing to do"

# A foreign key on a column the same plan adds: not checked, said so
# (it starts NULL), and the plan applies.
setup "create table p (id int primary key); create table c (id int); insert into c values (1);" \
      "create table p (id int primary key); create table c (id int, p_id int constraint c_p_fk references p);" ||
    fail "$SUITE/preflight-new-fk-column" "setup failed"
expect preflight-new-fk-column 2 "$PGALIGN" --preflight dbname=ap_from dbname=ap_target &&
    check preflight-new-fk-column-says has "$err" 'preflight: not checked: c_p_fk on "public"."c" reads a column the plan adds' &&
    check preflight-new-fk-column-no-raw-error lacks "$err" 'ERROR'

# ---- sync ----
setup "create table s (id int); insert into s values (1);" \
      "create table s (id int primary key, label text default 'x'); create table s2 (id int);"
dump_normalized ap_from > "$work/before"
expect sync-dry-run 0 "$PGALIGN" sync --dry-run dbname=ap_from dbname=ap_target &&
    check sync-dry-run-says has "$err" "rolled back, nothing was changed"
check sync-dry-run-unchanged same_dump "$work/before"
expect sync-no-tty-refuses 1 "$PGALIGN" sync dbname=ap_from dbname=ap_target </dev/null &&
    check sync-no-tty-message has "$err" "pass --yes"
check sync-no-tty-unchanged same_dump "$work/before"
expect sync-yes 0 "$PGALIGN" sync --yes dbname=ap_from dbname=ap_target &&
    check sync-yes-verified has "$err" "FROM is now in sync with TARGET"
expect sync-rediff-empty 0 "$PGALIGN" dbname=ap_from dbname=ap_target
expect sync-in-sync 0 "$PGALIGN" sync --yes dbname=ap_from dbname=ap_target &&
    check sync-in-sync-message has "$err" "in sync: nothing to do"
psql -X -q -d ap_from -c "create table extra (id int)" >/dev/null
expect sync-dry-run-destructive 0 "$PGALIGN" sync --dry-run dbname=ap_from dbname=ap_target &&
    check sync-dry-run-destructive-says has "$err" "a real run needs --unsafe"
# A dry run that stopped before running anything (here: no server
# programs for the rehearsal) does not say it ran the destructive ones.
expect sync-dry-run-rehearsal-failed 1 "$PGALIGN" sync --dry-run --pg-bindir /nonexistent \
    dbname=ap_from dbname=ap_target &&
    check sync-dry-run-rehearsal-failed-silent lacks "$err" "because this is a dry run"
expect sync-unsafe-exit-3 3 "$PGALIGN" sync --yes dbname=ap_from dbname=ap_target &&
    check sync-unsafe-lists has "$err" "DROP TABLE public.extra" &&
    check sync-unsafe-says-nothing-changed has "$err" "nothing was changed" &&
    check sync-unsafe-says-unsafe-applies has "$err" "rerun with --unsafe to let pgalign apply them"
expect sync-unsafe-yes 0 "$PGALIGN" sync --yes --unsafe dbname=ap_from dbname=ap_target
expect sync-refuses-files 1 "$PGALIGN" sync --yes "$here/../roundtrip/tables/a.sql" dbname=ap_target
expect apply-refuses-files 1 "$PGALIGN" apply EMPTY "$work/plan.json"

# ---- locks: a plan waits lock_timeout, then gives up; Ctrl-C rolls back ----
setup "create table l (id int);" "create table l (id int, v int);"
"$PGALIGN" --format json dbname=ap_from dbname=ap_target -o "$work/lock.json"
dump_normalized ap_from > "$work/before"
psql -X -q -d ap_from -c "begin; lock table l; select pg_sleep(20)" >/dev/null 2>&1 &
holder=$!
sleep 0.5
expect lock-timeout 1 "$PGALIGN" apply --no-preflight --lock-timeout 300ms dbname=ap_from "$work/lock.json" &&
    check lock-timeout-message has "$err" "lock timeout" &&
    check lock-timeout-hint has "$err" "longer than the lock timeout (300ms)" &&
    check lock-timeout-suggests has "$err" "wait longer with --lock-timeout"
"$PGALIGN" apply --no-preflight --lock-timeout 30s dbname=ap_from "$work/lock.json" >"$out" 2>"$err" &
applier=$!
sleep 1
kill -INT "$applier"
wait "$applier"; rc=$?
check sigint-exit-130 [ "$rc" = 130 ]
check sigint-says-rolled-back has "$err" "rolled back"
kill "$holder" 2>/dev/null
psql -X -q -d postgres -c "select pg_terminate_backend(pid) from pg_stat_activity where datname = 'ap_from' and pid <> pg_backend_pid()" >/dev/null
wait "$holder" 2>/dev/null
check sigint-unchanged same_dump "$work/before"
check sigint-no-session-left [ "$(psql -X -At -d postgres -c "select count(*) from pg_stat_activity where datname = 'ap_from' and state = 'active' and pid <> pg_backend_pid()")" = 0 ]

# ---- rehearsal: a plan that fails on the schema never reaches FROM ----
setup "create table r (id int);" "create table r (id int, v int);"
printf 'ALTER TABLE public.r ADD COLUMN v integer;\n\nALTER TABLE public.nope ADD COLUMN x integer;\n' > "$work/bad.sql"
dump_normalized ap_from > "$work/before"
expect rehearse-fails 1 "$PGALIGN" apply --rehearse dbname=ap_from "$work/bad.sql" &&
    check rehearse-names-statement has "$err" "statement 2 of 2 failed" &&
    check rehearse-says-copy has "$err" "rehearsal on a copy of FROM's schema" &&
    check rehearse-server-message has "$err" 'relation "public.nope" does not exist'
check rehearse-unchanged same_dump "$work/before"
"$PGALIGN" --format json dbname=ap_from dbname=ap_target -o "$work/good.json"
# A private TMPDIR shows that the temporary cluster is gone afterwards (as
# root the server runs as postgres, which must reach it).
chmod 755 "$work" && mkdir -m 777 "$work/tmp"
expect rehearse-passes 0 env TMPDIR="$work/tmp" "$PGALIGN" apply -v --rehearse dbname=ap_from "$work/good.json" &&
    check rehearse-reported has "$err" "rehearsal: the plan ran on a copy of FROM's schema and gave TARGET's"
check rehearse-left-no-cluster [ -z "$(ls -A "$work/tmp")" ]
setup "create table r (id int);" "create table r (id int, v int);"
expect sync-rehearses 0 "$PGALIGN" sync -v --yes dbname=ap_from dbname=ap_target &&
    check sync-rehearsal-reported has "$err" "rehearsal: the plan ran"

# A rehearsal that finds a real difference says what it is: the statements
# a diff of the result and TARGET would still run. Here a DDL audit trigger
# (on both sides) comments on each altered table, so the plan's ALTER
# TABLE leaves a comment TARGET does not have.
audit="create function audit() returns event_trigger language plpgsql as \$\$
  declare o record; begin
  for o in select * from pg_event_trigger_ddl_commands() where command_tag = 'ALTER TABLE' loop
    execute format('comment on table %s is %L', o.object_identity, 'altered'); end loop;
  end \$\$;
  create event trigger audit on ddl_command_end execute function audit();"
setup "create table r (id int); $audit" "create table r (id int, v int); $audit"
dump_normalized ap_from > "$work/before"
expect rehearse-difference 1 "$PGALIGN" sync --yes dbname=ap_from dbname=ap_target &&
    check rehearse-difference-shown has "$err" "COMMENT ON TABLE public.r IS NULL;" &&
    check rehearse-difference-counted has "$err" "a diff of the two would still run 1 statement:"
check rehearse-difference-unchanged same_dump "$work/before"

# Like with like: with only PostgreSQL 15's programs for the copy, FROM and
# TARGET on another major, the result is compared with a copy of TARGET
# built on 15 too, not with the views TARGET's server printed (from 16
# they print unqualified).
if [ "$SERVER_MAJOR" != 15 ] && [ -x /usr/lib/postgresql/15/bin/postgres ]; then
    only15=(--pg-bindir /usr/lib/postgresql/15/bin)
    setup "create table r (id int); create view rv as select id from r where id > 0;" \
          "create table r (id int, v int); create view rv as select id from r where id > 0;"
    expect rehearse-other-major 0 "$PGALIGN" sync -v --yes "${only15[@]}" dbname=ap_from dbname=ap_target &&
        check rehearse-other-major-alike has "$err" "rehearsal: TARGET built on PostgreSQL 15 too" &&
        check rehearse-other-major-verified has "$err" "verified: FROM is now in sync with TARGET"
    setup "create table r (id int); create view rv as select id from r where id > 0;" \
          "create table r (id int, v int); create view rv as select id from r where id > 0;"
    "$PGALIGN" --format json dbname=ap_from dbname=ap_target -o "$work/other.json"
    check plan-json-printer python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1]))["target_printed_by"] != int(sys.argv[2]))' \
        "$work/other.json" "$SERVER_MAJOR"
    expect rehearse-plan-other-major 0 "$PGALIGN" apply --rehearse "${only15[@]}" dbname=ap_from "$work/other.json" &&
        check rehearse-plan-other-major-said has "$err" "the result is not compared with the plan's TARGET, whose definitions PostgreSQL $SERVER_MAJOR printed (the temporary cluster runs 15)"
    # A plan whose TARGET 15 printed (a .sql source), applied on FROM's
    # major: its fingerprint is not compared as if alike, and says so.
    setup "create table r (id int); create view rv as select id from r where id > 0;" "select 1"
    printf 'create table r (id int, v int);\ncreate view rv as select id from r where id > 0;\n' >"$work/target15.sql"
    expect plan-from-sql-15 2 "$PGALIGN" --format json "${only15[@]}" -o "$work/sql15.json" \
        dbname=ap_from "$work/target15.sql"
    expect apply-target-other-major 0 "$PGALIGN" apply dbname=ap_from "$work/sql15.json" &&
        check apply-target-other-major-said has "$err" "not compared with the plan's target, whose definitions PostgreSQL 15 printed (FROM runs $SERVER_MAJOR)"
    expect apply-target-other-major-check 0 "$PGALIGN" check "${only15[@]}" dbname=ap_from "$work/target15.sql"
    # Where the one server here cannot hold a side (SYSTEM_USER came in 16),
    # nothing is compared as it is: a refusal that says what to give.
    if [ "$SERVER_MAJOR" -ge 16 ]; then
        setup "create table r (id int); create view rv as select id from r where id > 0;
               create view who as select system_user as u;" "select 1"
        expect refuse-cannot-hold 1 "$PGALIGN" --unsafe "${only15[@]}" dbname=ap_from "$work/target15.sql" &&
            check refuse-cannot-hold-says has "$err" "the PostgreSQL 15 server here cannot hold FROM" &&
            check refuse-cannot-hold-names has "$err" "CREATE VIEW public.who" &&
            check refuse-cannot-hold-hint has "$err" "give server programs of PostgreSQL $SERVER_MAJOR with --pg-bindir" &&
            check refuse-cannot-hold-nothing-out test ! -s "$out"
    else
        skip "$SUITE/refuse-cannot-hold" "PostgreSQL 15 holds what $SERVER_MAJOR has"
    fi
else
    skip "$SUITE/rehearse-other-major" "needs a server other than 15, and 15's programs"
fi

# ---- --online: phases, and a re-run continues after a failure ----
setup "create table o (id int, v int, e text); insert into o values (1, 1, 'a'), (2, 2, 'a');" \
      "create table o (id int, v int not null check (v > 0), e text);
       create unique index o_e on o (e); create index o_v on o (v);"
expect online-plan 2 "$PGALIGN" --online dbname=ap_from dbname=ap_target &&
    check online-concurrently has "$out" "CREATE INDEX CONCURRENTLY IF NOT EXISTS o_v ON public.o" &&
    check online-not-valid has "$out" "CHECK ((v > 0)) NOT VALID" &&
    check online-validate has "$out" "VALIDATE CONSTRAINT o_v_check" &&
    check online-not-null-via-check has "$out" "CHECK (v IS NOT NULL) NOT VALID"
# The unique index fails on the duplicate 'a': what came before it stays.
expect online-fails-midway 1 "$PGALIGN" sync --online --yes --no-preflight --no-rehearse dbname=ap_from dbname=ap_target &&
    check online-says-committed has "$err" "stay committed: plan and apply again" &&
    check online-names-unique has "$err" "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS o_e"
psql -X -q -d ap_from -c "update o set e = 'b' where id = 2" >/dev/null
expect online-rerun-continues 0 "$PGALIGN" sync --online --yes dbname=ap_from dbname=ap_target &&
    check online-rerun-verified has "$err" "FROM is now in sync with TARGET"
check online-no-invalid-index [ "$(psql -X -At -d ap_from -c "select count(*) from pg_index where not indisvalid")" = 0 ]
check online-no-helper-constraint [ "$(psql -X -At -d ap_from -c "select count(*) from pg_constraint where conname like 'pgalign%'")" = 0 ]
