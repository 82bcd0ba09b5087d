#!/usr/bin/env bash
# Install what pgalign needs to build and test, on Debian, if missing.
#   --build-only   only the libraries needed to compile (no server)
set -euo pipefail

need=()
pkgconf() { pkg-config --exists "$1" 2>/dev/null; }

command -v pkg-config >/dev/null || need+=(pkg-config)
command -v cc >/dev/null || need+=(gcc)
command -v make >/dev/null || need+=(make)
pkgconf libpq || need+=(libpq-dev)
pkgconf jansson || need+=(libjansson-dev)
if [ "${1:-}" != "--build-only" ]; then
    pkgconf cmocka || need+=(libcmocka-dev)
    ls /usr/lib/postgresql/15/bin/initdb >/dev/null 2>&1 || need+=(postgresql-15)
    command -v psql >/dev/null || need+=(postgresql-client-15)
    command -v runuser >/dev/null || need+=(util-linux)
    command -v npm >/dev/null || need+=(npm)   # test servers of other majors
    command -v clang >/dev/null || need+=(clang)   # the build is checked with both compilers
    command -v valgrind >/dev/null || need+=(valgrind)
    [ -x /usr/bin/time ] || need+=(time)   # peak memory in bench/
    dpkg -s libclang-rt-dev >/dev/null 2>&1 || need+=(libclang-rt-dev)   # libFuzzer
fi
[ ${#need[@]} -eq 0 ] && exit 0

echo "pgalign: installing missing packages: ${need[*]}" >&2
sudo=""
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || {
        echo "pgalign: need root or sudo to install: ${need[*]}" >&2
        exit 1
    }
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
