# The commit a build was configured from, shown by `vitask --version`.
find_package(Git QUIET)
set(VITASK_GIT_COMMIT "unknown")
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --short=10 HEAD
                  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                  OUTPUT_VARIABLE _commit OUTPUT_STRIP_TRAILING_WHITESPACE
                  ERROR_QUIET RESULT_VARIABLE _result)
  if(_result EQUAL 0 AND _commit)
    set(VITASK_GIT_COMMIT "${_commit}")
    # Uncommitted changes to tracked files at configure time: the commit alone does not
    # say what was built (results and benchmarks quote this line).
    execute_process(COMMAND "${GIT_EXECUTABLE}" diff --quiet HEAD --
                    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}" RESULT_VARIABLE _dirty ERROR_QUIET)
    if(_dirty EQUAL 1)
      string(APPEND VITASK_GIT_COMMIT "+dirty")
    endif()
  endif()
endif()

# Reference fixtures and data shared by the project (read-only), beside the checkout.
set(VITASK_SHARED_DIR "${PROJECT_SOURCE_DIR}/../shared" CACHE PATH
    "Folder with the shared reference fixtures (fixtures/, datasets/)")
