# .clang-format is applied to every C++ file of the project.
file(GLOB_RECURSE files "${SOURCE_DIR}/app/*.h" "${SOURCE_DIR}/app/*.cpp"
     "${SOURCE_DIR}/tests/*.h" "${SOURCE_DIR}/tests/*.cpp")
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${files}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "Files not formatted (run clang-format -i):\n${err}")
endif()
list(LENGTH files n)
message(STATUS "format: ${n} files formatted")
