#!/usr/bin/env bash
# Command-line behaviour against a real server: exit codes, errors, output
# files, schema filters, EMPTY, and the migra-style workflow.
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir cli
SUITE=cli out=$work/out err=$work/err

fresh_db cli_prod && fresh_db cli_stage && fresh_db cli_same
psql -X -q -d cli_prod -c "create table t (id int primary key, gone text); create schema other; create table other.x (id int);"
psql -X -q -d cli_stage -c "create table t (id int primary key, added text); create schema other; create table other.x (id int, y int); create schema extra; create table extra.e (id int);"
psql -X -q -d cli_same -c "create table t (id int primary key, gone text); create schema other; create table other.x (id int);"

# --- usage ---
expect help 0 "$PGALIGN" --help && check help-mentions-unsafe grep -q -- --unsafe "$out"
expect version 0 "$PGALIGN" --version && check version-text grep -q '^pgalign ' "$out"
expect no-arguments 1 "$PGALIGN" && check no-arguments-message grep -q 'FROM TARGET' "$err"
expect unknown-option 1 "$PGALIGN" --bogus a b
expect missing-option-argument 1 "$PGALIGN" a b --schema
# Each message names what is wrong, before anything connects; each command
# takes only its own options (what its --help lists).
usage_case() {   # name expected-text args...
    local name=$1 text=$2; shift 2
    expect "$name" 1 "$PGALIGN" "$@" && check "$name-says" grep -qF -- "$text" "$err"
}
usage_case unknown-option-named "unknown option '--unsfe'" --unsfe a b
usage_case unknown-short-option-named "unknown option '-x'" -x a b
usage_case unknown-command "unknown command 'dif'" dif a b
usage_case missing-argument-named "--lock-timeout is missing its argument" apply --lock-timeout
usage_case try-help-spaced "Try 'pgalign apply --help'" apply
usage_case apply-format-refused "--format does not apply to 'pgalign apply'" apply --format jsno a b
usage_case apply-preflight-refused "--preflight does not apply to 'pgalign apply'" apply --preflight a b
usage_case apply-output-refused "-o/--output does not apply to 'pgalign apply'" apply -o f a b
usage_case sync-output-refused "-o/--output does not apply to 'pgalign sync'" sync -o f a b
usage_case check-online-refused "--online does not apply to 'pgalign check'" check --online a b
usage_case snapshot-unsafe-refused "--unsafe does not apply to 'pgalign snapshot'" snapshot --unsafe a
usage_case diff-format-checked "unknown --format 'jsno'" --format jsno a b
usage_case check-format-checked "unknown --format 'sql'" check --format sql a b
# Checked before connecting: the host does not exist.
usage_case lock-timeout-checked "--lock-timeout wants a time" apply --lock-timeout banana "host=/nonexistent" p.json
usage_case statement-timeout-checked "--statement-timeout wants a time" sync --statement-timeout 5x "host=/nonexistent" EMPTY
# Times with units and fractions, as the server takes them: sent with a
# plan that has statements (an empty one never sets them).
fresh_db cli_lt_f && fresh_db cli_lt_t
psql -X -q -d cli_lt_f -c "create table t (id int)"
psql -X -q -d cli_lt_t -c "create table t (id int, v int)"
expect lock-timeout-units 0 "$PGALIGN" sync -v --lock-timeout '1.5 min' --statement-timeout 300ms --yes dbname=cli_lt_f dbname=cli_lt_t &&
    check lock-timeout-units-applied grep -q "ok   statement 1 of 1" "$err"
echo "not a schema" >"$work/notes.txt"
usage_case other-file-source "notes.txt is a file, but not a source pgalign reads" "$work/notes.txt" EMPTY
# Only a path (with a slash) is taken for a file: a plain word is what
# libpq makes of it, whatever the current directory holds.
(cd "$work" && echo x >cli_word && "$PGALIGN" cli_word EMPTY) >"$out" 2>"$err"
check plain-word-not-a-file lacks "$err" "is a file"
# Global options may come before the command.
expect options-before-command 0 "$PGALIGN" --profile supabase check dbname=cli_same dbname=cli_prod
expect options-with-value-before-command 0 "$PGALIGN" -o "$work/snap-first.json" snapshot dbname=cli_same &&
    check options-before-command-wrote test -s "$work/snap-first.json"
# The command is found by getopt's own parse: abbreviated and bundled
# options before it; a mistyped command however many arguments follow;
# every message names the command.
expect options-abbreviated-before-command 0 "$PGALIGN" --prof supabase check dbname=cli_same dbname=cli_prod
expect options-bundled-before-command 0 "$PGALIGN" -qo "$work/snap-bundled.json" snapshot dbname=cli_same &&
    check options-bundled-wrote test -s "$work/snap-bundled.json"
usage_case unknown-command-two-arguments "unknown command 'snapshto'" snapshto dbname=cli_same
usage_case unknown-command-one-argument "unknown command 'chek'" chek
usage_case option-takes-no-value "pgalign: diff: --unsafe takes no value ('--unsafe=yes')" --unsafe=yes a b
usage_case message-names-command "pgalign: check: unknown option '--bogus'" check --bogus a b
expect sync-help-once 0 "$PGALIGN" sync --help &&
    check sync-help-privileges-once test "$(grep -c -- --with-privileges "$out")" = 1

# --- connection errors: one clear line, exit 1 ---
expect bad-url 1 "$PGALIGN" 'postgresql://[::1' EMPTY && check bad-url-one-line one_line "$err"
expect bad-conninfo 1 "$PGALIGN" 'host=' EMPTY && check bad-conninfo-one-line one_line "$err"
expect unreachable-host 1 "$PGALIGN" "host=127.0.0.1 port=1 dbname=x connect_timeout=3" EMPTY \
    && check unreachable-one-line one_line "$err"
# A server that accepts and never answers: pgalign gives up after 10 s
# (unless the connection string sets connect_timeout) and names the side
# and the host.
python3 -c 'import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(5)
print(s.getsockname()[1], flush=True); time.sleep(60)' >"$work/silent-port" &
silent=$!
for _ in $(seq 50); do [ -s "$work/silent-port" ] && break; sleep 0.1; done
port=$(cat "$work/silent-port")
SECONDS=0
expect silent-server 1 "$PGALIGN" "host=127.0.0.1 port=$port dbname=x" EMPTY &&
    check silent-server-says grep -q "^pgalign: FROM: cannot connect to .*host=127.0.0.1 port=$port.*timeout expired" "$err" &&
    check silent-server-default-10s test $SECONDS -ge 9 -a $SECONDS -le 20
expect silent-server-own-timeout 1 "$PGALIGN" EMPTY "host=127.0.0.1 port=$port dbname=x connect_timeout=2" &&
    check silent-server-own-timeout-target grep -q "^pgalign: TARGET: cannot connect" "$err"
kill $silent 2>/dev/null; wait $silent 2>/dev/null
expect missing-database 1 "$PGALIGN" EMPTY "dbname=pgalign_no_such_db" \
    && check missing-database-names-it grep -q 'pgalign_no_such_db' "$err" \
    && check missing-database-says-target grep -q '^pgalign: TARGET:' "$err"
PGOPTIONS="-c client_min_messages=warning" psql -X -q -d postgres -c "drop role if exists pgalign_pw" -c "create role pgalign_pw login password 'right-secret'"
expect wrong-password 1 "$PGALIGN" "user=pgalign_pw password=wrong-secret dbname=postgres" EMPTY \
    && check wrong-password-one-line one_line "$err" \
    && check wrong-password-not-echoed lacks "$err" wrong-secret
expect wrong-password-uri 1 "$PGALIGN" "postgresql://pgalign_pw:wrong-secret@/postgres?host=$PGHOST&port=$PGPORT" EMPTY \
    && check wrong-password-uri-not-echoed lacks "$err" wrong-secret
expect right-password 0 "$PGALIGN" "user=pgalign_pw password=right-secret dbname=cli_same" "dbname=cli_prod"

# --- exit codes and output ---
expect same 0 "$PGALIGN" dbname=cli_prod dbname=cli_same && check same-prints-nothing test ! -s "$out"
expect empty-empty 0 "$PGALIGN" EMPTY EMPTY
expect destructive-needs-unsafe 3 "$PGALIGN" dbname=cli_prod dbname=cli_stage \
    && check destructive-nothing-on-stdout test ! -s "$out" \
    && check destructive-listed-on-stderr grep -q 'DROP COLUMN gone' "$err"
expect unsafe-prints-plan 2 "$PGALIGN" --unsafe dbname=cli_prod dbname=cli_stage \
    && check plan-has-drop grep -q 'ALTER TABLE public.t DROP COLUMN gone;' "$out" \
    && check plan-ends-with-newline test "$(tail -c1 "$out" | od -An -c | tr -d ' ')" = '\n'
cp "$out" "$work/first"
expect explicit-diff-command 2 "$PGALIGN" diff --unsafe dbname=cli_prod dbname=cli_stage \
    && check deterministic cmp -s "$out" "$work/first"
expect additive-only 2 "$PGALIGN" dbname=cli_same dbname=cli_stage --exclude-schema public \
    && check additive-plan grep -q 'CREATE SCHEMA extra' "$out"

# --- -o FILE ---
expect output-file 2 "$PGALIGN" --unsafe -o "$work/plan.sql" dbname=cli_prod dbname=cli_stage \
    && check output-file-written cmp -s "$work/plan.sql" "$work/first" \
    && check output-file-stdout-empty test ! -s "$out"
expect output-file-refused 3 "$PGALIGN" -o "$work/refused.sql" dbname=cli_prod dbname=cli_stage \
    && check output-file-not-created test ! -e "$work/refused.sql"
expect output-file-bad-dir 1 "$PGALIGN" --unsafe -o "$work/no/such/dir/plan.sql" dbname=cli_prod dbname=cli_stage
check output-no-temp-left test -z "$(ls "$work" | grep tmp-)"
# A pipe or a device (-o /dev/null, /dev/stdout) is written as it is: a
# rename over it would leave a plain file in its place (for /dev/null, on
# the whole machine). A FIFO stands in for the device here.
mkfifo "$work/fifo"
# (With a plain file put there instead, the reader would wait for ever.)
timeout 20 cat "$work/fifo" > "$work/from-fifo" & reader=$!
expect output-fifo 2 "$PGALIGN" --unsafe -o "$work/fifo" dbname=cli_prod dbname=cli_stage
wait "$reader"
check output-fifo-still-fifo test -p "$work/fifo"
check output-fifo-read cmp -s "$work/from-fifo" "$work/first"
# Through a symbolic link, the file it names gets the plan; the link stays.
: > "$work/linked.sql" && ln -s linked.sql "$work/link.sql"
expect output-symlink 2 "$PGALIGN" --unsafe -o "$work/link.sql" dbname=cli_prod dbname=cli_stage
check output-symlink-kept test -L "$work/link.sql"
check output-symlink-target cmp -s "$work/linked.sql" "$work/first"

# --- schema filters ---
expect schema-filter 2 "$PGALIGN" --schema other dbname=cli_prod dbname=cli_stage \
    && check schema-filter-only-other sh -c "! grep -q 'public\.' '$out' && grep -q 'other.x ADD COLUMN y' '$out'"
expect schema-filter-repeat 2 "$PGALIGN" --schema other --schema extra dbname=cli_prod dbname=cli_stage \
    && check schema-filter-repeat-both sh -c "grep -q 'CREATE SCHEMA extra' '$out' && grep -q 'other.x' '$out'"
expect exclude-schema 3 "$PGALIGN" --exclude-schema other --exclude_schema extra dbname=cli_prod dbname=cli_stage \
    && check exclude-schema-keeps-public grep -q 'DROP COLUMN gone' "$err"
expect exclude-all-differences 0 "$PGALIGN" --exclude-schema public --exclude-schema other --exclude-schema extra dbname=cli_prod dbname=cli_stage

# --- EMPTY ---
expect empty-to-db 2 "$PGALIGN" EMPTY dbname=cli_stage \
    && check empty-plan-no-public-schema lacks "$out" 'CREATE SCHEMA public'
fresh_db cli_new
check empty-plan-applies psql -X -q -1 -v ON_ERROR_STOP=1 -d cli_new -f "$out"
expect empty-plan-converges 0 "$PGALIGN" dbname=cli_new dbname=cli_stage
expect db-to-empty 3 "$PGALIGN" dbname=cli_stage EMPTY
expect db-to-empty-unsafe 2 "$PGALIGN" --unsafe dbname=cli_stage EMPTY \
    && check db-to-empty-keeps-public lacks "$out" 'DROP SCHEMA public'

# --- the migra workflow, verbatim, with URLs ---
PROD_URL="postgresql:///cli_prod?host=$PGHOST&port=$PGPORT"
STAGE_URL="postgresql:///cli_stage?host=$PGHOST&port=$PGPORT"
(cd "$work" && "$PGALIGN" --unsafe "$PROD_URL" "$STAGE_URL" > schema_diff.sql); rc=$?
check workflow-diff test "$rc" = 2
check workflow-apply psql "$PROD_URL" -X -q -1 -v ON_ERROR_STOP=1 -f "$work/schema_diff.sql"
expect workflow-converged 0 "$PGALIGN" "$PROD_URL" "$STAGE_URL"

# --- extension versions: update when the server has a path, warn when not ---
fresh_db cli_ext_old && fresh_db cli_ext_new
psql -X -q -d cli_ext_old -c "create extension pg_trgm version '1.5'"
psql -X -q -d cli_ext_new -c "create extension pg_trgm version '1.6'"
expect extension-update 2 "$PGALIGN" dbname=cli_ext_old dbname=cli_ext_new \
    && check extension-update-statement grep -q "ALTER EXTENSION pg_trgm UPDATE TO '1.6';" "$out"
psql -X -q -d cli_ext_old -f "$out"
expect extension-updated 0 "$PGALIGN" dbname=cli_ext_old dbname=cli_ext_new
fresh_db cli_ext_old
psql -X -q -d cli_ext_old -c "create extension pg_trgm version '1.5'"
# A downgrade is not planned, but it is drift all the same: a note, never
# "in sync".
expect extension-downgrade-warns 2 "$PGALIGN" dbname=cli_ext_new dbname=cli_ext_old \
    && check extension-downgrade-warning grep -q 'cannot be updated from version 1.6 to 1.5' "$err" \
    && check extension-downgrade-noted grep -q '^--   extension pg_trgm cannot be updated' "$out" \
    && check extension-downgrade-no-statement lacks "$out" "^ALTER"
expect extension-downgrade-check 2 "$PGALIGN" check dbname=cli_ext_new dbname=cli_ext_old
expect extension-downgrade-quiet 2 "$PGALIGN" -q dbname=cli_ext_new dbname=cli_ext_old \
    && check extension-downgrade-quiet-silent test ! -s "$err"
expect extension-downgrade-ignored 0 "$PGALIGN" --ignore-extension-versions dbname=cli_ext_new dbname=cli_ext_old

# --- migra's extension flags ---
fresh_db cli_ext_plain && fresh_db cli_ext_more
psql -X -q -d cli_ext_plain -c "create extension pg_trgm version '1.5'"
psql -X -q -d cli_ext_more -c "create extension pg_trgm version '1.6'; create extension citext version '1.6'; create table t (id int)"
expect create-extensions-only 2 "$PGALIGN" --create-extensions-only dbname=cli_ext_plain dbname=cli_ext_more \
    && check create-extensions-only-plan test "$(cat "$out")" = "CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public VERSION '1.6';"
# sync takes it too: its rehearsal and verification compare what it
# compares, not the table it leaves alone.
fresh_db cli_ext_sync && psql -X -q -d cli_ext_sync -c "create extension pg_trgm version '1.5'"
expect create-extensions-only-sync 0 "$PGALIGN" sync --yes --create-extensions-only dbname=cli_ext_sync dbname=cli_ext_more \
    && check create-extensions-only-sync-verified grep -q "verified: FROM is now in sync" "$err" \
    && check create-extensions-only-sync-no-table test "$(psql -X -At -d cli_ext_sync -c "select count(*) from pg_class where relname = 't'")" = 0
expect ignore-extension-versions 2 "$PGALIGN" --ignore-extension-versions dbname=cli_ext_plain dbname=cli_ext_more \
    && check ignore-extension-versions-plan lacks "$out" 'UPDATE TO'
expect extension-versions-compared 2 "$PGALIGN" dbname=cli_ext_plain dbname=cli_ext_more \
    && check extension-versions-plan grep -q "UPDATE TO '1.6'" "$out"
expect force-utf8-accepted 0 "$PGALIGN" --force-utf8 dbname=cli_same dbname=cli_same

# --- check: the CI drift gate ---
fresh_db cli_chk_a && fresh_db cli_chk_b && fresh_db cli_chk_c
psql -X -q -d cli_chk_a -c "create table t (id int primary key, old text)"
psql -X -q -d cli_chk_b -c "create table t (id int primary key, old text, added text); create index t_added on t (added)"
psql -X -q -d cli_chk_c -c "create table t (id int primary key)"
expect check-in-sync 0 "$PGALIGN" check dbname=cli_chk_a dbname=cli_chk_a \
    && check check-in-sync-says-so grep -q '^in sync' "$out"
expect check-drift 2 "$PGALIGN" check dbname=cli_chk_a dbname=cli_chk_b \
    && check check-drift-summary grep -qE '^  column +1 +0 +0$' "$out" \
    && check check-drift-index grep -qE '^  index +1 +0 +0$' "$out" \
    && check check-drift-no-sql lacks "$out" 'ALTER TABLE'
expect check-unsafe-drift 3 "$PGALIGN" check dbname=cli_chk_a dbname=cli_chk_c \
    && check check-unsafe-lists-drop grep -q 'DROP COLUMN old' "$out"
expect check-unsafe-flag 2 "$PGALIGN" check --unsafe dbname=cli_chk_a dbname=cli_chk_c
expect check-json 3 "$PGALIGN" check --format json dbname=cli_chk_a dbname=cli_chk_c \
    && check check-json-destructive grep -q '"destructive": 1' "$out" \
    && check check-json-hazard grep -q '"data-loss"' "$out" \
    && check check-json-in-sync grep -q '"in_sync": false' "$out"
expect check-json-same 0 "$PGALIGN" check --format json dbname=cli_chk_a dbname=cli_chk_a \
    && check check-json-same-in-sync grep -q '"in_sync": true' "$out"
expect check-bad-format 1 "$PGALIGN" check --format yaml dbname=cli_chk_a dbname=cli_chk_a
expect check-error 1 "$PGALIGN" check dbname=cli_chk_a dbname=pgalign_no_such_db

# A view rebuilt around a column change loses its grants unless they are
# compared: say so; with --with-privileges they are restored.
fresh_db cli_grant_a && fresh_db cli_grant_b
for db in cli_grant_a cli_grant_b; do
    psql -X -q -d "$db" -c "do \$\$ begin create role cli_reader; exception when duplicate_object or unique_violation then null; end \$\$" >/dev/null
done
psql -X -q -d cli_grant_a -c "create table t (id int); create view v as select id from t; grant select on v to cli_reader" >/dev/null
psql -X -q -d cli_grant_b -c "create table t (id bigint); create view v as select id from t; grant select on v to cli_reader" >/dev/null
expect grants-warning 2 "$PGALIGN" dbname=cli_grant_a dbname=cli_grant_b \
    && check grants-warning-says grep -q 'grants are restored only with --with-privileges' "$err"
expect grants-restored 2 "$PGALIGN" --with-privileges dbname=cli_grant_a dbname=cli_grant_b \
    && check grants-restored-grant grep -q 'GRANT SELECT ON TABLE public.v TO cli_reader;' "$out" \
    && check grants-restored-no-warning lacks "$err" 'restored only'
expect format-summary-hazards 2 "$PGALIGN" --format summary dbname=cli_grant_a dbname=cli_grant_b \
    && check format-summary-hazard-line grep -qE '^  table-rewrite +1$' "$out"
expect format-bad 1 "$PGALIGN" --format yaml dbname=cli_grant_a dbname=cli_grant_b
# Colours only on a terminal, and never with NO_COLOR.
no_escape() { ! grep -qF $'\033[' "$1"; }
expect summary-piped 2 "$PGALIGN" --format summary dbname=cli_grant_a dbname=cli_grant_b \
    && check summary-piped-has-hazards grep -q 'table-rewrite' "$out" \
    && check summary-no-colour-piped no_escape "$out"
if command -v script >/dev/null; then
    script -qc "$PGALIGN --format summary dbname=cli_grant_a dbname=cli_grant_b" /dev/null > "$work/tty" 2>&1
    check summary-colour-on-tty grep -q $'\033\\[33mtable-rewrite' "$work/tty"
    NO_COLOR=1 script -qc "$PGALIGN --format summary dbname=cli_grant_a dbname=cli_grant_b" /dev/null > "$work/tty" 2>&1
    check summary-no-colour-with-no-color no_escape "$work/tty"
fi

# --- secrets: the password is in no output of any command ---
# Every command, verbose where it can be, with a password in both sources
# (a conninfo and a URI), on success and on failure; then every file it
# wrote and everything it printed is searched for the password.
secret=pA55-in-cli-test
PGOPTIONS="-c client_min_messages=warning" psql -X -q -d postgres \
    -c "drop role if exists pgalign_secret" \
    -c "create role pgalign_secret login superuser password '$secret'"
fresh_db cli_sec_prod && fresh_db cli_sec_stage
psql -X -q -d cli_sec_prod -c "create table t (id int primary key, gone text)"
psql -X -q -d cli_sec_stage -c "create table t (id int primary key, added text not null default '')"
sec=$work/secrets
mkdir -p "$sec"
kv="user=pgalign_secret password=$secret dbname=cli_sec_prod"
uri="postgresql://pgalign_secret:$secret@/cli_sec_stage?host=$PGHOST&port=$PGPORT"
n=0
run_secret() {   # args...: keep stdout and stderr
    n=$((n + 1))
    (cd "$sec" && "$PGALIGN" "$@" >"$sec/out-$n" 2>"$sec/err-$n")
}
run_secret -v --unsafe "$kv" "$uri"
run_secret -v --unsafe --format json -o "$sec/plan.json" "$kv" "$uri"
run_secret -v --unsafe --format summary "$kv" "$uri"
run_secret -v --unsafe -o "$sec/plan.sql" "$kv" "$uri"
run_secret check -v "$kv" "$uri"
run_secret snapshot -v -o "$sec/snap.json" "$uri"
run_secret -v --unsafe "$sec/snap.json" "$uri"
run_secret apply -v --dry-run "$kv" "$sec/plan.json"
run_secret apply -v --dry-run "$kv" "$sec/plan.sql"
run_secret sync -v --yes --unsafe --dry-run "$kv" "$uri"
run_secret sync -v --yes --unsafe "$kv" "$uri"
run_secret -v "user=pgalign_secret password=$secret dbname=cli_sec_none" "$uri"
run_secret -v "postgresql://pgalign_secret:$secret@/cli_sec_none?host=$PGHOST&port=$PGPORT" "$kv"
run_secret -v "user=pgalign_secret password=$secret dbname=cli_sec_prod host=127.0.0.1 port=1 connect_timeout=2" "$uri"
run_secret apply -v "postgresql://pgalign_secret:$secret@/cli_sec_none?host=$PGHOST&port=$PGPORT" "$sec/plan.json"
check secrets-commands-ran test "$(cat "$sec"/out-* | wc -c)" -gt 0
check secrets-plan-written test -s "$sec/plan.json"
check secrets-snapshot-written test -s "$sec/snap.json"
check secrets-synced grep -q verified "$sec/err-11"
check secrets-nowhere test -z "$(grep -rl -- "$secret" "$sec")"

# --- identifiers as the server reads them ---
# Each name, as pgalign prints it in a plan, is that name to the server
# (parse_ident), and is quoted wherever the server's quote_ident quotes
# (pgalign may quote more: keywords of other majors).
fresh_db cli_names
names=(plain MixedCase 'with space' "it's" 'quote"in' 'naïve' select user system_user
       json_table 1digit _under 'dollar$' 'ünï Ç' 'end;')
sql_with_name() {   # name query: the query with :'n' the name, as psql reads it
    printf '%s\n' "$2" | psql -X -At -q -d cli_names -v n="$1"
}
for name in "${names[@]}"; do
    sql_with_name "$name" "select format('create table public.%I (id int)', :'n')" |
        psql -X -q -d cli_names
done
"$PGALIGN" EMPTY dbname=cli_names >"$work/names.sql" 2>"$err"
names_ok=yes
for name in "${names[@]}"; do
    printed=$(grep -F "CREATE TABLE public." "$work/names.sql" |
        while IFS= read -r line; do
            p=${line#CREATE TABLE public.}; p=${p% (}
            same=$(printf '%s\n' "select (parse_ident(:'p'))[2] = :'n'" |
                psql -X -At -q -d cli_names -v p="public.$p" -v n="$name")
            [ "$same" = t ] && { printf '%s' "$p"; break; }
        done)
    server=$(sql_with_name "$name" "select quote_ident(:'n')")
    if [ -z "$printed" ]; then
        names_ok="no: $name not in the plan as itself"; break
    elif [ "${server:0:1}" = '"' ] && [ "$printed" != "$server" ]; then
        names_ok="no: $name printed $printed, the server quotes $server"; break
    fi
done
check identifiers-as-the-server-reads-them [ "$names_ok" = yes ]

# --- progress line: on a terminal only (script(1) gives pgalign one),
# not with -q, not in JSON mode; PGALIGN_PROGRESS_DELAY=0 shows it at once.
on_terminal() {   # FILE CMD...: run CMD with stderr on a terminal; FILE gets it
    local file=$1; shift
    PGALIGN_PROGRESS_DELAY=0 script -qec "$(printf '%q ' "$@") >/dev/null" /dev/null >"$file" 2>&1
}
if command -v script >/dev/null; then
    on_terminal "$work/tty" "$PGALIGN" dbname=cli_prod dbname=cli_stage
    check progress-on-terminal grep -qE $'\rpgalign: inspecting (FROM|TARGET): .* of ' "$work/tty"
    check progress-cleared grep -q $'\r\033\\[K' "$work/tty"
    on_terminal "$work/tty" "$PGALIGN" -q dbname=cli_prod dbname=cli_stage
    check progress-not-quiet lacks "$work/tty" 'inspecting'
    on_terminal "$work/tty" "$PGALIGN" --format json dbname=cli_prod dbname=cli_stage
    check progress-not-json lacks "$work/tty" 'inspecting'
    PGALIGN_PROGRESS_DELAY=0 "$PGALIGN" dbname=cli_prod dbname=cli_stage >/dev/null 2>"$work/notty"
    check progress-not-without-terminal lacks "$work/notty" $'\r'
    fresh_db cli_progress
    psql -X -q -d cli_progress -c "create table t (id int primary key, gone text)"
    "$PGALIGN" --unsafe --format json -o "$work/progress.json" dbname=cli_progress dbname=cli_stage
    on_terminal "$work/tty" "$PGALIGN" apply --unsafe dbname=cli_progress "$work/progress.json"
    check progress-apply grep -q $'\rpgalign: applying statement 1 of ' "$work/tty"
    check progress-apply-applied grep -q 'verified' "$work/tty"
    # A statement waiting for a lock says which, and for how long.
    fresh_db cli_lockwait
    psql -X -q -d cli_lockwait -c "create table t (id int primary key, gone text)"
    psql -X -q -d cli_lockwait -c "begin; lock table t; select pg_sleep(4)" >/dev/null 2>&1 &
    lock_holder=$!
    sleep 0.5
    on_terminal "$work/tty" "$PGALIGN" apply --unsafe --no-preflight --lock-timeout 2500ms dbname=cli_lockwait "$work/progress.json"
    wait $lock_holder
    check progress-lock-wait grep -qE $'\rpgalign: applying statement 1 of [0-9]+ \\(waiting [0-9]+ s: lock on public\\.t\\)' "$work/tty"
else
    skip "$SUITE/progress" "no script(1)"
fi

# --- renames: named on stderr, taken with --rename or --detect-renames
# (diff, JSON plan + apply, sync), the data kept; sync asks on a terminal.
rename_dbs() {   # prod-db: FROM with rows, and the staging shape in cli_rn_t
    fresh_db "$1"
    psql -X -q -d "$1" -c "create table people (id int primary key, name text not null check (length(name) > 0), email text, age int default 0)" \
        -c "create index people_name on people (lower(name))" \
        -c "create view names as select id, name from people" \
        -c "create table old_logs (id int, msg text)" \
        -c "insert into people values (1, 'Ann', 'a@x', 30)" -c "insert into old_logs values (1, 'hello')"
}
rename_kept() {   # db: the rows are there under the new names
    [ "$(psql -X -At -d "$1" -c "select full_name || years from people" -c "select msg from logs")" = $'Ann30\nhello' ]
}
# Staging renamed them (constraint and index names stay, as RENAME leaves them).
rename_dbs cli_rn_t
psql -X -q -d cli_rn_t -c "alter table people rename name to full_name" -c "alter table people rename age to years" \
    -c "alter table old_logs rename to logs" -c "truncate people, logs"
rename_dbs cli_rn_f
expect rename-hint 3 "$PGALIGN" dbname=cli_rn_f dbname=cli_rn_t \
    && check rename-hint-column grep -qF 'possible rename: public.people.name -> full_name (same type, same position); pass --rename public.people.name=full_name' "$err" \
    && check rename-hint-table grep -qF 'possible rename: public.old_logs -> logs (same columns)' "$err"
expect rename-given 2 "$PGALIGN" --rename public.people.name=full_name --rename 'public.people."age"=years' \
    --rename public.old_logs=logs dbname=cli_rn_f dbname=cli_rn_t \
    && check rename-given-statement grep -qF 'ALTER TABLE public.people RENAME COLUMN name TO full_name;' "$out" \
    && check rename-given-no-drop lacks "$out" 'DROP COLUMN' \
    && check rename-given-no-hint lacks "$err" 'possible rename'
psql -X -q -1 -v ON_ERROR_STOP=1 -d cli_rn_f -f "$out" >/dev/null 2>"$err"
check rename-given-kept rename_kept cli_rn_f
expect rename-given-converged 0 "$PGALIGN" dbname=cli_rn_f dbname=cli_rn_t
rename_dbs cli_rn_f
expect rename-detect-json 2 "$PGALIGN" --detect-renames --format json -o "$work/rename.json" dbname=cli_rn_f dbname=cli_rn_t \
    && check rename-json-lists grep -qF '"old": "public.people.name"' "$work/rename.json" \
    && check rename-json-evidence grep -qF '"evidence": "same columns"' "$work/rename.json"
expect rename-json-apply 0 "$PGALIGN" apply dbname=cli_rn_f "$work/rename.json" \
    && check rename-json-apply-kept rename_kept cli_rn_f
rename_dbs cli_rn_f
expect rename-summary 2 "$PGALIGN" --detect-renames --format summary dbname=cli_rn_f dbname=cli_rn_t \
    && check rename-summary-lists grep -qF 'public.people.name -> full_name' "$out"
expect rename-sync 0 "$PGALIGN" sync --detect-renames --yes --no-rehearse dbname=cli_rn_f dbname=cli_rn_t \
    && check rename-sync-kept rename_kept cli_rn_f
rename_dbs cli_rn_f
expect rename-unknown 1 "$PGALIGN" --rename public.people.nope=x dbname=cli_rn_f dbname=cli_rn_t \
    && check rename-unknown-says grep -qF 'public.people.nope=x: FROM has no such column' "$err"
expect rename-not-in-target 1 "$PGALIGN" --rename public.people.name=nom dbname=cli_rn_f dbname=cli_rn_t \
    && check rename-not-in-target-says grep -qF 'TARGET has no column of the new name' "$err"
expect rename-malformed 1 "$PGALIGN" --rename public.people dbname=cli_rn_f dbname=cli_rn_t
if command -v script >/dev/null; then
    # Questions: old_logs, age, name; yes, no, yes; then yes to applying.
    printf 'y\nn\ny\ny\n' | script -qec "$(printf '%q ' "$PGALIGN" sync --unsafe --no-rehearse dbname=cli_rn_f dbname=cli_rn_t)" /dev/null >"$work/tty" 2>&1
    check rename-sync-asks grep -qF 'Rename table public.old_logs to logs (same columns), keeping its data? [y/N]' "$work/tty"
    check rename-sync-asked-kept [ "$(psql -X -At -d cli_rn_f -c "select msg from logs" -c "select full_name from people")" = $'hello\nAnn' ]
    check rename-sync-asked-declined [ "$(psql -X -At -d cli_rn_f -c "select years from people")" = 0 ]
else
    skip "$SUITE/rename-sync-asks" "no script(1)"
fi
# sync asks with the facts: where FROM is, how many statements (and how
# many destructive), what was checked; 's' shows the statements and asks
# again.
if command -v script >/dev/null; then
    fresh_db cli_ask_f && fresh_db cli_ask_t
    psql -X -q -d cli_ask_f -c "create table t (id int, gone int)"
    psql -X -q -d cli_ask_t -c "create table t (id int, added text)"
    printf 's\ny\n' | script -qec "$(printf '%q ' "$PGALIGN" sync --unsafe --no-rehearse dbname=cli_ask_f dbname=cli_ask_t)" /dev/null >"$work/tty" 2>&1
    check sync-asks-where grep -qF "FROM: database cli_ask_f on " "$work/tty"
    check sync-asks-checked grep -qF "preflight: passed; rehearsal on a copy: skipped (--no-rehearse)" "$work/tty"
    check sync-asks-counts grep -qF "Apply these 2 statements (1 destructive) to FROM? [y/N/s: show them]" "$work/tty"
    check sync-asks-again test "$(grep -c 'show them\]' "$work/tty")" = 2
    check sync-shows-statements grep -qF "ALTER TABLE public.t ADD COLUMN added text;" "$work/tty"
    check sync-asked-applied grep -q "verified" "$work/tty"
else
    skip "$SUITE/sync-asks" "no script(1)"
fi

# Constraints and indexes under new names (staging built afresh): renamed,
# not built again; a renamed table's constraints are found after it.
rename_keys_dbs() {   # db names...: people(...) with the constraint and index names given
    local db=$1 pk=$2 uq=$3 ck=$4 ix=$5 tbl=$6
    fresh_db "$db"
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" \
        -c "create table people (id int constraint $pk primary key, email text constraint $uq unique,
            n int constraint $ck check (n > 0))" \
        -c "create index $ix on people (lower(email))" -c "alter table people cluster on $ix" \
        -c "create table orders (id int, person int references people)" \
        -c "create table $tbl (id int primary key, note text)" \
        -c "insert into people values (1, 'a@x', 1)"
}
rename_keys_dbs cli_rnk_t persons_pkey persons_email_key n_positive people_email_lower new_t
rename_keys_dbs cli_rnk_f people_pkey people_email_key people_n_check people_lower old_t
expect rename-keys-hint 3 "$PGALIGN" dbname=cli_rnk_f dbname=cli_rnk_t \
    && check rename-keys-hint-constraint grep -qF 'possible rename: public.people.people_pkey -> persons_pkey (same definition); pass --rename public.people.people_pkey=persons_pkey to rename it instead of building it again' "$err" \
    && check rename-keys-hint-index grep -qF 'possible rename: public.people_lower -> people_email_lower (same definition)' "$err"
expect rename-keys-detect 2 "$PGALIGN" --detect-renames dbname=cli_rnk_f dbname=cli_rnk_t \
    && check rename-keys-constraint grep -qF 'ALTER TABLE public.people RENAME CONSTRAINT people_pkey TO persons_pkey;' "$out" \
    && check rename-keys-check grep -qF 'ALTER TABLE public.people RENAME CONSTRAINT people_n_check TO n_positive;' "$out" \
    && check rename-keys-index grep -qF 'ALTER INDEX public.people_lower RENAME TO people_email_lower;' "$out" \
    && check rename-keys-table-then-key grep -qF 'ALTER TABLE public.new_t RENAME CONSTRAINT old_t_pkey TO new_t_pkey;' "$out" \
    && check rename-keys-nothing-built lacks "$out" 'DROP CONSTRAINT' \
    && check rename-keys-no-index-built lacks "$out" 'CREATE INDEX'
psql -X -q -1 -v ON_ERROR_STOP=1 -d cli_rnk_f -f "$out" >/dev/null 2>"$err"
expect rename-keys-converged 0 "$PGALIGN" dbname=cli_rnk_f dbname=cli_rnk_t
check rename-keys-cluster-kept [ "$(psql -X -At -d cli_rnk_f -c "select c.relname from pg_index i
    join pg_class c on c.oid = i.indexrelid where i.indisclustered")" = people_email_lower ]
rename_keys_dbs cli_rnk_f people_pkey people_email_key people_n_check people_lower old_t
expect rename-keys-given 2 "$PGALIGN" --unsafe --rename public.people_lower=people_email_lower \
    --rename public.people.people_email_key=persons_email_key dbname=cli_rnk_f dbname=cli_rnk_t \
    && check rename-keys-given-index grep -qF 'ALTER INDEX public.people_lower RENAME TO people_email_lower;' "$out" \
    && check rename-keys-given-unique grep -qF 'ALTER TABLE public.people RENAME CONSTRAINT people_email_key TO persons_email_key;' "$out"
expect rename-keys-json 2 "$PGALIGN" --unsafe --rename public.people_lower=people_email_lower --format json \
    -o "$work/rename-keys.json" dbname=cli_rnk_f dbname=cli_rnk_t \
    && check rename-keys-json-kind grep -qF '"kind": "index"' "$work/rename-keys.json"
expect rename-keys-unknown 1 "$PGALIGN" --rename public.nothing=x dbname=cli_rnk_f dbname=cli_rnk_t \
    && check rename-keys-unknown-says grep -qF 'public.nothing=x: FROM has no such table or index' "$err"

# A renamed table whose constraints and indexes staging renamed too: they
# follow the table's rename (no drop, not destructive); an index or
# constraint that is only renamed is no loss either way (exit 2).
fresh_db cli_rt_f && fresh_db cli_rt_t
psql -X -q -d cli_rt_f -c "create table old_items (id int primary key, v text check (v <> ''))" \
    -c "create index old_items_v on old_items (v)" -c "insert into old_items values (1, 'x')" \
    -c "create table other (id int, w int constraint w_pos check (w > 0))" -c "create index other_w on other (w)"
psql -X -q -d cli_rt_t -c "create table items (id int constraint items_pkey primary key, v text constraint items_v_check check (v <> ''))" \
    -c "create index items_v on items (v)" \
    -c "create table other (id int, w int constraint w_positive check (w > 0))" -c "create index other_w_idx on other (w)"
expect rename-table-parts 2 "$PGALIGN" --rename public.old_items=items dbname=cli_rt_f dbname=cli_rt_t &&
    check rename-table-parts-pkey grep -qF 'ALTER TABLE public.items RENAME CONSTRAINT old_items_pkey TO items_pkey;' "$out" &&
    check rename-table-parts-index grep -qF 'ALTER INDEX public.old_items_v RENAME TO items_v;' "$out" &&
    check rename-table-parts-no-drop lacks "$out" 'DROP INDEX public.old_items_v\|DROP CONSTRAINT old_items' &&
    check rename-table-parts-other-not-destructive grep -qF 'DROP INDEX public.other_w;' "$out"
psql -X -q -1 -v ON_ERROR_STOP=1 -d cli_rt_f -f "$out" >/dev/null 2>"$err"
expect rename-table-parts-converged 0 "$PGALIGN" dbname=cli_rt_f dbname=cli_rt_t
check rename-table-parts-rows-kept test "$(psql -X -At -d cli_rt_f -c 'select v from items')" = x
# The summary's columns stay aligned for the widest kind name, and it does
# not ask for --unsafe when it was given.
fresh_db cli_pub_f && fresh_db cli_pub_t
psql -X -q -d cli_pub_f -c "create table t (id int primary key)"
psql -X -q -d cli_pub_t -c "create table t (id int primary key)" -c "create publication pub for table t"
expect summary-aligned 2 "$PGALIGN" --format summary dbname=cli_pub_f dbname=cli_pub_t &&
    check summary-aligned-row grep -q '^  publication_table ' "$out" &&
    check summary-aligned-columns test "$(awk '/^  kind / || /^  publication_table / { print length($0) }' "$out" | sort -u | wc -l)" = 1
psql -X -q -d cli_pub_t -c "create table extra_gone (id int)"
expect summary-unsafe-given 2 "$PGALIGN" --unsafe --format summary dbname=cli_pub_t dbname=cli_pub_f &&
    check summary-unsafe-allowed grep -qF '(data-loss, allowed by --unsafe)' "$out" &&
    check summary-unsafe-not-asked lacks "$out" 'need --unsafe'
# --- what destructive statements lose, counted by the preflight ---
fresh_db cli_loss_f && fresh_db cli_loss_t
psql -X -q -d cli_loss_f -c "create table gone (id int)" -c "insert into gone select generate_series(1, 5)" \
    -c "create table t (id int, name text, price numeric(10,2), code text)" \
    -c "insert into t values (1, 'a', 1.25, '007'), (2, null, 2.5, '8'), (3, 'c', null, null)"
psql -X -q -d cli_loss_t -c "create table t (id int, price numeric(10,1), code int)"
expect loss-refused 3 "$PGALIGN" --preflight dbname=cli_loss_f dbname=cli_loss_t \
    && check loss-table grep -qxF 'preflight: DROP TABLE "public"."gone" loses 5 rows' "$err" \
    && check loss-column grep -qxF 'preflight: DROP COLUMN "public"."t"."name" loses 2 non-null values' "$err" \
    && check loss-rounded grep -qxF 'preflight: ALTER COLUMN "public"."t"."price" TYPE numeric(10,1) alters 1 value' "$err" \
    && check loss-converted grep -qxF 'preflight: ALTER COLUMN "public"."t"."code" TYPE integer alters 1 value' "$err"
# In a summary (diff, check, sync's before its question) rather than on stderr.
expect loss-summary 2 "$PGALIGN" --unsafe --preflight --format summary dbname=cli_loss_f dbname=cli_loss_t \
    && check loss-summary-heading grep -qF 'what they lose, counted in FROM now (preflight):' "$out" \
    && check loss-summary-table grep -qxF '  DROP TABLE "public"."gone" loses 5 rows' "$out" \
    && check loss-summary-not-twice lacks "$err" 'loses'
expect loss-check-json 3 "$PGALIGN" check --preflight --format json dbname=cli_loss_f dbname=cli_loss_t \
    && check loss-check-json-count grep -qF '"text": "DROP COLUMN \"public\".\"t\".\"name\" loses 2 non-null values"' "$out" \
    && check loss-check-json-unit grep -qF '"unit": "non-null value"' "$out"
# --preflight counts rows: a FROM that is not a database is a one-line error.
for cmd in diff check; do
    expect "preflight-needs-database-$cmd" 1 "$PGALIGN" $cmd --preflight EMPTY dbname=cli_loss_t \
        && check "preflight-needs-database-$cmd-says" one_line "$err" \
        && check "preflight-needs-database-$cmd-message" grep -qF -- '--preflight checks rows: FROM must be a database' "$err"
done
# Rows that make the plan fail (a NULL under a new NOT NULL): exit 1, and
# what it loses is in check's summary, not on stderr as well.
fresh_db cli_loss_nn
psql -X -q -d cli_loss_nn -c "create table t (id int, name text not null)"
expect loss-check-failing 1 "$PGALIGN" check --unsafe --preflight dbname=cli_loss_f dbname=cli_loss_nn \
    && check loss-check-failing-said grep -qF 'found rows that would make the plan fail' "$err" \
    && check loss-check-failing-summary grep -qxF '  DROP TABLE "public"."gone" loses 5 rows' "$out" \
    && check loss-check-failing-once lacks "$err" 'loses'
expect loss-check-uncounted 3 "$PGALIGN" check --format json dbname=cli_loss_f dbname=cli_loss_t \
    && check loss-check-null grep -qF '"losses": null' "$out"
expect loss-sync-summary 0 "$PGALIGN" sync --unsafe --dry-run --no-rehearse dbname=cli_loss_f dbname=cli_loss_t \
    && check loss-sync-in-summary grep -qxF '  ALTER COLUMN "public"."t"."price" TYPE numeric(10,1) alters 1 value' "$err" \
    && check loss-sync-once lacks "$err" 'preflight: DROP'
expect loss-json 2 "$PGALIGN" --unsafe --format json -o "$work/loss.json" dbname=cli_loss_f dbname=cli_loss_t \
    && check loss-json-check grep -qF '"type": "loss-rows"' "$work/loss.json"
expect loss-apply 0 "$PGALIGN" apply --unsafe dbname=cli_loss_f "$work/loss.json" \
    && check loss-apply-shown grep -qxF 'preflight: DROP COLUMN "public"."t"."name" loses 2 non-null values' "$err"

# --- libpq's pipeline mode against this server (src/source/pipeline.c):
# a cmocka program that skips its cases without a server; here it has one.
# A batch that never ends fails it (an alarm) rather than hanging the suite.
pipeline_test=${PIPELINE_TEST:-$here/../../build/tests/test_pipeline}
if [ -x "$pipeline_test" ]; then
    "$pipeline_test" >"$out" 2>&1; rc=$?
    sed -n 's/^\[       OK \] //p' "$out" | while read -r c; do pass "$SUITE/pipeline/$c"; done
    [ "$rc" = 0 ] && lacks "$out" SKIPPED || fail "$SUITE/pipeline" "exit $rc" "$out"
else
    skip "$SUITE/pipeline" "$pipeline_test is not built"
fi

# --- -j: each database over several connections sharing one snapshot ---
# The same plan, snapshot and verification as on one connection; a
# connection that cannot be opened (the role's CONNECTION LIMIT) only
# leaves its queries to the first, with a warning.
fresh_db cli_jobs_f && fresh_db cli_jobs_t
load_sql cli_jobs_f "$here/../../examples/production.sql"
load_sql cli_jobs_t "$here/../../examples/staging.sql"
for bad in 0 17 x 2x ''; do
    expect "jobs-refused-'$bad'" 1 "$PGALIGN" -j "$bad" dbname=cli_jobs_f dbname=cli_jobs_t \
        && check "jobs-refused-'$bad'-says" grep -q -- '-j/--jobs wants a number' "$err"
done
expect jobs-one 2 "$PGALIGN" --unsafe dbname=cli_jobs_f dbname=cli_jobs_t && cp "$out" "$work/jobs-1.sql"
expect jobs-four 2 "$PGALIGN" --unsafe -v -j 4 dbname=cli_jobs_f dbname=cli_jobs_t \
    && check jobs-four-same-plan cmp -s "$out" "$work/jobs-1.sql" \
    && check jobs-four-used-fourth grep -q '^pgalign: FROM: .* query: .*(connection 4)$' "$err" \
    && check jobs-four-no-warning lacks "$err" 'cannot help'
expect jobs-snapshot-one 0 "$PGALIGN" snapshot dbname=cli_jobs_t -o "$work/jobs-1.json"
expect jobs-snapshot-three 0 "$PGALIGN" snapshot --jobs=3 dbname=cli_jobs_t -o "$work/jobs-3.json" \
    && check jobs-snapshot-same cmp -s "$work/jobs-1.json" "$work/jobs-3.json"
PGOPTIONS="-c client_min_messages=warning" psql -X -q -d postgres -c "drop role if exists pgalign_one" \
    -c "create role pgalign_one login connection limit 1"
expect jobs-limited 2 "$PGALIGN" --unsafe -j 3 "user=pgalign_one dbname=cli_jobs_f" dbname=cli_jobs_t \
    && check jobs-limited-same-plan cmp -s "$out" "$work/jobs-1.sql" \
    && check jobs-limited-warns grep -q '^pgalign: warning: FROM: connection 2 of 3 cannot help (.*too many connections' "$err" \
    && check jobs-limited-warns-each grep -q 'connection 3 of 3 cannot help' "$err"
expect jobs-limited-quiet 2 "$PGALIGN" --unsafe -q -j 3 "user=pgalign_one dbname=cli_jobs_f" dbname=cli_jobs_t \
    && check jobs-limited-quiet-same-plan cmp -s "$out" "$work/jobs-1.sql" \
    && check jobs-limited-quiet-silent test ! -s "$err"
# apply and sync inspect FROM before and after on the connection they
# change it on: with -j too, and the verification sees the change.
expect jobs-plan 2 "$PGALIGN" --unsafe --format json -o "$work/jobs.json" dbname=cli_jobs_f dbname=cli_jobs_t
expect jobs-apply 0 "$PGALIGN" apply --unsafe -j 3 dbname=cli_jobs_f "$work/jobs.json" \
    && check jobs-apply-verified grep -q 'verified' "$err"
expect jobs-applied 0 "$PGALIGN" -j 2 dbname=cli_jobs_f dbname=cli_jobs_t

# --- review: each changed object's definitions before and after, and
# their diff, from the two models (JSON plans' "changes", summary -v) ---
fresh_db cli_rev_f && fresh_db cli_rev_t
psql -X -q -d cli_rev_f <<'SQL'
create table t (id int primary key, owner text, amount numeric);
create function f(x int) returns int language plpgsql as $$
begin
  -- double it
  return x * 2;
end $$;
create view v as select id, amount from t where amount > 0;
alter table t enable row level security;
create policy own on t using (owner = current_user);
create table gone (id int);
SQL
psql -X -q -d cli_rev_t <<'SQL'
create table t (id int primary key, owner text, amount numeric);
create function f(x int) returns int language plpgsql as $$
begin
  -- triple it
  return x * 3;
end $$;
create view v as select id, amount, owner from t where amount > 0;
alter table t enable row level security;
create policy own on t using (owner = current_user or owner = '<&>"é');
create table "new <t>" (id int);
SQL
review_holds() {   # FILE PYTHON-EXPRESSION over c (the changes by name)
    python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); c = {x["name"]: x for x in d["changes"]}; sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2"
}
expect review-json 2 "$PGALIGN" --unsafe --format json dbname=cli_rev_f dbname=cli_rev_t &&
    check review-function review_holds "$out" \
        'c["function:\"public\".\"f(x integer)\""]["action"] == "alter" and "-    -- double it\n" in c["function:\"public\".\"f(x integer)\""]["diff"] and "+    return x * 3;\n" in c["function:\"public\".\"f(x integer)\""]["diff"] and "x * 2" in c["function:\"public\".\"f(x integer)\""]["before"] and "x * 3" in c["function:\"public\".\"f(x integer)\""]["after"]' &&
    check review-view review_holds "$out" \
        'c["view:\"public\".\"v\""]["action"] == "alter" and any(l.startswith("+") and l.strip().endswith("owner") for l in c["view:\"public\".\"v\""]["diff"].splitlines()) and c["view:\"public\".\"v\""]["statements"][0].startswith("CREATE OR REPLACE VIEW")' &&
    check review-policy review_holds "$out" \
        '"<&>\"é" in c["policy:\"public\".\"t\".\"own\""]["after"] and c["policy:\"public\".\"t\".\"own\""]["statements"][0].startswith("ALTER POLICY")' &&
    check review-created review_holds "$out" \
        'c["table:\"public\".\"new <t>\""]["before"] is None and c["table:\"public\".\"new <t>\""]["action"] == "create"' &&
    check review-dropped review_holds "$out" \
        'c["table:\"public\".\"gone\""]["after"] is None and c["table:\"public\".\"gone\""]["statements"] == ["DROP TABLE public.gone"]'
expect review-summary 2 "$PGALIGN" --unsafe --format summary -v dbname=cli_rev_f dbname=cli_rev_t &&
    check review-summary-heading grep -qxF "changed objects, FROM (-) and TARGET (+):" "$out" &&
    check review-summary-body grep -qxF "    -    return x * 2;" "$out" &&
    check review-summary-policy grep -qF "    +using_expr: " "$out"
expect review-summary-plain 2 "$PGALIGN" --unsafe --format summary dbname=cli_rev_f dbname=cli_rev_t &&
    check review-summary-plain-short lacks "$out" "changed objects"

# --format markdown: a pull-request comment; names and definitions with
# markup characters stay text; cut to the 64 KB a comment holds.
psql -X -q -d cli_rev_f -c 'create table "tick`tock" (id int)'
expect markdown 3 "$PGALIGN" --format markdown dbname=cli_rev_f dbname=cli_rev_t &&
    check markdown-headline grep -qxF "### pgalign: drift: 7 statements to apply, destructive (needs --unsafe)" "$out" &&
    check markdown-kinds grep -qxF "| function | 0 | 1 | 0 |" "$out" &&
    check markdown-function grep -qF '<details><summary>alter <code>function:&quot;public&quot;.&quot;f(x integer)&quot;</code></summary>' "$out" &&
    check markdown-function-diff grep -qxF "+    return x * 3;" "$out" &&
    check markdown-view-diff grep -qxE '[+] +(t[.])?owner' "$out" &&
    check markdown-policy grep -qF "+using_expr: " "$out" &&
    check markdown-escaped grep -qF 'create <code>table:&quot;public&quot;.&quot;new &lt;t&gt;&quot;</code>' "$out" &&
    check markdown-backtick grep -qxF -e '- ``DROP TABLE public."tick`tock"``' "$out" &&
    check markdown-plan grep -qxF '```sql' "$out" &&
    check markdown-not-cut lacks "$out" "_Cut to"
expect markdown-check 3 "$PGALIGN" check --format markdown dbname=cli_rev_f dbname=cli_rev_t &&
    check markdown-check-headline grep -q "^### pgalign: drift" "$out"
expect markdown-same 0 "$PGALIGN" check --format markdown dbname=cli_rev_f dbname=cli_rev_f &&
    check markdown-same-headline grep -qxF "### pgalign: in sync" "$out"
fresh_db cli_md_big
psql -X -q -d cli_md_big -c "do \$\$ begin for i in 1..200 loop
    execute format('create function big_%s() returns text language sql as %L', i,
                   'select ' || quote_literal(repeat('x', 600)));
    end loop; end \$\$"
expect markdown-cut 2 "$PGALIGN" --format markdown EMPTY dbname=cli_md_big &&
    check markdown-cut-fits test "$(wc -c <"$out")" -le 65536 &&
    check markdown-cut-says grep -qE '^_Cut to the 64 KB a comment holds: left out [0-9]+ of 200 objects' "$out" &&
    check markdown-cut-keeps-plan grep -qxF '```sql' "$out"
