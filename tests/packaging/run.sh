#!/usr/bin/env bash
# The Debian package: make deb builds it, lintian finds nothing to say
# (errors or warnings), dpkg installs it, the program runs and its manual
# page is found, and dpkg removes it again, also when a check fails.
# Needs root (or sudo) for dpkg; a pgalign installed on the machine some
# other way is left alone (the suite is skipped).
set -u
here=$(cd "$(dirname "$0")" && pwd)
source "$here/../lib.sh"
make_workdir packaging
SUITE=packaging out=$work/out err=$work/err
cd "$here/../.."

sudo=""
if [ "$(id -u)" != 0 ]; then
    sudo -n true 2>/dev/null || { skip packaging "dpkg -i needs root or sudo"; exit 0; }
    sudo="sudo -n"
fi
if [ -e /usr/bin/pgalign ] && ! dpkg -S /usr/bin/pgalign >/dev/null 2>&1; then
    skip packaging "/usr/bin/pgalign is there already, not from a package"; exit 0
fi

version=$(sed -n 's/^#define PGALIGN_VERSION "\(.*\)"$/\1/p' src/main.c)
deb=dist/pgalign_${version}_$(dpkg --print-architecture).deb
expect deb 0 env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s deb && check deb-named grep -qxF "$deb" "$out" &&
    check deb-depends bash -c "dpkg-deb -f '$deb' Depends | grep -q 'libpq5' &&
                               dpkg-deb -f '$deb' Depends | grep -q 'libjansson4'"
[ -f "$deb" ] || exit 0

# lintian refuses to run as root without this, and says so on stderr.
expect lintian 0 lintian --allow-root --fail-on error,warning "$deb" &&
    check lintian-silent test ! -s "$out"

trap '$sudo dpkg -r pgalign >/dev/null 2>&1; rm -rf "$work"' EXIT
expect install 0 $sudo dpkg -i "$deb"
expect installed-version 0 /usr/bin/pgalign --version &&
    check installed-version-text grep -qxF "pgalign $version" "$out"
expect installed-man 0 man -w pgalign &&
    check installed-man-path grep -qxF /usr/share/man/man1/pgalign.1.gz "$out"
expect installed-copyright 0 test -s /usr/share/doc/pgalign/copyright
expect remove 0 $sudo dpkg -r pgalign &&
    check removed test ! -e /usr/bin/pgalign
