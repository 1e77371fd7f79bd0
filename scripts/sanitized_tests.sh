#!/usr/bin/env bash
# Builds the whole project with AddressSanitizer + UndefinedBehaviorSanitizer (clang; the
# tree scripts/fuzz.sh uses) and runs every test in it: a sanitizer finding stops the
# program, so a test that triggers one fails. Writes what docs/reliability.md quotes to
# docs/ci/sanitized-tests.log: the commit, the machine, the wall time and CTest's results.
#   scripts/sanitized_tests.sh [CTEST ARGUMENTS...]      e.g. -R test_cli
# Environment: VITASK_FUZZ_BUILD_DIR (build-asan), VITASK_TEST_JOBS (tests at once, 1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VITASK_FUZZ_BUILD_DIR:-$root/build-asan}"
jobs="${VITASK_TEST_JOBS:-1}"

"$root/scripts/install-deps.sh" --fuzz
"$root/scripts/configure_sanitized.sh" "$build"
cmake --build "$build"

# The commit as built and tested (taken before the tests, which take a while).
commit="$(git -C "$root" rev-parse --short=10 HEAD)$(git -C "$root" diff --quiet HEAD || echo " + uncommitted changes")"
log="$root/docs/ci/sanitized-tests.log"
output="$build/sanitized-tests.output"
start=$(date +%s)
status=0
ctest --test-dir "$build" -j "$jobs" --output-on-failure "$@" >"$output" 2>&1 || status=$?
seconds=$(( $(date +%s) - start ))
{
  echo "command: scripts/sanitized_tests.sh $*"
  echo "build: $(grep -m1 CMAKE_CXX_COMPILER: "$build/CMakeCache.txt" | cut -d= -f2) $(clang++ --version | head -1 | sed 's/.*version //'), -DVITASK_FUZZ=ON (ASan + UBSan, -fno-sanitize-recover=undefined), RelWithDebInfo -O2"
  echo "commit: $commit"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "exit status: $status; wall time: $((seconds / 60)) min $((seconds % 60)) s"
  echo
  cat "$output"
} >"$log"
echo "sanitized tests: exit status $status in $((seconds / 60)) min; log in $log"
exit "$status"
