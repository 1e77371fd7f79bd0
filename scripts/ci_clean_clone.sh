#!/usr/bin/env bash
# Runs CI (.ci/run) on a fresh clone of this repository's HEAD, as the CI machine does, and
# writes what README quotes to docs/ci/clean-clone.log: the commit, the machine, the wall
# time, CTest's results, the skipped tests and the package check (the full log is kept in
# the clone folder).
#   scripts/ci_clean_clone.sh [CLONE_DIR]          (default /tmp/vitask-ci-clone)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
clone="${1:-/tmp/vitask-ci-clone}"
rm -rf "$clone"
git clone -q "$root" "$clone"
log="$clone/ci.log"
start=$(date +%s)
status=0
(cd "$clone" && .ci/run) >"$log" 2>&1 || status=$?
seconds=$(( $(date +%s) - start ))
{
  echo "commit: $(git -C "$clone" rev-parse --short=10 HEAD)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "ccache: $(command -v ccache >/dev/null && echo 'on, cache kept between runs' || echo off)"
  echo "exit status: $status; wall time: $((seconds / 60)) min $((seconds % 60)) s"
  echo
  grep -E '^ *[0-9]+/[0-9]+ Test +#' "$log" || true
  echo
  sed -n '/tests passed/,$p' "$log" | grep -vE '^\s*$' | grep -vE '^\[|debconf' || true
} >"$root/docs/ci/clean-clone.log"
echo "ci: exit status $status in $((seconds / 60)) min; summary in docs/ci/clean-clone.log, full log in $log"
exit "$status"
