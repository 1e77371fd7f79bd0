#!/usr/bin/env bash
# README command 1: installs the dependencies, builds everything and starts the studio on
# its built-in demo (arguments, when given, replace --demo: scripts/studio.sh --open DIR).
# Without a display (a server, CI) it runs under Xvfb and saves a screenshot of the demo
# once the model has answered.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${VITASK_BUILD_DIR:-$root/build}"

"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
studio="$build/bin/vitask-studio"
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  echo "studio: starting $studio"
  exec "$studio" "${@:---demo}"
fi
shot="$build/vitask-studio.png"
echo "studio: no display found; running under Xvfb and saving a screenshot to $shot"
xvfb-run -a -s "-screen 0 1280x800x24" "$studio" --screenshot "$shot" "${@:---demo}"
echo "studio: screenshot written to $shot"
