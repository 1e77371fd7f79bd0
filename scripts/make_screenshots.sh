#!/usr/bin/env bash
# The studio's screenshots in docs/images, from a real demo: the main window on the
# built-in demo (resources/demo), the rest on scripts/make_demo.py's working folder (the
# same model and TSM, more images; about 20 minutes the first time, kept in build/demo).
# vitask-studio runs under Xvfb with its script options and saves each picture once the
# answer is in, with what its AI panel showed beside it (*.json). The researcher's pages
# come from their test suites' screenshot functions (at the end). The Runs page's picture
# (studio-runs.png) has no command yet.
#   scripts/make_screenshots.sh            (after scripts/build.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VITASK_BUILD_DIR:-$root/build}"
demo="${VITASK_DEMO_DIR:-$build/demo}"
images="$root/docs/images"

demo_json="$(/usr/bin/python3 "$root/scripts/make_demo.py" --vitask "$build/bin/vitask" --out "$demo" | tail -n 1)"
field() { /usr/bin/python3 -c 'import json, sys; d = json.loads(sys.argv[1])
for key in sys.argv[2:]: d = d[key]
print(d)' "$demo_json" "$@"; }

# A fresh settings folder: the default window layout, no recent lists.
settings="$(mktemp -d)"
trap 'rm -rf "$settings"' EXIT
shoot() {  # shoot NAME STUDY QUESTION [more studio options]
  local name="$1" study="$2" question="$3"
  shift 3
  VITASK_CONFIG_DIR="$settings/$name" VITASK_DATA_DIR="$settings/$name" \
    xvfb-run -a -s "-screen 0 1600x1000x24" "$build/bin/vitask-studio" --open "$study" \
    --model "$(field model)" --tsm "$(field tsm)" --question "$question" \
    --screenshot "$images/$name.png" --json "$images/$name.json" "$@"
  echo "screenshots: $images/$name.png"
}
# The main window as README command 1 shows it: the built-in demo (resources/demo).
VITASK_CONFIG_DIR="$settings/main" VITASK_DATA_DIR="$settings/main" \
  xvfb-run -a -s "-screen 0 1600x1000x24" "$build/bin/vitask-studio" --demo --panel tags \
  --screenshot "$images/studio-main-window.png" --json "$images/studio-main-window.json"
echo "screenshots: $images/studio-main-window.png"
shoot studio-ai-panel "$(field dermoscopy_study)" "$(field questions dermoscopy)"

# The review workflow on the chest study: a worklist answered in the background with
# three cases accepted and the whole of it exported (PDF, HTML, JSON, DICOM SR); the
# same as a blinded reader study at its first case; and page 1 of the PDF report.
exported="$(mktemp -d)"
trap 'rm -rf "$settings" "$exported"' EXIT
review_shot() {  # review_shot NAME [more studio options]
  local name="$1"
  shift
  VITASK_CONFIG_DIR="$settings/$name" VITASK_DATA_DIR="$settings/$name" \
    xvfb-run -a -s "-screen 0 1600x1000x24" "$build/bin/vitask-studio" \
    --model "$(field model)" --tsm "$(field tsm)" --question "$(field questions chest_xray)" \
    --worklist "$(field chest_study)" --reviewer "Dr. A. Reader" --screenshot "$images/$name.png" "$@"
  echo "screenshots: $images/$name.png"
}
review_shot studio-worklist --accept 3 --export "$exported"
review_shot studio-review-blinded --blinded
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$exported/report.pdf" "$images/report-pdf-page"
echo "screenshots: $images/report-pdf-page.png"

# The researcher's pages, drawn by their Qt test suites' screenshot functions (which a test
# run leaves out; ui/test_support/screenshot_main.h), run with the environment CTest gives
# each suite, offscreen: the tuning wizard's method page on the transformers
# fixture checkpoint, the Plug-ins page with the suite's mix of ready and broken TSMs, and
# Compare and Robustness with the demo's working folder (its VITask model and TSM, the 100
# chest X-rays of its test split).
shared="${VITASK_SHARED_DIR:-$root/../shared}"
suite() {  # suite NAME: the test binary with the environment CTest gives it, without CTest's time limit
  /usr/bin/python3 - "$build" "$1" <<'PY'
import json, os, subprocess, sys
listing = subprocess.run(["ctest", "--test-dir", sys.argv[1], "--show-only=json-v1"],
                         capture_output=True, text=True, check=True).stdout
test = next(t for t in json.loads(listing)["tests"] if t["name"] == sys.argv[2])
env = dict(os.environ)
for prop in test.get("properties", []):
    if prop["name"] == "ENVIRONMENT":
        env.update(value.split("=", 1) for value in prop["value"])
sys.exit(subprocess.run(test["command"], env=env, stdout=subprocess.DEVNULL).returncode)
PY
}
VITASK_SCREENSHOT_DIR="$images" VITASK_SCREENSHOT_MODEL="$shared/fixtures/tiny-llava" suite test_tuning_wizard
echo "screenshots: $images/studio-wizard.png"
VITASK_SCREENSHOT="$images/studio-plugins.png" suite test_plugins_panel
echo "screenshots: $images/studio-plugins.png"
VITASK_SCREENSHOT_DIR="$images" suite test_ui_pacs_browser  # a real Orthanc holding the demo studies
echo "screenshots: $images/studio-pacs.png, $images/studio-pacs-archives.png"
VITASK_SCREENSHOT_DIR="$images" VITASK_SCREENSHOT_MODELS="$(field model)" VITASK_SCREENSHOT_TSM="$(field tsm)" \
  VITASK_SCREENSHOT_DATA="$demo/data/synth_chest_xray.npz" QTEST_FUNCTION_TIMEOUT=3600000 suite test_compare_panel
echo "screenshots: $images/studio-compare.png, $images/studio-robustness.png"
