#!/usr/bin/env bash
# Where the test servers of other majors live (see install-pg-versions.sh).
# Not under /root: as root the server runs as postgres, which must be able
# to read and execute the programs.
if [ -n "${PGALIGN_PG_CACHE:-}" ]; then
    echo "$PGALIGN_PG_CACHE"
elif [ "$(id -u)" = 0 ]; then
    echo /var/cache/pgalign/postgresql
else
    echo "${XDG_CACHE_HOME:-$HOME/.cache}/pgalign/postgresql"
fi
