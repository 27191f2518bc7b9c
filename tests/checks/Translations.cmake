# Every string of every screen has its Simplified Chinese translation. With LUPDATE given, the
# sources are scanned afresh into a copy of the .ts first, so a tr() string added without running
# the update_translations target counts as untranslated instead of slipping through.
if(LUPDATE)
    get_filename_component(name "${TS_FILE}" NAME)
    set(copy "${WORK_DIR}/${name}")
    file(COPY_FILE "${TS_FILE}" "${copy}")
    # The same project (sources, include paths) the update_translations target scans.
    set(project "${WORK_DIR}/lupdate_project.json")
    execute_process(COMMAND "${CMAKE_COMMAND}" -DIN_FILE=${PROJECT_IN} -DOUT_FILE=${project}
                            -P "${PROJECT_GENERATOR}" RESULT_VARIABLE failed)
    if(failed)
        message(FATAL_ERROR "could not generate the lupdate project from ${PROJECT_IN}")
    endif()
    execute_process(COMMAND "${LUPDATE}" -silent -project "${project}" -no-obsolete -locations none
                            -ts "${copy}"
                    RESULT_VARIABLE failed OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(failed)
        message(FATAL_ERROR "lupdate failed: ${out}")
    endif()
    set(TS_FILE "${copy}")
endif()
file(READ "${TS_FILE}" ts)
string(REGEX MATCHALL "<translation type=\"unfinished\"" unfinished "${ts}")
string(REGEX MATCHALL "<translation type=\"vanished\"|<translation type=\"obsolete\"" stale "${ts}")
string(REGEX MATCHALL "<message>" messages "${ts}")
list(LENGTH unfinished nUnfinished)
list(LENGTH messages nMessages)
if(nMessages EQUAL 0)
    message(FATAL_ERROR "${TS_FILE} has no messages: run the update_translations target")
endif()
if(nUnfinished GREATER 0)
    message(FATAL_ERROR "${TS_FILE}: ${nUnfinished} of ${nMessages} strings are untranslated "
                        "(build the update_translations target, then translate them)")
endif()
message(STATUS "translations: ${nMessages} strings, all translated")
