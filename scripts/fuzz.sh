#!/usr/bin/env bash
# Runs every fuzz target of tests/fuzz under libFuzzer with AddressSanitizer and
# UndefinedBehaviorSanitizer (docs/reliability.md, "Fuzzing"): installs clang, configures
# and builds the sanitized tree, writes the seed corpora (scripts/make_fuzz_corpus.py),
# runs each target for 1,000,000 executions or 30 minutes, whichever comes first, then
# records executions, coverage and findings (scripts/fuzz_report.py: docs/fuzz/).
# Exits non-zero when a target found something; its input is in <build>/fuzz/artifacts.
#   scripts/fuzz.sh                 every target
#   scripts/fuzz.sh npy dicom       some targets
# Environment: VITASK_FUZZ_BUILD_DIR (build-asan), VITASK_FUZZ_RUNS (1000000),
# VITASK_FUZZ_MAX_TIME (seconds per target, 1800), VITASK_FUZZ_JOBS (targets at once, nproc).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VITASK_FUZZ_BUILD_DIR:-$root/build-asan}"
runs="${VITASK_FUZZ_RUNS:-1000000}"
max_time="${VITASK_FUZZ_MAX_TIME:-1800}"
jobs="${VITASK_FUZZ_JOBS:-$(nproc)}"

if (( $# )); then
  targets=("$@")
else
  mapfile -t targets < <(cd "$root/tests/fuzz" && ls fuzz_*.cpp | sed 's/^fuzz_//; s/\.cpp$//')
fi

"$root/scripts/install-deps.sh" --fuzz
"$root/scripts/configure_sanitized.sh" "$build"
cmake --build "$build" --target "${targets[@]/#/fuzz_}"

# Debian's Python: the one install-deps.sh gives NumPy, nibabel and PyTorch.
python="${PYTHON:-/usr/bin/python3}"
work="$build/fuzz"
rm -rf "$work/seeds"
mkdir -p "$work/logs"
for target in "${targets[@]}"; do rm -f "$work/logs/$target.log"; done
"$python" "$root/scripts/make_fuzz_corpus.py" "$work/seeds"

# Per-target libFuzzer options. fuzz_dicom: DCMTK allocates a value's declared length (up
# to 4 GiB) before it reads the value from a deflated stream, which it cannot leave on
# disk; the allocation is virtual until written, and DCMTK reports failure cleanly
# (EC_MemoryExhausted), so allocations up to 4 GiB are not findings there.
target_options() {
  case "$1" in
    dicom) echo "-malloc_limit_mb=4200" ;;
    *) echo "-malloc_limit_mb=2048" ;;
  esac
}

run_target() {
  local target=$1
  mkdir -p "$work/corpus/$target" "$work/artifacts/$target" "$work/seeds/$target"
  echo "fuzz: $target started $(date -u +%H:%M:%S)"
  # The working corpus (first folder) grows across runs; the seeds stay as generated.
  # A bad input may cost at most 2 GB in one allocation (see target_options) and 25 s:
  # past that it is a finding.
  if ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 UBSAN_OPTIONS=print_stacktrace=1 \
     LSAN_OPTIONS=suppressions="$root/tests/sanitizers/lsan.supp":print_suppressions=0 \
     VITASK_SHARED_DIR="${VITASK_SHARED_DIR:-$root/../shared}" \
     "$build/bin/fuzz_$target" -runs="$runs" -max_total_time="$max_time" -rss_limit_mb=4096 \
       $(target_options "$target") -timeout=25 -print_final_stats=1 -artifact_prefix="$work/artifacts/$target/" \
       "$work/corpus/$target" "$work/seeds/$target" >"$work/logs/$target.log" 2>&1; then
    echo "fuzz: $target clean"
  else
    echo "fuzz: $target FOUND SOMETHING (see $work/logs/$target.log)"
  fi
}
export -f run_target target_options
export build work runs max_time root
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_target {}'

"$python" "$root/scripts/fuzz_report.py" "$work" "$root/docs" "${targets[@]}"
