#!/usr/bin/env bash
# Builds the Debian package of a build folder and checks it as Debian would: lintian
# reports no error and the desktop entry validates. With --install (CI runs it so, as
# root, on a machine of its own) the package is installed with apt, the programs run from
# /usr (vitask --version, vitask infer on the installed demo, the studio offscreen on the
# demo), and it is purged again, leaving no file of it behind.
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
rm -f vitask-studio_*.deb
cpack -G DEB >/dev/null
deb="$(ls "$build"/vitask-studio_*.deb)"
echo "package: $deb ($(du -h "$deb" | cut -f1))"

# lintian: errors fail; warnings are listed (no manual pages yet, CPack's ldconfig calls).
report="$(lintian "$deb" 2>&1 | grep -v 'running with root privileges' || true)"
[[ -n "$report" ]] && echo "$report"
if grep -q '^E:' <<<"$report"; then
  echo "package: lintian reports errors" >&2
  exit 1
fi
desktop-file-validate --no-hints "$root/packaging/vitask-studio.desktop"
echo "package: lintian and desktop-file-validate pass"
(( install )) || exit 0

SUDO=""
(( EUID == 0 )) || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y -qq "$deb" >/dev/null
files="$(dpkg -L vitask-studio)"
trap '$SUDO apt-get purge -y -qq vitask-studio >/dev/null' EXIT
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
cd /
rm -rf "$work"
trap - EXIT
$SUDO apt-get purge -y -qq vitask-studio >/dev/null
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
