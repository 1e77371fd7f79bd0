#!/usr/bin/env bash
# Installs every Debian 12 package that VITask Studio needs to build, test and benchmark.
# Idempotent: packages already present are skipped by apt. Run as root (or with sudo).
#   scripts/install-deps.sh            build + runtime + test packages
#   scripts/install-deps.sh --minimal  only what `core` + CLI need (-DVITASK_GUI=OFF -DVITASK_IMAGING=OFF)
#   scripts/install-deps.sh --fuzz     everything, plus clang with libFuzzer and the
#                                      sanitizers' symbolizer (scripts/fuzz.sh)
set -euo pipefail

minimal=0
fuzz=0
[[ "${1:-}" == "--minimal" ]] && minimal=1
[[ "${1:-}" == "--fuzz" ]] && fuzz=1

# Toolchain and build speed-ups.
pkgs_build=(build-essential cmake ninja-build ccache pkg-config git)
# Engine: LibTorch 1.13 (CPU) with an optimized BLAS (without libopenblas0-pthread
# Debian's LibTorch falls back to the reference BLAS, about 13x slower), logging,
# config, CLI parsing, tokenizer, archives; Gloo (libgloo-dev: the headers c10d needs to
# train across processes).
pkgs_core=(libtorch-dev libgloo-dev libopenblas0-pthread libspdlog-dev libfmt-dev nlohmann-json3-dev
           libyaml-cpp-dev libcli11-dev libzip-dev libstb-dev)
# Imaging: DICOM, NIfTI, preprocessing, ONNX graph normalization, DICOMweb (libcurl).
pkgs_imaging=(libdcmtk-dev libinsighttoolkit5-dev libopencv-dev libonnx-dev libdeflate-dev libcurl4-openssl-dev)
# Desktop application: Qt 6 widgets, charts, SQL (SQLite driver), translations (Qt's own
# strings in German and Chinese: qt6-translations-l10n).
pkgs_gui=(qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-translations-l10n
          qt6-l10n-tools linguist-qt6 libqt6sql6-sqlite libqt6svg6 libgl-dev)
# Tests and benchmarks: offscreen/X11 display, PDF and DICOM validators (pdftotext,
# dsrdump, dciodvfy), the package's checkers (lintian, desktop-file-validate, appstreamcli), reference
# decoders and Python peers (python3-sklearn: reference for the classification metrics),
# the C++ peers of bench/imaging (dcm2niix; dcmtk's dcm2pnm).
pkgs_test=(xvfb xauth poppler-utils dcmtk dicom3tools lintian desktop-file-utils appstream python3 python3-numpy python3-pil python3-pydicom python3-nibabel python3-gdcm
           python3-sentencepiece python3-torch python3-torchvision python3-sklearn dcm2niix
           orthanc orthanc-dicomweb openssl)  # the archive the PACS tests start on free ports (a system service may run too); openssl makes its TLS certificate

# Fuzzing and sanitizer builds: clang 14, its libFuzzer/ASan/UBSan runtimes, llvm-symbolizer.
pkgs_fuzz=(clang libclang-rt-14-dev llvm)

if (( minimal )); then
  want=("${pkgs_build[@]}" "${pkgs_core[@]}")
else
  want=("${pkgs_build[@]}" "${pkgs_core[@]}" "${pkgs_imaging[@]}" "${pkgs_gui[@]}" "${pkgs_test[@]}")
fi
(( fuzz )) && want+=("${pkgs_fuzz[@]}")

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if (( ${#missing[@]} == 0 )); then
  echo "install-deps: all ${#want[@]} packages already installed"
  exit 0
fi

SUDO=""
if (( EUID != 0 )); then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  SUDO=sudo
fi

echo "install-deps: installing ${#missing[@]} Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"
