# .clang-format is applied to every C++ file of the project. A missing clang-format fails the
# check: it is installed by packaging/install-deps.sh, and a skipped check proves nothing.
if(NOT CLANG_FORMAT OR NOT EXISTS "${CLANG_FORMAT}")
    message(FATAL_ERROR "clang-format is missing (${CLANG_FORMAT}): run "
                        "`bash packaging/install-deps.sh` (Debian package clang-format), "
                        "then configure again.")
endif()
file(GLOB_RECURSE files "${SOURCE_DIR}/app/*.h" "${SOURCE_DIR}/app/*.cpp"
     "${SOURCE_DIR}/tests/*.h" "${SOURCE_DIR}/tests/*.cpp")
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${files}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "Files not formatted (run clang-format -i):\n${err}")
endif()
list(LENGTH files n)
message(STATUS "format: ${n} files formatted")
