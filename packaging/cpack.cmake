# Packaging: `cpack -G DEB` (or TGZ) in the build folder packages what `cmake --install`
# installs. The desktop entry beside this file goes to share/applications.
set(CPACK_PACKAGE_NAME "vitask-studio")
set(CPACK_PACKAGE_VENDOR "VITask Studio")
set(CPACK_PACKAGE_CONTACT "VITask Studio developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-pthread")
set(CPACK_GENERATOR "DEB;TGZ")
include(CPack)
