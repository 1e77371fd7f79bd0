#!/usr/bin/env bash
# README command 2: installs the dependencies, builds everything and runs every test
# (unit, gui and slow labels), then checks the Debian package (scripts/check_package.sh).
# Exits non-zero when anything fails.
#   scripts/test.sh              all tests
#   scripts/test.sh -L unit      extra arguments go to ctest (e.g. a label or -R NAME)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VITASK_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" -DVITASK_BUILD_TESTS=ON
echo "test: running the test suite"
cd "$build"
ctest --output-on-failure --parallel "$(nproc)" "$@"
# A skipped test is not a passed one: list them; CI (VITASK_STRICT_SKIPS=1) fails on any
# skip but a missing GPU.
"$root/scripts/skipped_tests.py" "$build" ${VITASK_STRICT_SKIPS:+--strict}
# The Debian package, checked by lintian; CI (VITASK_PACKAGE_INSTALL=1) also installs it,
# runs it from /usr and purges it.
echo "test: checking the Debian package"
"$root/scripts/check_package.sh" "$build" ${VITASK_PACKAGE_INSTALL:+--install}
