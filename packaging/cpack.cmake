# Packaging: `cpack -G DEB` (or TGZ) in the build folder packages what `cmake --install`
# installs (scripts/check_package.sh builds the .debs and checks them with lintian). The
# desktop entry, the Debian copyright and changelog files live beside this file.
#
# Two Debian packages, one per install component:
#   vitask-studio      (runtime) the programs, core libraries, plug-ins, demo, desktop files
#   vitask-studio-dev  (dev)     headers and the CMake package for out-of-tree plug-ins
set(CPACK_PACKAGE_NAME "vitask-studio")
set(CPACK_PACKAGE_VENDOR "VITask Studio")
set(CPACK_PACKAGE_CONTACT "VITask Studio developers <maintainers@users.noreply.r-seed-0cb05c07.example>")
# Each package's Debian description: its first line is the summary, the rest the extended
# description (CPack indents each line and turns an empty line into " ."; lintian wants
# lines under 80 characters). CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY (by default the
# project's description) above both unless it is CPack's own placeholder, which it skips.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "adapt vision-language models to medical diagnosis tasks
VITask Studio is the reference implementation of VITask (task-specific
visual instruction tuning): a LLaVA-architecture vision-language model
paired with a task-specific image classifier through exemplar prompting,
response distribution alignment and contrastive response tuning.

It ships the vitask command-line tool (training, evaluation, inference)
and the vitask-studio desktop application: open DICOM and NIfTI studies,
ask the model beside its task-specific model with a saliency heatmap,
review worklists, export de-identified reports and DICOM SR, launch and
follow tuning runs. A built-in demo of synthetic studies and a small model
is included. Research use only; not a medical device.")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # vitask-studio_0.1.0_amd64.deb, as Debian names it
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME "vitask-studio")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "libopenblas0-pthread")
set(CPACK_DEBIAN_DEV_PACKAGE_NAME "vitask-studio-dev")
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION "libdevel")
set(CPACK_DEBIAN_DEV_PACKAGE_ARCHITECTURE "all")  # headers and CMake files only
# The exact runtime version (a plug-in is bound to its C++ interface) and what compiling a
# plug-in against the headers needs.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
  "vitask-studio (= ${PROJECT_VERSION}), libtorch-dev, libspdlog-dev, nlohmann-json3-dev, cmake, g++")
set(CPACK_DEBIAN_DEV_DESCRIPTION "VITask Studio: headers and CMake package for TSM plug-ins
This package holds what a compiled task-specific model (TSM) plug-in for
VITask Studio is built against outside VITask's source tree: the headers of
the plug-in interface (vitask/tsm/plugin_api.h) and the CMake package
found with find_package(Vitask), which gives the target vitask::tsm.
docs/plugins.md walks through a worked example.")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB;TGZ")
include(CPack)
include(${CMAKE_CURRENT_LIST_DIR}/man.cmake)

# The files every Debian package carries in /usr/share/doc/<package>.
# A native package's changelog, compressed reproducibly (no name or time in the header).
set(_vitask_changelog ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(OUTPUT ${_vitask_changelog}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging
  COMMAND gzip -9nc ${CMAKE_CURRENT_LIST_DIR}/changelog > ${_vitask_changelog}
  DEPENDS ${CMAKE_CURRENT_LIST_DIR}/changelog VERBATIM)
add_custom_target(vitask_changelog ALL DEPENDS ${_vitask_changelog})
foreach(_component IN LISTS CPACK_COMPONENTS_ALL)
  string(TOUPPER ${_component} _upper)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/copyright ${_vitask_changelog}
          DESTINATION share/doc/${CPACK_DEBIAN_${_upper}_PACKAGE_NAME} COMPONENT ${_component})
endforeach()
