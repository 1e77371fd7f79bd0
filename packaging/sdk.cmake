# The plug-in SDK: what the dev package (vitask-studio-dev) adds to the runtime package.
# Modules declared with vitask_add_module(... SDK) install their headers into include/ and
# their targets into the export set below; this file writes the CMake package that an
# out-of-tree plug-in finds with find_package(Vitask) (plugins/intensity_histogram_tsm
# builds both in this tree and so, against an installed VITask).
include(CMakePackageConfigHelpers)
set(VITASK_PLUGIN_INSTALL_DIR lib/vitask/plugins)
set(_vitask_cmake_dir lib/cmake/Vitask)
install(EXPORT VitaskTargets NAMESPACE vitask:: DESTINATION ${_vitask_cmake_dir} COMPONENT dev)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/sdk/VitaskConfig.cmake.in
  ${CMAKE_BINARY_DIR}/packaging/VitaskConfig.cmake
  INSTALL_DESTINATION ${_vitask_cmake_dir}
  PATH_VARS VITASK_PLUGIN_INSTALL_DIR)
# The C++ interface (kPluginAbiVersion) may change between minor versions: a plug-in asks
# for the minor version it was written for.
write_basic_package_version_file(${CMAKE_BINARY_DIR}/packaging/VitaskConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/packaging/VitaskConfig.cmake ${CMAKE_BINARY_DIR}/packaging/VitaskConfigVersion.cmake
  DESTINATION ${_vitask_cmake_dir} COMPONENT dev)
