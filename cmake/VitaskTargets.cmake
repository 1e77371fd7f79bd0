# Helpers that give every VITask target the same shape.

# One precompiled torch/torch.h shared by every target that uses LibTorch: without it a
# translation unit costs ~25 s of parsing, with it a few seconds.
add_library(vitask_torch_pch STATIC "${CMAKE_CURRENT_LIST_DIR}/torch_pch.cpp")
target_link_libraries(vitask_torch_pch PUBLIC torch)
if(VITASK_USE_PCH)
  target_precompile_headers(vitask_torch_pch PRIVATE <torch/torch.h>)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # clang stamps the header's build time into it and refuses a copy ccache restores.
    target_compile_options(vitask_torch_pch PUBLIC -Xclang -fno-pch-timestamp)
  endif()
endif()

# vitask_use_torch(TARGET): link LibTorch and reuse the shared precompiled header.
function(vitask_use_torch target)
  target_link_libraries(${target} PRIVATE vitask_torch_pch)
  if(VITASK_USE_PCH)
    target_precompile_headers(${target} REUSE_FROM vitask_torch_pch)
    # GCC only uses a precompiled header built with the same -fPIC/-fPIE setting. The
    # header is built for shared libraries (-fPIC); executables would get -fPIE and
    # silently reparse torch/torch.h (~20 s a file). PIC code links into a PIE
    # executable just as well, so executables compile as PIC too.
    get_target_property(_type ${target} TYPE)
    if(_type STREQUAL "EXECUTABLE")
      target_compile_options(${target} PRIVATE -fPIC)
    endif()
  endif()
endfunction()

# vitask_add_module(NAME module SOURCES ... [TORCH] [SDK | SDK_DEPENDENCY] [PUBLIC_LIBS ...] [PRIVATE_LIBS ...])
# A core module: core/<module>/{include/vitask/<module>, src, test}, library vitask_<module>.
# SDK: part of what out-of-tree plug-ins build against (packaging/sdk.cmake): its headers go
# into the dev component and its target into the exported CMake package as vitask::<module>.
# SDK_DEPENDENCY: a library an SDK module links privately; CMake's package must name it
# (the linker follows it), but its headers are not part of the SDK.
function(vitask_add_module module)
  cmake_parse_arguments(ARG "TORCH;SDK;SDK_DEPENDENCY" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  set(target vitask_${module})
  add_library(${target} SHARED ${ARG_SOURCES})
  add_library(vitask::${module} ALIAS ${target})
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:include>)
  target_link_libraries(${target} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
  target_compile_options(${target} PRIVATE ${VITASK_WARNINGS})
  if(ARG_TORCH)
    vitask_use_torch(${target})
  endif()
  # Installed modules find each other in their own folder.
  set_target_properties(${target} PROPERTIES INSTALL_RPATH "$ORIGIN")
  if(ARG_SDK OR ARG_SDK_DEPENDENCY)
    set_target_properties(${target} PROPERTIES EXPORT_NAME ${module})
    install(TARGETS ${target} EXPORT VitaskTargets LIBRARY DESTINATION lib/vitask)
    if(ARG_SDK)
      install(DIRECTORY include/ DESTINATION include COMPONENT dev)
    endif()
  else()
    install(TARGETS ${target} LIBRARY DESTINATION lib/vitask)
  endif()
endfunction()

# vitask_add_qtest(NAME SOURCES ... [LIBS ...] [LABELS ...] [TORCH] [ENVIRONMENT ...])
# A Qt Test executable registered with CTest. Every test runs offscreen with the project
# root, the build's bin/ and the shared fixtures (../shared) in its environment.
function(vitask_add_qtest name)
  cmake_parse_arguments(ARG "TORCH" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  target_compile_options(${name} PRIVATE ${VITASK_WARNINGS})
  if(ARG_TORCH)
    vitask_use_torch(${name})
  endif()
  add_test(NAME ${name} COMMAND ${name})
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  math(EXPR ARG_TIMEOUT "${ARG_TIMEOUT} * ${VITASK_TEST_TIMEOUT_FACTOR}")  # sanitizer builds: x4
  # A QSKIP makes the whole suite "Skipped", not "Passed" (Qt Test itself exits 0);
  # scripts/skipped_tests.py lists why, and fails CI for any reason but a missing GPU.
  set_tests_properties(${name} PROPERTIES
    LABELS "${ARG_LABELS}"
    TIMEOUT ${ARG_TIMEOUT}
    SKIP_REGULAR_EXPRESSION "SKIP   : "
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;VITASK_SOURCE_DIR=${PROJECT_SOURCE_DIR};VITASK_BINARY_DIR=${PROJECT_BINARY_DIR};VITASK_SHARED_DIR=${VITASK_SHARED_DIR};${VITASK_SANITIZER_ENVIRONMENT};${ARG_ENVIRONMENT}")
endfunction()
