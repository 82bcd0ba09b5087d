#!/usr/bin/env bash
# make deb: the Debian package dist/pgalign_<version>_<arch>.deb, built by
# Debian's own tools (dpkg-buildpackage with debhelper, as packaging/debian
# says) from a copy of this tree under build-deb/.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^#define PGALIGN_VERSION "\(.*\)"$/\1/p' src/main.c)
logged=$(dpkg-parsechangelog -l packaging/debian/changelog -S Version)
if [ "$version" != "$logged" ]; then
    echo "make deb: src/main.c says version $version, packaging/debian/changelog" \
         "$logged: add an entry to the changelog" >&2
    exit 1
fi
# The package is built as a user's make builds it: without the options of
# a make that called this one (make check-asan's CFLAGS, say).
unset MAKEFLAGS MFLAGS MAKELEVEL
tree=build-deb/pgalign-$version
rm -rf build-deb
mkdir -p "$tree" dist
cp -r Makefile LICENSE README.md src scripts docs "$tree"/
cp -r packaging/debian "$tree"/debian
if ! (cd "$tree" && dpkg-buildpackage -b -us -uc) >build-deb/build.log 2>&1; then
    tail -40 build-deb/build.log >&2
    echo "make deb: dpkg-buildpackage failed (build-deb/build.log)" >&2
    exit 1
fi
deb=pgalign_${version}_$(dpkg --print-architecture).deb
mv "build-deb/$deb" dist/
echo "dist/$deb"
