#!/usr/bin/env bash
# Foreign data, what round trips cannot show: an option that is a secret
# (its name holds password, secret, token or key) is compared by a digest
# the server computes, never read, printed or put in a plan; the plan
# says what to set by hand, and the difference stays until it is.
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir foreign
SUITE=foreign out=$work/out err=$work/err

fresh_db fdw_prod && fresh_db fdw_stage && fresh_db fdw_other
psql -X -q -d fdw_stage -c "create foreign data wrapper w options (host 'h', api_key 'S3cretKey1')"
psql -X -q -d fdw_other -c "create foreign data wrapper w options (host 'h', api_key 'S3cretKey2')"

# Made without the secret; the plan and stderr say what to run by hand.
expect create-plan 2 "$PGALIGN" dbname=fdw_prod dbname=fdw_stage &&
    check create-without-secret grep -qxF "CREATE FOREIGN DATA WRAPPER w OPTIONS (host 'h');" "$out" &&
    check create-notes-by-hand grep -qF -- \
        "--   set the secret api_key by hand (pgalign never reads secrets): ALTER FOREIGN DATA WRAPPER w OPTIONS (ADD api_key '<api_key>')" "$out" &&
    check create-warns grep -qF "pgalign: warning: set the secret api_key by hand" "$err"
expect create-json 2 "$PGALIGN" --format json dbname=fdw_prod dbname=fdw_stage &&
    check create-json-notes python3 -c 'import json, sys; d = json.load(open(sys.argv[1]))
sys.exit(0 if len(d["notes"]) == 1 and "ADD api_key" in d["notes"][0] else 1)' "$out"
"$PGALIGN" --format json -o "$work/plan.json" dbname=fdw_prod dbname=fdw_stage 2>/dev/null

# Applied, the secret is still missing: not in sync until it is set.
expect create-apply 0 "$PGALIGN" apply dbname=fdw_prod "$work/plan.json"
expect still-differs 2 "$PGALIGN" check dbname=fdw_prod dbname=fdw_stage
psql -X -q -d fdw_prod -c "alter foreign data wrapper w options (add api_key 'S3cretKey1')"
expect in-sync-once-set 0 "$PGALIGN" check dbname=fdw_prod dbname=fdw_stage

# sync applies what it can, verifies all but the secret, and says so;
# a .sql plan carries the note as a comment and applies.
fresh_db fdw_sync && fresh_db fdw_sql
expect sync-applies 0 "$PGALIGN" sync --yes dbname=fdw_sync dbname=fdw_stage &&
    check sync-says-by-hand grep -qF "set the secret api_key by hand" "$err"
expect sync-then-differs 2 "$PGALIGN" check dbname=fdw_sync dbname=fdw_stage &&
    check sync-then-summary grep -qF "to do by hand" "$out"
"$PGALIGN" -o "$work/plan.sql" dbname=fdw_sql dbname=fdw_stage 2>/dev/null
expect sql-plan-applies 0 "$PGALIGN" apply dbname=fdw_sql "$work/plan.sql" &&
    check sql-plan-made "$PGALIGN" diff dbname=fdw_sql dbname=fdw_sync

# Another value: a change, planned as a note (SET), never as SQL.
expect change-plan 2 "$PGALIGN" dbname=fdw_prod dbname=fdw_other &&
    check change-notes-set grep -qF "OPTIONS (SET api_key '<api_key>')" "$out" &&
    check change-no-statement lacks "$out" "^ALTER"

# A server's secret the same way; a server only FROM has is dropped
# only with --unsafe.
fresh_db srv_prod && fresh_db srv_stage
psql -X -q -d srv_prod -c "create foreign data wrapper w; create server gone foreign data wrapper w"
psql -X -q -d srv_stage -c "create foreign data wrapper w;
    create server s foreign data wrapper w options (host 'h', password 'S3cretPw')"
expect server-unsafe 3 "$PGALIGN" dbname=srv_prod dbname=srv_stage
expect server-plan 2 "$PGALIGN" --unsafe dbname=srv_prod dbname=srv_stage &&
    check server-without-secret grep -qxF "CREATE SERVER s FOREIGN DATA WRAPPER w OPTIONS (host 'h');" "$out" &&
    check server-notes-by-hand grep -qF -- "ALTER SERVER s OPTIONS (ADD password '<password>')" "$out" &&
    check server-drops grep -qxF "DROP SERVER gone;" "$out"
# A pair that differs only in a server's option is not in sync.
fresh_db srv_other
psql -X -q -d srv_other -c "create foreign data wrapper w;
    create server s foreign data wrapper w options (host 'other', password 'S3cretPw')"
expect server-differs 2 "$PGALIGN" check dbname=srv_other dbname=srv_stage
"$PGALIGN" -v --unsafe dbname=srv_prod dbname=srv_stage >"$work/server-all" 2>&1
"$PGALIGN" snapshot dbname=srv_stage >>"$work/server-all" 2>&1
check server-secret-never-printed lacks "$work/server-all" "S3cret"

# A secret's name with a line break cannot end the plan's comment.
fresh_db fdw_evil
psql -X -q -d fdw_evil -c 'create foreign data wrapper w options ("api_key
DROP TABLE t; --" '"'S3cretEvil'"')'
expect evil-name 2 "$PGALIGN" dbname=fdw_prod dbname=fdw_evil &&
    check evil-name-commented lacks "$out" "^DROP TABLE" &&
    check evil-name-escaped grep -qF 'api_key\x0aDROP TABLE' "$out"

# Snapshots hold wrappers (format 2). One of format 1, which predates
# them (its census named them), leaves them out of the comparison and
# says so; --strict refuses it.
"$PGALIGN" snapshot -o "$work/stage.json" dbname=fdw_stage 2>"$err" ||
    fail "$SUITE/snapshot" "no snapshot" "$err"
expect snapshot-same 0 "$PGALIGN" check "$work/stage.json" dbname=fdw_prod
expect snapshot-differs 2 "$PGALIGN" check "$work/stage.json" dbname=fdw_other
python3 - "$work/stage.json" "$work/v1.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["version"] = 1
d["objects"] = [o for o in d["objects"] if o["kind"] != "foreign_data_wrapper"]
d["not_compared"].append({"kind": "foreign data wrapper", "name": "w",
                          "digest": "0123456789abcdef", "printed": False})
json.dump(d, open(sys.argv[2], "w"))
PY
expect snapshot-v1 0 "$PGALIGN" check "$work/v1.json" dbname=fdw_other &&
    check snapshot-v1-says grep -qF "pgalign: not compared: foreign data wrappers (FROM is a snapshot of format version 1" "$err" &&
    check snapshot-v1-census-quiet lacks "$err" "not compared: foreign data wrapper w"
expect snapshot-v1-strict 1 "$PGALIGN" check --strict dbname=fdw_other "$work/v1.json" &&
    check snapshot-v1-strict-says grep -q "predates kinds pgalign compares" "$err"

# No secret in any output.
{
    "$PGALIGN" -v dbname=fdw_stage dbname=fdw_other
    "$PGALIGN" --format json dbname=fdw_prod dbname=fdw_other
    "$PGALIGN" --format summary -v dbname=fdw_stage dbname=fdw_other
    "$PGALIGN" check --format json dbname=fdw_stage dbname=fdw_other
    "$PGALIGN" snapshot dbname=fdw_other
    cat "$work/plan.json"
} >"$work/all" 2>&1
check secrets-never-printed lacks "$work/all" "S3cret"
check secrets-outputs-there grep -q "api_key" "$work/all"

# User mappings: a password the same way (never read, a note to set it by
# hand); a pair that differs only in a mapping is not in sync.
fresh_db um_prod && fresh_db um_stage
for db in um_prod um_stage; do
    psql -X -q -d "$db" -c "create foreign data wrapper w; create server s foreign data wrapper w"
done
psql -X -q -d um_stage -c "create user mapping for public server s options (\"user\" 'app', password 'S3cretMap')"
expect mapping-differs 2 "$PGALIGN" check dbname=um_prod dbname=um_stage
expect mapping-plan 2 "$PGALIGN" dbname=um_prod dbname=um_stage &&
    check mapping-without-secret grep -qxF "CREATE USER MAPPING FOR PUBLIC SERVER s OPTIONS (\"user\" 'app');" "$out" &&
    check mapping-notes-by-hand grep -qF -- \
        "ALTER USER MAPPING FOR PUBLIC SERVER s OPTIONS (ADD password '<password>')" "$out"
psql -X -q -d um_prod -f "$out" &&
    psql -X -q -d um_prod -c "alter user mapping for public server s options (add password 'S3cretMap')"
expect mapping-in-sync-once-set 0 "$PGALIGN" check dbname=um_prod dbname=um_stage
psql -X -q -d um_prod -c "alter user mapping for public server s options (set password 'S3cretOther')"
expect mapping-secret-differs 2 "$PGALIGN" check dbname=um_prod dbname=um_stage

# Options the role inspecting may not read (another role's mapping, for a
# role neither superuser nor the server's owner's member) are not
# compared, and named; a mapping only TARGET has is made without them,
# with a note.
psql -X -q -d postgres -c "drop role if exists um_inspector; create role um_inspector login" 2>/dev/null
fresh_db um_hid_a && fresh_db um_hid_b
for db in um_hid_a um_hid_b; do
    psql -X -q -d "$db" -c "create foreign data wrapper w; create server s foreign data wrapper w;
        create server t foreign data wrapper w"
done
psql -X -q -d um_hid_a -c "create user mapping for public server s options (a 'hidA')"
psql -X -q -d um_hid_b -c "create user mapping for public server s options (a 'hidB');
    create user mapping for public server t options (b 'hidT')"
expect hidden-differs-as-superuser 2 "$PGALIGN" check dbname=um_hid_a dbname=um_hid_b
expect hidden-plan 2 "$PGALIGN" "dbname=um_hid_a user=um_inspector" "dbname=um_hid_b user=um_inspector" &&
    check hidden-not-altered lacks "$out" "SERVER s OPTIONS" &&
    check hidden-created-without grep -qxF "CREATE USER MAPPING FOR PUBLIC SERVER t;" "$out" &&
    check hidden-note grep -qF "set the options of this user mapping by hand" "$out" &&
    check hidden-named grep -qxF \
        "pgalign: not compared: user mapping options for PUBLIC server s (both sides; the role inspecting may not read them)" "$err"
psql -X -q -d um_hid_a -c "create user mapping for public server t"
expect hidden-in-sync 0 "$PGALIGN" check "dbname=um_hid_a user=um_inspector" "dbname=um_hid_b user=um_inspector" &&
    check hidden-in-sync-named grep -qF "user mapping options for PUBLIC server t (both sides;" "$err"
expect hidden-one-side 0 "$PGALIGN" check dbname=um_hid_b "dbname=um_hid_b user=um_inspector" &&
    check hidden-one-side-named grep -qF "user mapping options for PUBLIC server s (TARGET;" "$err"
expect hidden-strict 1 "$PGALIGN" check --strict dbname=um_hid_b "dbname=um_hid_b user=um_inspector"

# Snapshots hold user mappings from format 3; one of format 2 leaves them
# out and says so.
"$PGALIGN" snapshot -o "$work/um.json" dbname=um_stage 2>"$err" ||
    fail "$SUITE/snapshot-mappings" "no snapshot" "$err"
expect snapshot-mappings 2 "$PGALIGN" check "$work/um.json" dbname=um_hid_a
python3 - "$work/um.json" "$work/v2.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["version"] = 2
d["objects"] = [o for o in d["objects"] if o["kind"] != "user_mapping"]
json.dump(d, open(sys.argv[2], "w"))
PY
expect snapshot-v2 0 "$PGALIGN" check "$work/v2.json" dbname=um_stage &&
    check snapshot-v2-says grep -qF "pgalign: not compared: user mappings (FROM is a snapshot of format version 2" "$err"

{
    "$PGALIGN" -v dbname=um_prod dbname=um_stage
    "$PGALIGN" -v dbname=um_hid_a dbname=um_hid_b
    "$PGALIGN" --format json dbname=fdw_prod dbname=um_stage
    "$PGALIGN" snapshot dbname=um_stage
} >"$work/mappings-all" 2>&1
{
    "$PGALIGN" -v "dbname=um_hid_a user=um_inspector" "dbname=um_hid_b user=um_inspector"
    "$PGALIGN" snapshot "dbname=um_hid_b user=um_inspector"
} >"$work/hidden-all" 2>&1
check hidden-never-printed lacks "$work/hidden-all" "hid[ABT]"
check hidden-outputs-there grep -q "\"user_mapping\"" "$work/hidden-all"
check mapping-secrets-never-printed lacks "$work/mappings-all" "S3cret"
check mapping-outputs-there grep -q "USER MAPPING" "$work/mappings-all"

# Foreign tables: a pair that differs only in a column's option is not in
# sync; a secret in a table's options is a note.
fresh_db ft_prod && fresh_db ft_stage
for db in ft_prod ft_stage; do
    psql -X -q -d "$db" -c "create extension if not exists postgres_fdw;
        create server remote foreign data wrapper postgres_fdw options (host '/nonexistent', dbname 'x');
        create foreign data wrapper open_fdw; create server open_srv foreign data wrapper open_fdw"
done
psql -X -q -d ft_prod -c "create foreign table ft (a int options (column_name 'a1'), b text) server remote"
psql -X -q -d ft_stage -c "create foreign table ft (a int options (column_name 'a2')) server remote"
expect ft-differs 3 "$PGALIGN" check dbname=ft_prod dbname=ft_stage
psql -X -q -d ft_stage -c "alter foreign table ft add column b text"
expect ft-option-differs 2 "$PGALIGN" check dbname=ft_prod dbname=ft_stage
expect ft-option-plan 2 "$PGALIGN" dbname=ft_prod dbname=ft_stage &&
    check ft-option-altered grep -qxF "ALTER FOREIGN TABLE public.ft ALTER COLUMN a OPTIONS (SET column_name 'a2');" "$out"

# The preflight never reads a foreign table's rows (a query of the remote
# server, here one that has no user mapping and cannot be reached): what
# dropping a column loses is not counted, SET NOT NULL not checked.
psql -X -q -d ft_stage -c "alter foreign table ft drop column b; alter foreign table ft alter a set not null"
expect ft-preflight 2 "$PGALIGN" --unsafe --preflight dbname=ft_prod dbname=ft_stage &&
    check ft-preflight-planned grep -qxF "ALTER TABLE public.ft DROP COLUMN b;" "$out" &&
    check ft-preflight-not-null grep -qxF "ALTER TABLE public.ft ALTER COLUMN a SET NOT NULL;" "$out" &&
    check ft-preflight-no-remote lacks "$err" "preflight"
expect ft-check-preflight 3 "$PGALIGN" check --preflight dbname=ft_prod dbname=ft_stage &&
    check ft-check-preflight-no-remote lacks "$err" "preflight"

psql -X -q -d ft_stage -c "create foreign table keyed (id int) server open_srv options (table_name 't', api_token 'S3cretTok')"
expect ft-secret-plan 2 "$PGALIGN" --unsafe dbname=ft_prod dbname=ft_stage &&
    check ft-secret-without grep -qF "SERVER open_srv OPTIONS (table_name 't');" "$out" &&
    check ft-secret-note grep -qF -- "ALTER FOREIGN TABLE public.keyed OPTIONS (ADD api_token '<api_token>')" "$out"
"$PGALIGN" -v --unsafe dbname=ft_prod dbname=ft_stage >"$work/ft-all" 2>&1
"$PGALIGN" snapshot dbname=ft_stage >>"$work/ft-all" 2>&1
check ft-secret-never-printed lacks "$work/ft-all" "S3cret"
