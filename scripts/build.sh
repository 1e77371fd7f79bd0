#!/usr/bin/env bash
# Configures and builds VITask Studio into build/ (or $VITASK_BUILD_DIR).
# Extra arguments go to CMake's configure step, e.g. scripts/build.sh -DVITASK_GUI=OFF
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VITASK_BUILD_DIR:-$root/build}"
jobs="${VITASK_JOBS:-$(nproc)}"

generator=()
if command -v ninja >/dev/null && [[ ! -f "$build/CMakeCache.txt" ]]; then
  generator=(-G Ninja)
fi

echo "build: configuring $build"
cmake -S "$root" -B "$build" "${generator[@]}" "$@"
echo "build: compiling with $jobs jobs (ccache makes unchanged files free)"
start=$SECONDS
cmake --build "$build" --parallel "$jobs"
echo "build: done in $((SECONDS - start)) s"
command -v ccache >/dev/null && ccache --show-stats 2>/dev/null | grep -iE "hits|misses" | head -3 || true
