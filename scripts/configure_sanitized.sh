#!/usr/bin/env bash
# Configures the sanitized build (clang, AddressSanitizer + UndefinedBehaviorSanitizer and
# the libFuzzer targets) in BUILD_DIR unless it is configured already: the one tree both
# scripts/fuzz.sh and scripts/sanitized_tests.sh build. -O2 as in releases, line tables
# only: sanitizer reports name lines at little build cost.
#   scripts/configure_sanitized.sh BUILD_DIR
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$1"
[[ -f "$build/CMakeCache.txt" ]] && exit 0
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only -DNDEBUG" \
  "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only -DNDEBUG" -DVITASK_FUZZ=ON
