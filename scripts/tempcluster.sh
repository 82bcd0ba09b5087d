#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests and the demo.
#   source scripts/tempcluster.sh; tc_start; ...; (tc_stop runs on EXIT)
# Unix socket only (listen_addresses=''), random port, temp dir; as root the
# server runs as the postgres user because initdb refuses to run as root.
# Exports PGHOST, PGPORT, PGUSER so psql/pg_dump/pgalign reach it.
# TC_SERVER_OPTIONS adds server settings ("-c name=value ...").

# The server programs: $PG_BINDIR, else those of major $PG_MAJOR (Debian's,
# or the test cache of scripts/install-pg-versions.sh), else the newest
# Debian has.
tc_bindir() {
    if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR"; return; fi
    local d
    if [ -n "${PG_MAJOR:-}" ]; then
        d=/usr/lib/postgresql/$PG_MAJOR/bin
        [ -x "$d/postgres" ] || d=$("$(dirname "${BASH_SOURCE[0]}")/pg-cache-dir.sh")/$PG_MAJOR/bin
        echo "$d"; return
    fi
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$d" ]; then echo "$d"; return; fi
    dirname "$(command -v initdb)"
}

tc_as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Start a cluster and point PGHOST/PGPORT at it. Several may run at once
# (each start points the environment at the newest); all are removed on
# exit. TC_DIR and TC_BIN are the newest one's.
TC_ALL=()
tc_start() {
    TC_BIN=$(tc_bindir)
    TC_DIR=$(mktemp -d /tmp/pgalign-tc.XXXXXX)
    TC_ALL+=("$TC_DIR|$TC_BIN")
    chmod 755 "$TC_DIR"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$TC_DIR"; fi
    trap tc_stop EXIT
    trap 'exit 130' INT TERM
    [ -x "$TC_BIN/initdb" ] || { echo "no PostgreSQL server programs in $TC_BIN" >&2; return 1; }
    tc_as_owner "$TC_BIN/initdb" -D "$TC_DIR/data" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$TC_DIR/initdb.log" 2>&1 \
        || { cat "$TC_DIR/initdb.log" >&2; return 1; }
    # Trust on the socket for everyone but the password-test role, so tests
    # can check how a wrong password is reported.
    printf 'local all pgalign_pw scram-sha-256\nlocal all all trust\nlocal replication all trust\n' \
        > "$TC_DIR/pg_hba.conf.new"
    tc_as_owner cp "$TC_DIR/pg_hba.conf.new" "$TC_DIR/data/pg_hba.conf"
    # No durability and no autovacuum: the suites create hundreds of small
    # databases, and analyzing them took half a core on a 2-core machine.
    local port i
    for i in 1 2 3 4 5; do
        port=$((20000 + RANDOM % 30000))
        if tc_as_owner "$TC_BIN/pg_ctl" -D "$TC_DIR/data" -l "$TC_DIR/server.log" -w -s \
            -o "-c listen_addresses='' -k $TC_DIR -p $port -c fsync=off \
                -c full_page_writes=off -c synchronous_commit=off -c autovacuum=off \
                ${TC_SERVER_OPTIONS:-}" start; then
            export PGHOST="$TC_DIR" PGPORT="$port" PGUSER=postgres
            unset PGPASSWORD PGDATABASE PGSERVICE
            return 0
        fi
    done
    cat "$TC_DIR/server.log" >&2
    return 1
}

tc_stop() {
    local entry dir bin
    for entry in "${TC_ALL[@]}"; do
        dir=${entry%%|*} bin=${entry#*|}
        if [ -d "$dir" ]; then
            tc_as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -s stop >/dev/null 2>&1
            rm -rf "$dir"
        fi
    done
    TC_ALL=()
    TC_DIR=
}
