# Every third-party package, found once. Debian 12 packages by default; an official
# LibTorch 2.x (e.g. the one inside the PyTorch wheel) via
#   -DCMAKE_PREFIX_PATH=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')

# --- engine: LibTorch, logging, formats, CLI parsing --------------------------------
find_package(Torch REQUIRED)
# TorchConfig adds its flags (ABI, warnings) through TORCH_CXX_FLAGS; the imported
# targets carry the include directories and libraries.
if(NOT Torch_VERSION AND TORCH_VERSION)
  set(Torch_VERSION ${TORCH_VERSION})
endif()
if(Torch_VERSION VERSION_LESS 1.13)
  message(FATAL_ERROR "LibTorch ${Torch_VERSION} is too old: VITask needs 1.13 or newer "
                      "(Debian 12: libtorch-dev; or set CMAKE_PREFIX_PATH to an official LibTorch 2.x)")
endif()

find_package(spdlog REQUIRED)
find_package(nlohmann_json 3.9 REQUIRED)
find_package(CLI11 REQUIRED)
# stb_image (header-only) decodes PNG/JPEG for the CLI when imaging is off.
find_path(VITASK_STB_INCLUDE_DIR stb/stb_image.h REQUIRED)

# --- imaging: DICOM, NIfTI, preprocessing --------------------------------------------
# (found by core/imaging once that module has sources; the build option exists now so
# that server builds can already switch it off)

# --- desktop studio and tests ----------------------------------------------------------
set(_qt_components)
if(VITASK_GUI)
  list(APPEND _qt_components Widgets LinguistTools)
endif()
if(VITASK_BUILD_TESTS)
  # Qt Test drives every suite, engine tests included, so the engine itself stays free of
  # Qt; Qt Gui (QImage, no display) decodes the PNGs the report tests check, also in
  # builds without the studio; Qt Network serves the PACS test a server that never answers.
  list(APPEND _qt_components Core Test Gui Network)
endif()
if(_qt_components)
  find_package(Qt6 6.4 REQUIRED COMPONENTS ${_qt_components})
endif()
