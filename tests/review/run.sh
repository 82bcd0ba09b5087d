#!/usr/bin/env bash
# The HTML review (--format html) in a real browser: Debian's Chromium,
# headless, loads the page from a file; the DOM it leaves once the page's
# script ran must hold each changed object with its definitions before and
# after, names and text with markup characters as text, the picture of the
# changed tables, and what the filter shows for a kind or a hazard. A
# screenshot is kept in the work directory (PGALIGN_REVIEW_SHOT copies it).
# Needs a running server (PGHOST/PGPORT set); see scripts/check.sh.
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir review
SUITE=review out=$work/out err=$work/err

command -v chromium >/dev/null || {
    fail review/chromium "no chromium: 'make deps' installs it"; exit 0; }

# chromium ARGS...: headless, as root too, with nothing reaching the network
# (the closed network refuses its background requests), in a profile of
# its own.
browse() {
    mkdir -p "$work/profile"
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$work/profile" "$@" 2>>"$work/chromium.log"
}

# dom_checks NAME DOM ARGS...: dom.py's checks over a dumped DOM.
dom_checks() {
    local name=$1 dom=$2; shift 2
    python3 "$here/dom.py" "$dom" "$@" >"$work/dom.out" 2>&1
    grep -q . "$work/dom.out" || { fail "$SUITE/$name" "dom.py printed nothing" "$work/dom.out"; return; }
    while read -r word rest; do
        case $word in
        ok) pass "$SUITE/$name/$rest" ;;
        FAIL) fail "$SUITE/$name/${rest%%: *}" "${rest#*: }" ;;
        *) fail "$SUITE/$name" "dom.py: $word $rest" ;;
        esac
    done <"$work/dom.out"
}

fresh_db review_from && fresh_db review_target
load_sql review_from "$here/from.sql" && load_sql review_target "$here/target.sql"
page=$work/review.html

expect page 2 "$PGALIGN" --unsafe --format html -o "$page" dbname=review_from dbname=review_target &&
    check page-written test -s "$page" &&
    check page-self-contained grep -qF "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';" "$page"

browse --dump-dom "file://$page" >"$work/dom.html"
check loaded grep -q 'data-shown=' "$work/dom.html"
dom_checks dom "$work/dom.html" full

# The filter, set by the address's fragment as a shared link would.
browse --dump-dom "file://$page#kind=function" >"$work/dom-kind.html"
dom_checks kind "$work/dom-kind.html" kind=function 1
browse --dump-dom "file://$page#hazard=data-loss" >"$work/dom-hazard.html"
dom_checks hazard "$work/dom-hazard.html" hazard=data-loss 1

browse --window-size=1400,3000 --screenshot="$work/review.png" "file://$page" >/dev/null
check screenshot test "$(stat -c %s "$work/review.png" 2>/dev/null || echo 0)" -gt 50000
[ -n "${PGALIGN_REVIEW_SHOT:-}" ] && cp "$work/review.png" "$PGALIGN_REVIEW_SHOT"

# check writes the same page; two databases alike give an empty one.
expect check-page 3 "$PGALIGN" check --format html -o "$work/check.html" dbname=review_from dbname=review_target &&
    check check-page-same-changes test "$(grep -c '<article class="change"' "$work/check.html")" = \
        "$(grep -c '<article class="change"' "$page")"
expect same-page 0 "$PGALIGN" check --format html -o "$work/same.html" dbname=review_from dbname=review_from
browse --dump-dom "file://$work/same.html" >"$work/dom-same.html"
dom_checks same "$work/dom-same.html" same
