#!/usr/bin/env bash
# The studio's screenshots in docs/images, from a real demo: the main window on the
# built-in demo (resources/demo), the rest on scripts/make_demo.py's working folder (the
# same model and TSM, more images; about 20 minutes the first time, kept in build/demo).
# vitask-studio runs under Xvfb with its script options and saves each picture once the
# answer is in, with what its AI panel showed beside it (*.json).
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
