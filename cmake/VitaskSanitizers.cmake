# Sanitizer and fuzzing builds (docs/reliability.md). Both are for developers and CI, never
# for packages: a sanitized build is two to three times slower.
#   -DVITASK_SANITIZE=ON   every target with AddressSanitizer + UndefinedBehaviorSanitizer
#                          (GCC or clang); `ctest` then runs the whole suite under them.
#   -DVITASK_FUZZ=ON       additionally the libFuzzer targets of tests/fuzz (clang only),
#                          with coverage instrumentation in every library they call.
# scripts/fuzz.sh configures, builds and runs it all.
option(VITASK_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(VITASK_FUZZ "Build the libFuzzer targets of tests/fuzz (clang; turns VITASK_SANITIZE on)" OFF)

if(VITASK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "VITASK_FUZZ=ON needs clang's libFuzzer: configure with "
                        "-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ "
                        "(scripts/install-deps.sh --fuzz installs it)")
  endif()
  set(VITASK_SANITIZE ON CACHE BOOL "Build with AddressSanitizer and UndefinedBehaviorSanitizer" FORCE)
  # Edge coverage for libFuzzer in every library; the ASan runtime supplies the hooks
  # when a test executable links without libFuzzer.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

set(VITASK_TEST_TIMEOUT_FACTOR 1)
if(VITASK_SANITIZE)
  # A finding stops the program (non-zero exit) instead of printing and carrying on, so a
  # test that triggers one fails.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  # Every test (and the programs it starts) runs with the project's suppressions of
  # third-party leaks, and UBSan's reports carry a stack.
  set(VITASK_SANITIZER_ENVIRONMENT
      "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/sanitizers/lsan.supp"
      "UBSAN_OPTIONS=print_stacktrace=1"
      # Qt Test's limit per test function (5 minutes) grows with the tests' limits below.
      "QTEST_FUNCTION_TIMEOUT=1200000")
  # Sanitized code runs two to four times slower: every test's time limit is multiplied.
  set(VITASK_TEST_TIMEOUT_FACTOR 4)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # GCC does not enable the float-cast check with `undefined`; clang's `undefined` does.
    add_compile_options(-fsanitize=float-cast-overflow)
  endif()
endif()
