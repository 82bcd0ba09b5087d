#!/usr/bin/env bash
# The demo: sync the bundled staging schema into production, the migra way,
# in a throwaway PostgreSQL cluster that is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${PGALIGN:=./pgalign}"
source scripts/tempcluster.sh

if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold= plain=; fi
say() { printf '\n%s== %s%s\n' "$bold" "$*" "$plain"; }

tc_start
export PGOPTIONS="-c client_min_messages=warning"
createdb production && createdb staging
psql -X -q -v ON_ERROR_STOP=1 -d production -f examples/production.sql
psql -X -q -v ON_ERROR_STOP=1 -d staging -f examples/staging.sql
PROD_URL="postgresql:///production?host=$PGHOST&port=$PGPORT"
STAGE_URL="postgresql:///staging?host=$PGHOST&port=$PGPORT"

plan=$(mktemp /tmp/pgalign-demo-plan.XXXXXX.sql)
trap 'rm -f "$plan"; tc_stop' EXIT

say "pgalign \$PROD_URL \$STAGE_URL   (without --unsafe)"
set +e
"$PGALIGN" "$PROD_URL" "$STAGE_URL" >"$plan"
rc=$?
set -e
echo "exit code $rc (3: the plan is destructive; nothing was printed)"

say "pgalign --unsafe \$PROD_URL \$STAGE_URL > schema_diff.sql"
set +e
"$PGALIGN" --unsafe "$PROD_URL" "$STAGE_URL" >"$plan"
rc=$?
set -e
cat "$plan"
echo "exit code $rc (2: differences found)"

say "psql \$PROD_URL -1 -f schema_diff.sql"
psql "$PROD_URL" -X -q -1 -v ON_ERROR_STOP=1 -f "$plan"
echo "applied in one transaction"

say "pgalign \$PROD_URL \$STAGE_URL   (again)"
set +e
"$PGALIGN" "$PROD_URL" "$STAGE_URL"
rc=$?
set -e
echo "exit code $rc (0: production now matches staging)"
[ "$rc" = 0 ]
