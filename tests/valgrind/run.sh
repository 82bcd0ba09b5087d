#!/usr/bin/env bash
# valgrind (memcheck) over real diffs: live databases both ways, with
# privileges, and a JSON plan; no error and no definite leak. pgalign's own
# process only (the temporary cluster and psql are not pgalign's code).
# "Possibly lost": the signal thread lives, by design, until exit.
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir valgrind
SUITE=valgrind out=$work/out err=$work/err
if ! command -v valgrind >/dev/null; then skip "$SUITE/all" "valgrind is not installed"; exit 0; fi
# make check-asan runs every suite on an ASan build, which valgrind cannot
# run (and which checks the same errors itself).
if ldd "$PGALIGN" 2>/dev/null | grep -q libasan; then
    skip "$SUITE/all" "$PGALIGN is built with AddressSanitizer"; exit 0
fi
fixture=$here/../roundtrip/everything_vs_empty
fresh_db vg_a && fresh_db vg_b
load_sql vg_a "$fixture/a.sql" 2>"$err" && load_sql vg_b "$fixture/b.sql" 2>>"$err" ||
    { fail "$SUITE/load" "fixture does not load" "$err"; exit 0; }
memcheck() {   # name args...
    local name=$1; shift
    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
        --trace-children=no "$PGALIGN" "$@" >"$out" 2>"$err"
    local rc=$?
    if [ "$rc" = 99 ] || grep -q '^==[0-9]*==' "$err"; then
        fail "$SUITE/$name" "valgrind found errors" "$err"
    elif [ "$rc" != 2 ]; then
        fail "$SUITE/$name" "exit $rc, wanted 2" "$err"
    else
        pass "$SUITE/$name"
    fi
}
memcheck diff --unsafe dbname=vg_a dbname=vg_b
memcheck diff-back --unsafe dbname=vg_b dbname=vg_a
memcheck with-privileges --unsafe --with-privileges dbname=vg_a dbname=vg_b
memcheck json --unsafe --format json dbname=vg_a dbname=vg_b
# SQL sources: the Supabase stand-in, extensions recorded, psql's files.
memcheck supabase-files --unsafe --profile supabase dbname=vg_a "$here/../supabase/project/remote_schema.sql"
