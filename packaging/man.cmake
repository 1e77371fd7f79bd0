# Manual pages (share/man/man1/vitask.1.gz, vitask-studio.1.gz): made from the programs'
# own --help by packaging/man/make_man.py once they are built, so a page cannot drift
# from its program (a command or option added to the program is in the next build's page).
# FILES and ENVIRONMENT of vitask(1) are hand-written, in packaging/man/vitask.files.man.
# Included by packaging/cpack.cmake (after include(CPack), for the package's names).
set(_vitask_man_dir ${CMAKE_BINARY_DIR}/packaging/man)
set(_vitask_make_man ${CMAKE_CURRENT_LIST_DIR}/man/make_man.py)
# Dated by the changelog's first entry, not the day of the build: the same bytes each time.
set(_vitask_man_common --version ${PROJECT_VERSION} --changelog ${CMAKE_CURRENT_LIST_DIR}/changelog
    --doc-dir /usr/share/doc/${CPACK_DEBIAN_RUNTIME_PACKAGE_NAME})

# The programs, each with its help's style and the make_man.py arguments of its own.
set(_vitask_man_programs vitask)
set(_vitask_man_vitask_style cli11)
set(_vitask_man_vitask_args --include ${CMAKE_CURRENT_LIST_DIR}/man/vitask.files.man)
set(_vitask_man_vitask_depends ${CMAKE_CURRENT_LIST_DIR}/man/vitask.files.man)
if(VITASK_GUI)
  list(APPEND _vitask_man_programs vitask-studio)
  set(_vitask_man_vitask-studio_style qt)
  set(_vitask_man_vitask-studio_args --see-also "vitask(1)")
  list(APPEND _vitask_man_vitask_args --see-also "vitask-studio(1)")
endif()

set(_vitask_man_pages)
foreach(_program IN LISTS _vitask_man_programs)
  set(_page ${_vitask_man_dir}/${_program}.1.gz)
  add_custom_command(OUTPUT ${_page}
    COMMAND /usr/bin/python3 ${_vitask_make_man} --program $<TARGET_FILE:${_program}> --name ${_program}
            --style ${_vitask_man_${_program}_style} ${_vitask_man_common} ${_vitask_man_${_program}_args}
            --output ${_page}
    DEPENDS ${_program} ${_vitask_make_man} ${CMAKE_CURRENT_LIST_DIR}/changelog ${_vitask_man_${_program}_depends}
    COMMENT "Writing the manual page ${_program}.1 from ${_program} --help" VERBATIM)
  list(APPEND _vitask_man_pages ${_page})

  # test_man_pages_<program>: the page made now has an entry for every command and option
  # that the program's help lists (walked on its own), is the same bytes as the build's
  # page, and groff -ww and man (as lintian runs it) print no warning.
  if(VITASK_BUILD_TESTS)
    add_test(NAME test_man_pages_${_program}
             COMMAND /usr/bin/python3 ${CMAKE_CURRENT_LIST_DIR}/man/check_man.py
                     --program $<TARGET_FILE:${_program}> --name ${_program} --style ${_vitask_man_${_program}_style}
                     --built ${_page}
                     -- ${_vitask_man_common} ${_vitask_man_${_program}_args})
    math(EXPR _timeout "300 * ${VITASK_TEST_TIMEOUT_FACTOR}")
    set_tests_properties(test_man_pages_${_program} PROPERTIES LABELS unit TIMEOUT ${_timeout}
                         ENVIRONMENT "${VITASK_SANITIZER_ENVIRONMENT}")
  endif()
endforeach()
add_custom_target(vitask_man_pages ALL DEPENDS ${_vitask_man_pages})
install(FILES ${_vitask_man_pages} DESTINATION share/man/man1)
