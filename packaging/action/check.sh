#!/usr/bin/env bash
# The GitHub Action's step (action.yml): pgalign check of FROM against
# TARGET, its markdown as one comment on the pull request (posted, or the
# one pgalign left before updated in place), the HTML review page written
# for the artifact, and the job failed on drift when asked.
#
# Inputs, from the environment (action.yml sets them):
#   PGALIGN_FROM, PGALIGN_TARGET  the two sources (never printed)
#   PGALIGN_PROFILE               a --profile, or empty
#   PGALIGN_OPTIONS               more options, split at spaces
#   PGALIGN_FAIL_ON_DRIFT         "true": exit 1 on drift
#   PGALIGN_COMMENT               "true": comment on the pull request
#   PGALIGN_HTML                  where to write the review page, or empty
#   PGALIGN                       the program (default: pgalign on PATH)
#   GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY
#                                 as GitHub Actions sets them; gh reads
#                                 GH_TOKEN
# Outputs (to GITHUB_OUTPUT): status (in-sync, drift, destructive), html.
# Exit: 0, or 1 on an error of pgalign or gh, or on drift when asked.
set -uo pipefail

pgalign=${PGALIGN:-pgalign}
marker='<!-- pgalign -->'
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say() { echo "pgalign action: $*" >&2; }
output() { [ -n "${GITHUB_OUTPUT:-}" ] && echo "$1=$2" >>"$GITHUB_OUTPUT"; return 0; }

[ -n "${PGALIGN_FROM:-}" ] && [ -n "${PGALIGN_TARGET:-}" ] ||
    { say "the inputs from and target are required"; exit 1; }
args=()
[ -n "${PGALIGN_PROFILE:-}" ] && args+=(--profile "$PGALIGN_PROFILE")
read -r -a more <<<"${PGALIGN_OPTIONS:-}"
args+=("${more[@]}")

# The comment, and the page: the same verdict (the exit code) from each.
"$pgalign" check --format markdown "${args[@]}" -o "$work/comment.md" \
    "$PGALIGN_FROM" "$PGALIGN_TARGET"
rc=$?
case $rc in
0) status=in-sync ;;
2) status=drift ;;
3) status=destructive ;;
*) say "pgalign check failed (exit $rc): its message is above"; exit 1 ;;
esac
output status "$status"
if [ -n "${PGALIGN_HTML:-}" ]; then
    "$pgalign" check --format html "${args[@]}" -o "$PGALIGN_HTML" \
        "$PGALIGN_FROM" "$PGALIGN_TARGET"
    page_rc=$?
    [ "$page_rc" = "$rc" ] || { say "pgalign check --format html failed (exit $page_rc)"; exit 1; }
    output html "$PGALIGN_HTML"
fi
[ -n "${GITHUB_STEP_SUMMARY:-}" ] && cat "$work/comment.md" >>"$GITHUB_STEP_SUMMARY"

# The pull request this run is for, from the event GitHub saved.
pull_request() {
    [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ] || return 0
    python3 -c 'import json, sys
event = json.load(open(sys.argv[1]))
print((event.get("pull_request") or {}).get("number") or "")' "$GITHUB_EVENT_PATH"
}

# One comment per pull request: the one whose first line is the marker is
# updated in place; else one is added.
comment() {   # number
    local repo=$GITHUB_REPOSITORY id
    id=$(gh api --paginate "repos/$repo/issues/$1/comments" \
            --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1) ||
        { say "gh could not list the pull request's comments"; return 1; }
    if [ -n "$id" ]; then
        gh api --method PATCH "repos/$repo/issues/comments/$id" -F "body=@$work/comment.md" \
            >/dev/null || { say "gh could not update comment $id"; return 1; }
        say "updated the comment on pull request #$1"
    else
        gh api --method POST "repos/$repo/issues/$1/comments" -F "body=@$work/comment.md" \
            >/dev/null || { say "gh could not comment on pull request #$1"; return 1; }
        say "commented on pull request #$1"
    fi
}

if [ "${PGALIGN_COMMENT:-true}" = true ]; then
    number=$(pull_request)
    if [ -n "$number" ]; then
        comment "$number" || exit 1
    else
        say "not a pull request: no comment"
    fi
fi

if [ "$status" != in-sync ] && [ "${PGALIGN_FAIL_ON_DRIFT:-true}" = true ]; then
    say "the schemas differ ($status)"
    exit 1
fi
exit 0
