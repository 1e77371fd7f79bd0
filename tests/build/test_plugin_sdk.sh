#!/usr/bin/env bash
# The plug-in SDK works outside VITask's tree (docs/plugins.md): this build is installed
# into a fresh prefix without its example plug-in, the example's folder is then configured
# on its own against that prefix (find_package(Vitask)), built and installed, and the
# installed vitask must load it and answer exactly as the plug-in built in the tree does.
# A plug-in that asks for another minor version of VITask must be refused at configure time.
#   tests/build/test_plugin_sdk.sh SOURCE_DIR BUILD_DIR CMAKE
set -euo pipefail
source_dir="$1" build_dir="$2" cmake="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
image="$source_dir/resources/demo/studies/chest_xray/chest_01.dcm"

"$cmake" --install "$build_dir" --prefix "$prefix" >/dev/null
rm "$prefix/lib/vitask/plugins/intensity_histogram_tsm.so"
if "$prefix/bin/vitask" --no-log-file tsm predict --tsm intensity-histogram --image "$image" >/dev/null 2>&1; then
  echo "FAIL: the prefix still has the example plug-in before the out-of-tree build" >&2
  exit 1
fi

"$cmake" -S "$source_dir/plugins/intensity_histogram_tsm" -B "$work/plugin" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; exit 1; }
"$cmake" --build "$work/plugin" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
"$cmake" --install "$work/plugin" >/dev/null
[[ -f "$prefix/lib/vitask/plugins/intensity_histogram_tsm.so" ]] || {
  echo "FAIL: the plug-in was not installed into the prefix's plug-in folder" >&2; exit 1; }

"$prefix/bin/vitask" --no-log-file tsm predict --tsm intensity-histogram --image "$image" --json >"$work/outside.json"
"$build_dir/bin/vitask" --no-log-file tsm predict --tsm intensity-histogram --image "$image" --json >"$work/inside.json"
/usr/bin/python3 - "$work/outside.json" "$work/inside.json" <<'PY'
import json, sys
outside, inside = (json.load(open(p)) for p in sys.argv[1:3])
for key in ("labels", "probabilities", "logits", "features"):
    assert outside[key] == inside[key], f"{key}: out of tree {outside[key]} != in tree {inside[key]}"
print(f"out-of-tree plug-in answers as the in-tree one: {dict(zip(outside['labels'], outside['probabilities']))}")
PY

# The package's version file: a plug-in written for VITask 9.0 is refused.
mkdir -p "$work/future"
cat >"$work/future/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.22)
project(future_plugin LANGUAGES CXX)
find_package(Vitask 9.0 REQUIRED)
CMAKE
if "$cmake" -S "$work/future" -B "$work/future/build" -DCMAKE_PREFIX_PATH="$prefix" >"$work/future.log" 2>&1; then
  echo "FAIL: find_package(Vitask 9.0) succeeded against VITask $("$prefix/bin/vitask" --version | head -n 1)" >&2
  exit 1
fi
offered="$(grep -o 'VitaskConfig.cmake, version: .*' "$work/future.log" || true)"
[[ -n "$offered" ]] || { cat "$work/future.log"; echo "FAIL: the version refusal does not say why" >&2; exit 1; }
echo "find_package(Vitask 9.0) is refused, CMake names what it found: $offered"
