#!/usr/bin/env bash
# Run THERE (the GPU machine, in the repo root): builds core + CLI + the GPU checks
# (bench/gpu) and the TSM benchmark (bench/tsm, run with --device cuda) against the
# LibTorch inside the PyTorch wheel, runs them with a time limit each, writes their JSON
# into $OUT and prints a short summary. docs/gpu.md has the
# `run` tool call; scripts/gpu/fetch_deps.sh (run here first) fills .gpu-deps/.
#
#   bash scripts/gpu/run_gpu_checks.sh
#
# Files written to $OUT (at most 8 come back): summary.json, build.log, checks.log (the
# checks' stderr), cuda_parity.json, bench_llava_cuda.json, bench_vitask_step_cuda.json,
# bench_tsm_cuda.json.
#
# Settings (environment), for trying the script elsewhere:
#   PYTHON                      python with torch (default python3)
#   VITASK_TORCH_CMAKE_PREFIX   LibTorch's CMake prefix (default: torch.utils.cmake_prefix_path)
#   VITASK_GPU_JOBS             parallel compile jobs (default 16)
#   VITASK_GPU_BUDGET_S         seconds for the whole script (default 470)
#   VITASK_GPU_BUILD_LIMIT_S    seconds for the build (default 330; a -j1 build needs far more)
#   VITASK_GPU_CONFIGURE_ONLY=1 stop after configuring (to check the set-up off the GPU machine)
set -uo pipefail

started=$SECONDS
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${OUT:-/tmp/vitask-gpu-out}"
deps_src="$repo/.gpu-deps"
deps=/tmp/deps
build=/tmp/vitask-gpu-build
python="${PYTHON:-python3}"
jobs="${VITASK_GPU_JOBS:-16}"
budget="${VITASK_GPU_BUDGET_S:-470}"
checks=(cuda_parity bench_llava_cuda bench_vitask_step_cuda)
# Benchmarks from elsewhere in bench/ run in their CUDA mode; one that fails to build is
# reported as not built instead of stopping the checks.
extras=(bench_tsm_cpu)
# The run order: the short ones first, so that a spent budget costs the long 7B ones.
order=(cuda_parity bench_tsm_cpu bench_llava_cuda bench_vitask_step_cuda)
mkdir -p "$out"

log() { printf '[%4ds] %s\n' "$((SECONDS - started))" "$*"; }
die() {
  log "error: $*"
  printf '{"error": "%s", "elapsed_s": %d}\n' "${*//\"/\'}" "$((SECONDS - started))" > "$out/summary.json"
  exit 1
}
# Seconds a step may take: its own cap, or what is left of the budget minus a reserve
# for the summary, whichever is smaller.
allowance() {
  local cap=$1 left=$((budget - (SECONDS - started) - 15))
  (( left < cap )) && cap=$left
  echo "$cap"
}

# --- 1. PyTorch (LibTorch comes inside the wheel) --------------------------------------
"$python" -c 'import torch' 2>/dev/null ||
  die "$python cannot import torch: this script builds against the LibTorch inside the PyTorch wheel (the GPU machine's python3 has it; set PYTHON elsewhere)"
torch_prefix="${VITASK_TORCH_CMAKE_PREFIX:-$("$python" -c 'import torch; print(torch.utils.cmake_prefix_path)')}"
[[ -f "$torch_prefix/Torch/TorchConfig.cmake" ]] ||
  die "no Torch/TorchConfig.cmake under $torch_prefix (this torch ships no LibTorch CMake files; set VITASK_TORCH_CMAKE_PREFIX)"
"$python" - > "$out/environment.json" <<'EOF'
import json, subprocess, torch
facts = {"torch": torch.__version__, "cuda_available": torch.cuda.is_available(),
         "cuda": torch.version.cuda, "cxx11_abi": torch.compiled_with_cxx11_abi()}
if torch.cuda.is_available():
    facts["device"] = torch.cuda.get_device_name(0)
try:
    facts["nvidia_smi"] = subprocess.run(
        ["nvidia-smi", "--query-gpu=name,driver_version,memory.total,clocks.sm,clocks.mem", "--format=csv,noheader"],
        capture_output=True, text=True, timeout=20).stdout.strip()
except Exception as e:  # no nvidia-smi: say so, it is not needed
    facts["nvidia_smi"] = f"unavailable: {e}"
print(json.dumps(facts))
EOF
log "torch: $(cat "$out/environment.json")"

# --- 2. Debian packages carried in .gpu-deps (never unpacked into /) --------------------
ls "$deps_src"/debs/*.deb >/dev/null 2>&1 ||
  die "no $deps_src/debs: run scripts/gpu/fetch_deps.sh on the development machine and carry .gpu-deps"
unpack() {  # dpkg -x, or ar + tar where dpkg is missing
  if command -v dpkg >/dev/null; then dpkg -x "$1" "$2"
  else (tmp=$(mktemp -d) && cd "$tmp" && ar x "$1" && tar -xf data.tar.* -C "$2" && rm -rf "$tmp"); fi
}
has_library() {  # the image's own copy of a shared library, by file name
  ldconfig -p 2>/dev/null | grep -q " $1 " && return 0
  local d
  for d in /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib64 /usr/lib64 /usr/lib; do
    [[ -e "$d/$1" ]] && return 0
  done
  return 1
}
# A second run on a still-warm machine reuses the unpacked tree: unpacking again would
# renew every header's time stamp and make the build start over.
if cmp -s "$deps_src/MANIFEST" "$deps/.manifest"; then
  log "reusing $deps (the packages of .gpu-deps/MANIFEST)"
else
  rm -rf "$deps" && mkdir -p "$deps"
  debs=("$deps_src"/debs/*.deb)
  for f in "${debs[@]}"; do unpack "$f" "$deps" || die "cannot unpack $f"; done
  # libzip's own needs (libbz2, libcrypto, libz): used from the image when it has them;
  # a carried copy only fills a gap (two builds of OpenSSL in one process invite trouble).
  fallback=$(mktemp -d)
  for f in "$deps_src"/fallback/*.deb; do unpack "$f" "$fallback"; done
  filled=()
  while IFS= read -r so; do
    name=$(basename "$so")
    if ! has_library "$name"; then
      mkdir -p "$deps/usr/lib/x86_64-linux-gnu" && cp -a "$so" "$deps/usr/lib/x86_64-linux-gnu/" && filled+=("$name")
    fi
  done < <(find "$fallback" -name '*.so.*' \( -type f -o -type l \))
  rm -rf "$fallback"
  # pkg-config files say prefix=/usr: point them at the unpacked tree.
  sed -i "s|^prefix=/usr\$|prefix=$deps/usr|" "$deps"/usr/lib/x86_64-linux-gnu/pkgconfig/*.pc
  cp "$deps_src/MANIFEST" "$deps/.manifest"
  log "unpacked ${#debs[@]} packages into $deps; carried fallbacks used: ${filled[*]:-none}"
fi
libdir="$deps/usr/lib/x86_64-linux-gnu"
export LD_LIBRARY_PATH="$libdir:${LD_LIBRARY_PATH:-}"
# A pkg-config program for CMake's FindPkgConfig: the image's, else the carried pkgconf.
if command -v pkg-config >/dev/null; then
  pkg_config=$(command -v pkg-config)
else
  pkg_config="$deps/bin/pkg-config"
  mkdir -p "$deps/bin"
  printf '#!/bin/sh\nexec "%s" "$@"\n' "$deps/usr/bin/pkgconf" > "$pkg_config"
  chmod +x "$pkg_config"
fi
export PKG_CONFIG_PATH="$libdir/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
# The wheel's TorchConfig looks for the CUDA toolkit (nvcc); the H200 is sm_90 (the two
# architecture settings only matter where Caffe2's CMake files enable CUDA).
if ! command -v nvcc >/dev/null && [[ -x /usr/local/cuda/bin/nvcc ]]; then export PATH="/usr/local/cuda/bin:$PATH"; fi

# --- 3. Configure and build -------------------------------------------------------------
generator=Ninja
command -v ninja >/dev/null || generator="Unix Makefiles"
log "configuring ($generator) against $torch_prefix"
timeout "$(allowance 150)" cmake -S "$repo" -B "$build" -G "$generator" -DCMAKE_BUILD_TYPE=Release \
  -DVITASK_GUI=OFF -DVITASK_IMAGING=OFF -DVITASK_BUILD_TESTS=OFF \
  -DVITASK_BUILD_BENCH=ON -DVITASK_BUILD_GPU_CHECKS=ON -DVITASK_CCACHE=OFF \
  -DCMAKE_PREFIX_PATH="$deps/usr;$libdir/cmake;$torch_prefix" \
  -DPKG_CONFIG_EXECUTABLE="$pkg_config" -DVITASK_SHARED_DIR="$deps_src" \
  -DCMAKE_CUDA_ARCHITECTURES=90 -DTORCH_CUDA_ARCH_LIST=9.0 > "$out/build.log" 2>&1 ||
  { tail -40 "$out/build.log"; die "configure failed (build.log)"; }
grep -E "GPU checks|VITask [0-9]|Found Torch" "$out/build.log" | sed 's/^/    /'
if [[ "${VITASK_GPU_CONFIGURE_ONLY:-0}" == 1 ]]; then
  log "configured in $build; stopping (VITASK_GPU_CONFIGURE_ONLY=1)"
  exit 0
fi

keep_going=()
[[ $generator == Ninja ]] && keep_going=(-- -k 0)  # the checks even if the CLI fails
build_targets() {
  timeout "$(allowance "${VITASK_GPU_BUILD_LIMIT_S:-330}")" cmake --build "$build" -j "$jobs" --target "${checks[@]}" "${extras[@]}" vitask "${keep_going[@]}" \
    >> "$out/build.log" 2>&1
}
log "building with $jobs jobs"
build_targets
build_status=$?
# The CUDA-only part of the checks' support (device properties, allocator statistics)
# is the one place that uses LibTorch's CUDA API: if it alone failed, measure without it.
if [[ ! -x "$build/bin/${checks[0]}" ]] && grep -q "gpu_check_support.cpp.o" <(grep FAILED "$out/build.log"); then
  log "the CUDA API part of gpu_check_support did not compile; rebuilding without it (see build.log)"
  cmake -S "$repo" -B "$build" -DVITASK_GPU_CHECKS_CUDA_API=OFF >> "$out/build.log" 2>&1 && build_targets
  build_status=$?
fi
cli_built=false
[[ -x "$build/bin/vitask" ]] && cli_built=true
for c in "${checks[@]}"; do
  [[ -x "$build/bin/$c" ]] || { grep -E "error|FAILED" "$out/build.log" | head -30; die "build failed: no $c (build.log, status $build_status)"; }
done
extras_built=()
for c in "${extras[@]}"; do [[ -x "$build/bin/$c" ]] && extras_built+=("$c"); done
log "built the checks (CLI built: $cli_built; also built: ${extras_built[*]:-none})"

# --- 4. The checks, each with a time limit -----------------------------------------------
export VITASK_SHARED_DIR="$deps_src"  # fixtures/ lives there
declare -A caps=([cuda_parity]=90 [bench_llava_cuda]=150 [bench_vitask_step_cuda]=180 [bench_tsm_cpu]=90)
declare -A args=([cuda_parity]="--fixtures $deps_src/fixtures" [bench_llava_cuda]="" \
                 [bench_vitask_step_cuda]="--tokenizer $deps_src/fixtures/tiny-llava" \
                 [bench_tsm_cpu]="--device cuda --python $python")
declare -A outputs=([bench_tsm_cpu]=bench_tsm_cuda.json)  # others: <check>.json
declare -A status
: > "$out/checks.log"
for c in "${order[@]}"; do
  if [[ ! -x "$build/bin/$c" ]]; then
    status[$c]="not built (build.log)"
    log "$c: ${status[$c]}"
    continue
  fi
  limit=$(allowance "${caps[$c]}")
  if (( limit < 20 )); then
    status[$c]="not run: time budget spent"
    log "$c: ${status[$c]}"
    continue
  fi
  log "$c (limit ${limit}s)"
  echo "=== $c" >> "$out/checks.log"
  # shellcheck disable=SC2086  # the arguments are words
  timeout --kill-after=10 "$limit" "$build/bin/$c" ${args[$c]} > "$out/${outputs[$c]:-$c.json}" 2>> "$out/checks.log"
  rc=$?
  case $rc in
    0) status[$c]="ok" ;;
    124|137) status[$c]="timed out after ${limit}s" ;;
    *) status[$c]="exit status $rc" ;;
  esac
  log "$c: ${status[$c]}"
done

# --- 5. Summary ----------------------------------------------------------------------------
status_json=$(for c in "${order[@]}"; do printf '%s\t%s\n' "$c" "${status[$c]}"; done)
STATUS="$status_json" CLI_BUILT=$cli_built ELAPSED=$((SECONDS - started)) OUTDIR="$out" "$python" - <<'EOF'
import json, os
out = os.environ["OUTDIR"]
def load(name):
    try:
        with open(os.path.join(out, name)) as f:
            return json.load(f)
    except Exception as e:
        return {"unreadable": str(e)}
status = dict(line.split("\t", 1) for line in os.environ["STATUS"].splitlines() if line)
summary = {"elapsed_s": int(os.environ["ELAPSED"]), "cli_built": os.environ["CLI_BUILT"] == "true",
           "environment": load("environment.json"), "status": status, "results": {}}
lines = []
p = load("cuda_parity.json")
if "float32" in p:
    summary["results"]["cuda_parity"] = {"pass": p["pass"], "float32_max_abs_diff": p["float32"]["max_abs_diff_logits"],
                                         "bfloat16_max_abs_diff": p["bfloat16"]["max_abs_diff_logits"]}
    lines.append("cuda_parity: %s (float32 %.2g, greedy %s; bf16 %.2g of tolerance %.2g, greedy %s)" % (
        "PASS" if p["pass"] else "FAIL", p["float32"]["max_abs_diff_logits"], p["float32"]["greedy_ids_match"],
        p["bfloat16"]["max_abs_diff_logits"], p["bfloat16"]["tolerance"], p["bfloat16"]["greedy_ids_match"]))
b = load("bench_llava_cuda.json")
for r in b.get("results", []):
    if "prefill_ms" in r:
        summary["results"]["llava_batch_%d" % r["batch"]] = {k: r[k] for k in ("prefill_ms", "decode_tokens_per_s", "decode_tokens_per_s_aggregate")}
        lines.append("bench_llava_cuda batch %d: prefill %.1f ms, decode %.1f tokens/s per sequence (%.0f aggregate)" % (
            r["batch"], r["prefill_ms"], r["decode_tokens_per_s"], r["decode_tokens_per_s_aggregate"]))
    else:
        lines.append("bench_llava_cuda batch %d: %s" % (r["batch"], r.get("error")))
if "model" in b:
    lines.append("  7B build: construct %.0f s, to CUDA %.0f s" % (b["model"]["construct_s"], b["model"]["to_cuda_s"]))
s = load("bench_vitask_step_cuda.json")
if "samples_per_s" in s:
    summary["results"]["vitask_step"] = {k: s[k] for k in ("batch", "step_s", "samples_per_s", "mfu", "peak_allocated_gib")}
    peak = s["peak_allocated_gib"]
    lines.append("bench_vitask_step_cuda batch %d: %.3f s/step, %.2f samples/s, MFU %.1f%%, peak %s GiB" % (
        s["batch"], s["step_s"], s["samples_per_s"], 100 * s["mfu"], "?" if peak is None else "%.1f" % peak))
t = load("bench_tsm_cuda.json")
for r in t.get("models", []):
    precision = "bf16" if r["precision"].startswith("bfloat16") else "fp32"
    summary["results"]["tsm_%s_%s" % (r["model"], precision)] = {k: r[k] for k in (
        "vitask_images_per_s", "pytorch_images_per_s", "vitask_over_pytorch", "max_abs_logit_difference",
        "logit_tolerance", "logits_agree")}
    lines.append("bench_tsm_cuda %s %s batch %d: %.0f images/s ours vs %.0f PyTorch (%.2fx), logits %s (%.2g, tolerance %.2g)" % (
        r["model"], precision, t["batch"], r["vitask_images_per_s"], r["pytorch_images_per_s"], r["vitask_over_pytorch"],
        "agree" if r["logits_agree"] else "DISAGREE", r["max_abs_logit_difference"], r["logit_tolerance"]))
for name, doc in (("cuda_parity", p), ("bench_llava_cuda", b), ("bench_vitask_step_cuda", s), ("bench_tsm_cuda", t)):
    if "error" in doc:
        lines.append("%s error: %s" % (name, doc["error"]))
    if "skipped" in doc:
        lines.append("%s skipped: %s" % (name, doc["skipped"]))
with open(os.path.join(out, "summary.json"), "w") as f:
    json.dump(summary, f, indent=2)
print("---- summary (%d s) ----" % summary["elapsed_s"])
for name, st in status.items():
    print("%-24s %s" % (name, st))
print("\n".join(lines))
EOF
rm -f "$out/environment.json"  # folded into summary.json
failed=0
for c in "${order[@]}"; do [[ "${status[$c]}" == ok ]] || failed=1; done
exit $failed
