#!/usr/bin/env bash
# Install what pgalign needs to build and test, on Debian, if missing.
#   --build-only   only the libraries needed to compile (no server)
#   --deb          also what builds the Debian package (make deb)
#   --check        say what is missing and fail, installing nothing (a
#                  plain make: only make deps, check, demo... install)
set -euo pipefail
build_only=no check_only=no deb=no
for arg in "$@"; do
    case $arg in
        --build-only) build_only=yes ;;
        --deb) deb=yes ;;
        --check) check_only=yes ;;
        *) echo "install-deps.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

need=()
pkgconf() { pkg-config --exists "$1" 2>/dev/null; }

command -v pkg-config >/dev/null || need+=(pkg-config)
command -v cc >/dev/null || need+=(gcc)
command -v make >/dev/null || need+=(make)
pkgconf libpq || need+=(libpq-dev)
pkgconf jansson || need+=(libjansson-dev)
if [ $build_only = no ]; then
    pkgconf cmocka || need+=(libcmocka-dev)
    ls /usr/lib/postgresql/15/bin/initdb >/dev/null 2>&1 || need+=(postgresql-15)
    command -v psql >/dev/null || need+=(postgresql-client-15)
    command -v runuser >/dev/null || need+=(util-linux)
    command -v npm >/dev/null || need+=(npm)   # test servers of other majors
    command -v clang >/dev/null || need+=(clang)   # the build is checked with both compilers
    command -v valgrind >/dev/null || need+=(valgrind)
    [ -x /usr/bin/time ] || need+=(time)   # peak memory in bench/
    dpkg -s libclang-rt-dev >/dev/null 2>&1 || need+=(libclang-rt-dev)   # libFuzzer
    # pg_cron for real (tests/pgcron), on Debian's 15
    [ -f /usr/lib/postgresql/15/lib/pg_cron.so ] || need+=(postgresql-15-cron)
    # the HTML review page is loaded in a real headless browser (tests/review)
    command -v chromium >/dev/null || need+=(chromium)
    # the package checked by lintian, installed and its man page found
    # (tests/packaging)
    deb=yes
    command -v lintian >/dev/null || need+=(lintian)
    command -v man >/dev/null || need+=(man-db)
    command -v jq >/dev/null || need+=(jq)   # the stand-in gh of tests/action
fi
if [ $deb = yes ]; then
    command -v dh >/dev/null || need+=(debhelper)
    command -v dpkg-buildpackage >/dev/null || need+=(dpkg-dev)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ $check_only = yes ]; then
    echo "pgalign: missing to build: ${need[*]}; 'make deps' installs them" \
         "(apt-get, with sudo when not root)" >&2
    exit 1
fi

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
