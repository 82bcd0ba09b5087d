#!/usr/bin/env bash
# The GitHub Action (action.yml) and its step, packaging/action/check.sh,
# with a stand-in gh on PATH (tests/action/gh) that records what it is
# asked to post: one comment per pull request, added then updated; the
# review page; the outputs; failing on drift or not; no pull request, an
# error of pgalign, an error of gh; the password of a source never shown.
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir action
SUITE=action out=$work/out err=$work/err
root=$here/../..

# action.yml: a composite action whose check step gets every input.
expect action-yml 0 python3 - "$root/action.yml" <<'PY'
import sys, yaml
a = yaml.safe_load(open(sys.argv[1]))
assert a['runs']['using'] == 'composite'
check = [s for s in a['runs']['steps'] if s.get('id') == 'check'][0]
assert 'packaging/action/check.sh' in check['run']
for name in a['inputs']:
    assert any('inputs.' + name in str(v) for v in check['env'].values()), name
assert a['outputs']['status']['value'] == '${{ steps.check.outputs.status }}'
PY

fresh_db action_prod && fresh_db action_stage
psql -X -q -d action_prod -c "create table t (id int primary key); create schema other; create table other.o (id int)"
psql -X -q -d action_stage -c "create table t (id int primary key, note text); create schema other; create table other.o (id int)"

export PATH="$here:$PATH" PGALIGN GH_LOG=$work/gh.log GH_BODIES=$work/bodies
export GITHUB_REPOSITORY=acme/shop GITHUB_EVENT_PATH=$work/event.json
mkdir -p "$GH_BODIES"
echo '{"action": "synchronize", "pull_request": {"number": 42}}' >"$GITHUB_EVENT_PATH"

# run NAME RC [VAR=VALUE...]: the step, as the action runs it.
run() {
    local name=$1 rc=$2; shift 2
    : >"$GH_LOG"; rm -f "$GH_BODIES"/*.md
    export GITHUB_OUTPUT=$work/output GITHUB_STEP_SUMMARY=$work/summary
    : >"$GITHUB_OUTPUT"; : >"$GITHUB_STEP_SUMMARY"
    expect "$name" "$rc" env PGALIGN_FROM=dbname=action_prod PGALIGN_TARGET=dbname=action_stage \
        PGALIGN_HTML="$work/review.html" "$@" "$root/packaging/action/check.sh"
}

echo '[{"id": 5, "body": "LGTM, but what does <!-- pgalign --> say?"}]' >"$work/others.json"
cat >"$work/ours.json" <<'JSON'
[{"id": 5, "body": "LGTM"},
 {"id": 77, "body": "<!-- pgalign -->\n### pgalign: drift: 3 statements to apply"},
 {"id": 78, "body": "a reply"}]
JSON

run drift 1 GH_COMMENTS="$work/others.json" &&
    check drift-listed grep -qxF "gh api --paginate repos/acme/shop/issues/42/comments --jq .[] | select(.body | startswith(\"<!-- pgalign -->\")) | .id" "$GH_LOG" &&
    check drift-posted grep -q "^gh api --method POST repos/acme/shop/issues/42/comments -F body=@" "$GH_LOG" &&
    check drift-one-comment test "$(ls "$GH_BODIES" | wc -l)" = 1 &&
    check drift-marker test "$(head -n 1 "$GH_BODIES/1.md")" = "<!-- pgalign -->" &&
    check drift-body grep -qxF "### pgalign: drift: 1 statement to apply" "$GH_BODIES/1.md" &&
    check drift-status grep -qxF "status=drift" "$GITHUB_OUTPUT" &&
    check drift-html grep -qxF "html=$work/review.html" "$GITHUB_OUTPUT" &&
    check drift-page grep -q '<article class="change"' "$work/review.html" &&
    check drift-step-summary grep -qxF "### pgalign: drift: 1 statement to apply" "$GITHUB_STEP_SUMMARY" &&
    check drift-says grep -qF "the schemas differ (drift)" "$err"

run update 1 GH_COMMENTS="$work/ours.json" &&
    check update-patched grep -q "^gh api --method PATCH repos/acme/shop/issues/comments/77 " "$GH_LOG" &&
    check update-no-post lacks "$GH_LOG" "--method POST" &&
    check update-body grep -qxF "### pgalign: drift: 1 statement to apply" "$GH_BODIES/1.md"

run drift-allowed 0 PGALIGN_FAIL_ON_DRIFT=false &&
    check drift-allowed-status grep -qxF "status=drift" "$GITHUB_OUTPUT"

run in-sync 0 PGALIGN_TARGET=dbname=action_prod &&
    check in-sync-status grep -qxF "status=in-sync" "$GITHUB_OUTPUT" &&
    check in-sync-body grep -qxF "### pgalign: in sync" "$GH_BODIES/1.md"

run options 0 PGALIGN_OPTIONS="--schema other" &&
    check options-status grep -qxF "status=in-sync" "$GITHUB_OUTPUT"

run no-comment 1 PGALIGN_COMMENT=false && check no-comment-no-gh test ! -s "$GH_LOG"

echo '{"ref": "refs/heads/main"}' >"$work/push.json"
run not-a-pull-request 1 GITHUB_EVENT_PATH="$work/push.json" &&
    check not-a-pull-request-no-gh test ! -s "$GH_LOG" &&
    check not-a-pull-request-says grep -qF "not a pull request" "$err"

run pgalign-error 1 PGALIGN_FROM="postgresql://someone:s3cret-pw@127.0.0.1:1/nowhere" &&
    check pgalign-error-no-gh test ! -s "$GH_LOG" &&
    check pgalign-error-says grep -qF "pgalign check failed (exit 1)" "$err" &&
    check pgalign-error-no-password lacks "$err" "s3cret-pw"

run gh-error 1 GH_FAIL=1 && check gh-error-says grep -qF "gh could not list" "$err"

run no-page 1 PGALIGN_HTML= && check no-page-output lacks "$GITHUB_OUTPUT" "html="
