# Packaging: `cpack -G DEB` (or TGZ) in the build folder packages what `cmake --install`
# installs (scripts/check_package.sh builds the .deb and checks it with lintian). The
# desktop entry, the Debian copyright and changelog files live beside this file.
set(CPACK_PACKAGE_NAME "vitask-studio")
set(CPACK_PACKAGE_VENDOR "VITask Studio")
set(CPACK_PACKAGE_CONTACT "VITask Studio developers <maintainers@users.noreply.r-seed-0cb05c07.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "adapt vision-language models to medical diagnosis tasks")
# Debian's extended description (CPack adds the summary above it, indents each line and
# turns the empty line into " ."; lintian wants lines under 80 characters).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "VITask Studio is the reference implementation of VITask (task-specific
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
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # vitask-studio_0.1.0_amd64.deb, as Debian names it
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-pthread")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "DEB;TGZ")
include(CPack)

# The files every Debian package carries in /usr/share/doc/<package>.
set(_vitask_doc share/doc/${CPACK_PACKAGE_NAME})
install(FILES ${CMAKE_CURRENT_LIST_DIR}/copyright DESTINATION ${_vitask_doc})
# A native package's changelog, compressed reproducibly (no name or time in the header).
set(_vitask_changelog ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
add_custom_command(OUTPUT ${_vitask_changelog}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging
  COMMAND gzip -9nc ${CMAKE_CURRENT_LIST_DIR}/changelog > ${_vitask_changelog}
  DEPENDS ${CMAKE_CURRENT_LIST_DIR}/changelog VERBATIM)
add_custom_target(vitask_changelog ALL DEPENDS ${_vitask_changelog})
install(FILES ${_vitask_changelog} DESTINATION ${_vitask_doc})
