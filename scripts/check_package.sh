#!/usr/bin/env bash
# Builds the Debian packages of a build folder (vitask-studio and vitask-studio-dev) and
# checks them as Debian would: lintian reports no error, the desktop entry and the
# AppStream metadata validate.
# With --install (CI runs it so, as root, on a machine of its own) both are installed with
# apt, the programs run from /usr (vitask --version, vitask infer on the installed demo,
# the studio offscreen on the demo), the example plug-in is built out of tree against the
# installed headers and loaded, and both are purged again, leaving no file of them behind.
#   scripts/check_package.sh [BUILD_DIR] [--install]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build"
install=0
for arg in "$@"; do
  case "$arg" in
    --install) install=1 ;;
    *) build="$(cd "$arg" && pwd)" ;;
  esac
done

cd "$build"
rm -f vitask-studio_*.deb vitask-studio-dev_*.deb
cpack -G DEB >/dev/null
deb="$(ls "$build"/vitask-studio_*.deb)"
dev_deb="$(ls "$build"/vitask-studio-dev_*.deb)"
for package in "$deb" "$dev_deb"; do
  echo "package: $package ($(du -h "$package" | cut -f1))"
done

# lintian: errors fail; warnings are listed (CPack's ldconfig calls, a private library folder).
report="$(lintian "$deb" "$dev_deb" 2>&1 | grep -v 'running with root privileges' || true)"
[[ -n "$report" ]] && echo "$report"
if grep -q '^E:' <<<"$report"; then
  echo "package: lintian reports errors" >&2
  exit 1
fi
desktop-file-validate --no-hints "$root/packaging/vitask-studio.desktop"
# AppStream, as installed (offline: the screenshots' URLs are not fetched).
unpacked="$(mktemp -d)"
dpkg-deb -x "$deb" "$unpacked"
metainfo="$(ls "$unpacked"/usr/share/metainfo/*.metainfo.xml)"
appstreamcli validate --no-net "$metainfo"
release="$(grep -o -m1 '<release version="[^"]*"' "$metainfo" | cut -d'"' -f2)"
version="$(dpkg-deb -f "$deb" Version)"
rm -rf "$unpacked"
if [[ "$release" != "$version" ]]; then
  echo "package: the metainfo's newest release is $release, the package's version $version" >&2
  exit 1
fi
echo "package: lintian, desktop-file-validate and appstreamcli validate pass"
(( install )) || exit 0

SUDO=""
(( EUID == 0 )) || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -qq "$deb" "$dev_deb" >/dev/null
files="$(dpkg -L vitask-studio vitask-studio-dev)"
trap '$SUDO apt-get purge -y -qq vitask-studio vitask-studio-dev >/dev/null' EXIT
work="$(mktemp -d)"
# From the installed paths only: /usr/bin, /usr/lib/vitask, /usr/share/vitask/demo.
cd "$work"
/usr/bin/vitask --version | head -n 1
/usr/bin/vitask --no-log-file infer /usr/share/vitask/demo/studies/chest_xray/chest_01.dcm \
  --model /usr/share/vitask/demo/vitask-demo --task synth_chest_xray \
  --tsm /usr/share/vitask/demo/tsm/demo-resnet10.tsm.json --exemplar --device cpu --json > infer.json
QT_QPA_PLATFORM=offscreen VITASK_CONFIG_DIR="$work/config" VITASK_DATA_DIR="$work/data" \
  /usr/bin/vitask-studio --demo --json studio.json > /dev/null 2>&1
/usr/bin/python3 - "$work" <<'PY'
import json, sys
infer = json.load(open(sys.argv[1] + "/infer.json"))
studio = json.load(open(sys.argv[1] + "/studio.json"))
assert studio["model"] == "/usr/share/vitask/demo/vitask-demo", studio["model"]
assert studio["answer"] and infer["answer"], (studio, infer)
assert "saliency" in studio, "no heatmap"
print(f"package: installed vitask answers \"{infer['answer']}\"; the studio answers \"{studio['answer']}\" with the TSM's heatmap")
PY
# docs/plugins.md's out-of-tree example, against /usr/include and /usr/lib/cmake/Vitask.
cmake -S "$root/plugins/intensity_histogram_tsm" -B plugin -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build plugin >/dev/null
/usr/bin/vitask --no-log-file tsm list --path "$work/plugin" | grep -A1 '^intensity-histogram' | grep -q "$work/plugin/intensity_histogram_tsm.so" \
  || { echo "package: the plug-in built against the installed headers is not listed" >&2; exit 1; }
/usr/bin/vitask --no-log-file tsm predict --path "$work/plugin" --tsm intensity-histogram \
  --image /usr/share/vitask/demo/studies/chest_xray/chest_01.dcm --top 1
cd /
rm -rf "$work"
trap - EXIT
$SUDO apt-get purge -y -qq vitask-studio vitask-studio-dev >/dev/null
left=""
while IFS= read -r path; do
  [[ -e "$path" && ! -d "$path" ]] && left+="$path"$'\n'
  [[ -d "$path" && "$path" == */vitask* ]] && left+="$path"$'\n'
done <<<"$files"
if [[ -n "$left" ]]; then
  echo "package: left behind after purge:" >&2
  echo "$left" >&2
  exit 1
fi
echo "package: installed, run from /usr and purged without a trace"
