# Language level, warnings, build type and compiler cache for every target.
set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  # The engine is unusably slow unoptimized; RelWithDebInfo would triple the object size.
  set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
endif()

# Binaries land together so the CLI, the studio and plug-ins find each other at run time.
set(CMAKE_RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bin")
set(CMAKE_LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/lib")

# ccache: a translation unit that includes torch/torch.h costs ~25 s, so rebuilds of an
# unchanged file must be free. PCH needs the pch_defines/time_macros sloppiness; the base
# folder makes paths relative, so another clone (CI's) hits the same cache entries.
find_program(VITASK_CCACHE ccache)
if(VITASK_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(_launcher env CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
                    CCACHE_NOHASHDIR=1 CCACHE_BASEDIR=${PROJECT_SOURCE_DIR} ${VITASK_CCACHE})
  set(CMAKE_C_COMPILER_LAUNCHER ${_launcher})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${_launcher})
  message(STATUS "Using ccache: ${VITASK_CCACHE}")
endif()

# Qt's `slots`/`signals`/`emit` macros break LibTorch headers (ATen/core/ivalue_inl.h):
# the whole project writes Q_SLOTS / Q_SIGNALS / Q_EMIT instead.
add_compile_definitions(QT_NO_KEYWORDS)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  set(VITASK_WARNINGS -Wall -Wextra -Wno-unused-parameter)
endif()
