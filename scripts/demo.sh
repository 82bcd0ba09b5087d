#!/usr/bin/env bash
# The demo: staging has moved ahead of production; bring production up to
# date. First straight from the two SQL files (pgalign starts and removes a
# throwaway PostgreSQL itself), then the migra way against live databases
# in a throwaway cluster, applying the plan with psql -1.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PGALIGN:=./pgalign}"
source scripts/tempcluster.sh

if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold= plain=; fi
say() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }
run() {   # run a command, show its exit code, never stop the demo
    set +e
    "$@"
    rc=$?
    set -e
}

say "pgalign examples/production.sql examples/staging.sql"
run "$PGALIGN" examples/production.sql examples/staging.sql
echo "exit code $rc (3: the plan is destructive, so nothing was printed without --unsafe)"

say "pgalign --unsafe examples/production.sql examples/staging.sql"
run "$PGALIGN" --unsafe examples/production.sql examples/staging.sql
echo "exit code $rc (2: differences found)"

say "Now against live databases: a throwaway cluster with production and staging"
tc_start
export PGOPTIONS="-c client_min_messages=warning"
createdb production && createdb staging
psql -X -q -v ON_ERROR_STOP=1 -d production -f examples/production.sql
psql -X -q -v ON_ERROR_STOP=1 -d staging -f examples/staging.sql
PROD_URL="postgresql:///production?host=$PGHOST&port=$PGPORT"
STAGE_URL="postgresql:///staging?host=$PGHOST&port=$PGPORT"
plan=$(mktemp /tmp/pgalign-demo-plan.XXXXXX)
trap 'rm -f "$plan"; tc_stop' EXIT

say "pgalign --unsafe \$PROD_URL \$STAGE_URL > schema_diff.sql"
run "$PGALIGN" --unsafe "$PROD_URL" "$STAGE_URL" >"$plan"
echo "exit code $rc, $(grep -c ';$' "$plan") statements"

say "psql \$PROD_URL -1 -f schema_diff.sql"
psql "$PROD_URL" -X -q -1 -v ON_ERROR_STOP=1 -f "$plan"
echo "applied in one transaction"

say "pgalign \$PROD_URL \$STAGE_URL   (again)"
run "$PGALIGN" "$PROD_URL" "$STAGE_URL"
echo "exit code $rc (0: production now matches staging)"
[ "$rc" = 0 ]
