#!/usr/bin/env bash
# Run HERE (Debian 12, with network): gathers what the GPU machine lacks into .gpu-deps/
# (git-ignored), which `run` carries there (carry [".gpu-deps"]; docs/gpu.md).
#
# The GPU image has PyTorch (LibTorch inside the wheel), CMake, ninja and a compiler, but
# no Debian packages and no network. core + CLI with -DVITASK_GUI=OFF -DVITASK_IMAGING=OFF
# need, beyond LibTorch (cmake/VitaskDependencies.cmake, core/vitask/CMakeLists.txt):
#   spdlog + fmt, yaml-cpp, libzip (through pkg-config), nlohmann-json, CLI11, stb
#   headers: their -dev packages and shared-library runtimes;
#   pkgconf: FindPkgConfig needs a pkg-config program, which the image may not have;
#   libzip's own needs (readelf -d libzip.so.4: libbz2, libcrypto, libz): the image
#   normally has them; carried as a fallback that run_gpu_checks.sh keeps only when the
#   image lacks that library (two OpenSSL builds in one process are asking for trouble).
# Also the shared reference fixtures the parity check reads (../shared is not carried).
#
# usage: scripts/gpu/fetch_deps.sh            (from anywhere; writes <repo>/.gpu-deps)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$repo/.gpu-deps"
shared="${VITASK_SHARED_DIR:-$repo/../shared}"

# Development packages (headers, CMake/pkg-config files, the .so link) and runtimes.
packages=(
  libspdlog-dev libspdlog1.10
  libfmt-dev libfmt9
  libyaml-cpp-dev libyaml-cpp0.7
  libzip-dev libzip4
  nlohmann-json3-dev
  libcli11-dev
  libstb-dev
  pkgconf-bin libpkgconf3
)
# Runtimes libzip needs that the image is expected to have already (fallback only).
fallback=(libbz2-1.0 libssl3 zlib1g)

rm -rf "$out"
mkdir -p "$out/debs" "$out/fallback" "$out/fixtures"
# apt-get download writes into the current folder; as root it warns that the _apt user
# cannot write there, which is harmless. Failures show as missing files below.
download() {
  local dir=$1
  shift
  (cd "$dir" || exit 1; apt-get download "$@" 2>&1) | { grep -v '^W: Download is performed unsandboxed' || true; }
}
download "$out/debs" "${packages[@]}"
download "$out/fallback" "${fallback[@]}"
for p in "${packages[@]}"; do
  ls "$out/debs/${p}_"*.deb >/dev/null 2>&1 || { echo "error: apt-get download $p failed" >&2; exit 1; }
done
for p in "${fallback[@]}"; do
  ls "$out/fallback/${p}_"*.deb >/dev/null 2>&1 || { echo "error: apt-get download $p failed" >&2; exit 1; }
done

# The tiny-llava checkpoint and transformers' reference outputs (cuda_parity).
if [[ ! -d "$shared/fixtures/tiny-llava" ]]; then
  echo "error: no $shared/fixtures/tiny-llava (set VITASK_SHARED_DIR to the shared folder)" >&2
  exit 1
fi
cp -r "$shared/fixtures/tiny-llava" "$out/fixtures/"
cp "$shared/fixtures/tiny_llava_reference.safetensors" "$out/fixtures/"
chmod -R u+w "$out/fixtures"

# What was fetched, for the record (the GPU run prints it again).
(cd "$out" && find debs fallback -name '*.deb' -printf '%f\n' | sort) > "$out/MANIFEST"
size=$(du -sm "$out" | cut -f1)
echo "fetched $(grep -c . "$out/MANIFEST") packages and the tiny-llava fixtures into $out (${size} MiB)"
if (( size > 32 )); then
  echo "error: $out is ${size} MiB; the working tree that travels must stay under 64 MiB" >&2
  exit 1
fi
