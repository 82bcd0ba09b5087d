# Shared helpers for the shell test suites: counting and reporting.
# Each suite appends "pass NAME" / "fail NAME" lines to $RESULTS.

: "${PGALIGN:=./pgalign}"
PGALIGN=$(cd "$(dirname "$PGALIGN")" && pwd)/$(basename "$PGALIGN")
export PGALIGN
if [ -n "${PGALIGN_PORTABLE:-}" ]; then
    PGALIGN_PORTABLE=$(cd "$(dirname "$PGALIGN_PORTABLE")" && pwd)/$(basename "$PGALIGN_PORTABLE")
    export PGALIGN_PORTABLE
fi

tests_lib_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

: "${RESULTS:=$(mktemp /tmp/pgalign-results.XXXXXX)}"
export RESULTS

# A private work directory in $work, removed when the suite exits.
make_workdir() {
    work=$(mktemp -d "/tmp/pgalign-$1.XXXXXX")
    trap 'rm -rf "$work"' EXIT
}

skip() { echo "skip $1" >> "$RESULTS"; [ -n "${VERBOSE:-}" ] && echo "  skip $1${2:+: $2}"; return 0; }
pass() { echo "pass $1" >> "$RESULTS"; [ -n "${VERBOSE:-}" ] && echo "  ok   $1"; return 0; }
fail() {
    echo "fail $1" >> "$RESULTS"
    echo "  FAIL $1${2:+: $2}"
    if [ -n "${3:-}" ] && [ -f "$3" ]; then sed 's/^/       | /' "$3" | head -40; fi
    return 0
}

# Assertions for suites that set $SUITE, $out and $err.
# expect NAME RC CMD...: run CMD (stdout to $out, stderr to $err), check
# its exit code; returns non-zero on a mismatch so checks can chain on it.
expect() {
    local name=$1 want=$2; shift 2
    "$@" >"$out" 2>"$err"
    local rc=$?
    if [ "$rc" = "$want" ]; then pass "$SUITE/$name"; else
        fail "$SUITE/$name" "exit $rc, wanted $want" "$err"; return 1; fi
}
# check NAME CONDITION...: a plain assertion.
check() {
    local name=$1; shift
    if "$@"; then pass "$SUITE/$name"; else fail "$SUITE/$name" "failed: $*" "$err"; fi
}
one_line() { [ "$(wc -l <"$1")" = 1 ]; }
lacks() { ! grep -q -- "$2" "$1"; }

# Recreate an empty database.
# A new empty database (dropped first if there). From 15 it is made by
# copying the template's files, as before 15: the new default strategy
# writes every block through the WAL, 3x slower for the suites' hundreds.
fresh_db() {
    psql -X -q -v ON_ERROR_STOP=1 -d postgres -v db="$1" >/dev/null <<'SQL'
SET client_min_messages = warning;
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
SELECT current_setting('server_version_num')::int >= 150000 AS file_copy \gset
\if :file_copy
CREATE DATABASE :"db" STRATEGY = FILE_COPY;
\else
CREATE DATABASE :"db";
\endif
SQL
}

# Load a SQL file through the client, stopping at the first error.
load_sql() {
    psql -X -q -v ON_ERROR_STOP=1 -d "$1" -f "$2" >/dev/null
}

# The major version of the server at PGHOST/PGPORT (14, 15, ...), and
# whether the local pg_dump can dump it (pg_dump refuses a newer major
# than its own). Set once per suite, when a server is there.
server_facts() {
    SERVER_MAJOR=$(( $(psql -X -A -t -q -d postgres -c "show server_version_num") / 10000 ))
    local mine
    mine=$(pg_dump --version | sed -n 's/.* \([0-9][0-9]*\)\.[0-9].*/\1/p')
    PG_DUMP_USABLE=$([ "${mine:-0}" -ge "$SERVER_MAJOR" ] && echo yes || echo no)
    export SERVER_MAJOR PG_DUMP_USABLE
}
if [ -n "${PGHOST:-}" ] && [ -z "${SERVER_MAJOR:-}" ]; then server_facts; fi

# Run "$@" in the background, at most $TEST_JOBS (default 2) at a time; its
# output is shown in one piece when it ends. wait_all waits for the rest.
run_parallel() {
    while [ "$(jobs -rp | wc -l)" -ge "${TEST_JOBS:-2}" ]; do wait -n; done
    local log
    log=$(mktemp "${work:-/tmp}/job.XXXXXX")
    { "$@" >"$log" 2>&1; cat "$log"; rm -f "$log"; } &
}
wait_all() { wait; }
pg_dump_usable() { [ "$PG_DUMP_USABLE" = yes ]; }

# Whether FIXTURES (names, space-separated; make test) leaves the fixture
# in: all are in without it.
fixture_selected() {    # name
    [ -z "${FIXTURES:-}" ] || [[ " $FIXTURES " == *" $1 "* ]]
}

# Skip a fixture on a server older than its directory's "requires" file
# says (the major it needs); true when it may run. One FIXTURES leaves out
# is left out without a word.
fixture_runs_here() {   # dir label
    local need
    fixture_selected "$(basename "$1")" || return 1
    [ -f "$1/requires" ] || return 0
    read -r need < "$1/requires"
    [ "$SERVER_MAJOR" -ge "$need" ] && return 0
    skip "$2" "needs PostgreSQL $need"
    return 1
}

# pg_dump --schema-only, normalized: comments, SET lines, psql meta-commands
# and blank lines dropped, trailing commas removed, lines sorted, so that
# column order and statement order do not matter.
# On a server newer than pg_dump, pgalign's own snapshot stands in: it
# holds everything the diff compares.
dump_normalized() {
    if ! pg_dump_usable; then
        "$PGALIGN" snapshot --with-privileges "dbname=$1"
        return
    fi
    pg_dump --schema-only --no-owner -d "$1" \
        | grep -v -e '^--' -e '^SET ' -e '^SELECT pg_catalog.set_config' \
                  -e '^\\restrict' -e '^\\unrestrict' -e '^[[:space:]]*$' \
        | sed -e 's/,$//' \
        | perl "$tests_lib_dir/canonical_array_casts.pl" \
        | LC_ALL=C sort
}

