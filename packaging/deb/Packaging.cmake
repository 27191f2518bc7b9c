# The two Debian packages (issue 21, docs/packaging.md): CPack's DEB generator over the tree
# already built. `bash packaging/dev.sh package` (or `cpack` in the build folder) writes
#   build/<preset>/packages/onewindow_VERSION_ARCH.deb         component "workstation"
#   build/<preset>/packages/onewindow-server_VERSION_ARCH.deb  component "server"
# Included from the top CMakeLists.txt after app/, whose install() rules name these components.

set(ONEWINDOW_DEB_DIR ${CMAKE_CURRENT_LIST_DIR})
set(ONEWINDOW_DEB_OUT ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${ONEWINDOW_DEB_OUT})

# Packaging installs what is built; it never builds (the test suite packages the tree it has just
# built, and dev.sh builds the three programs first). So `install` does not depend on `all`.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

# Debian wants the changelog and man pages compressed with gzip -9n (no name, no time stamp):
# done at configure time, again whenever a source file changes.
function(onewindow_deb_gzip source output)
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${source})
    execute_process(COMMAND gzip -9nc ${source} OUTPUT_FILE ${output} RESULT_VARIABLE failed)
    if(failed)
        message(FATAL_ERROR "gzip ${source} failed")
    endif()
endfunction()
onewindow_deb_gzip(${ONEWINDOW_DEB_DIR}/changelog ${ONEWINDOW_DEB_OUT}/changelog.gz)
foreach(page onewindow.1 onewindowctl.1 onewindow-server.8 onewindow-server-setup-postgresql.8)
    onewindow_deb_gzip(${ONEWINDOW_DEB_DIR}/man/${page} ${ONEWINDOW_DEB_OUT}/${page}.gz)
endforeach()

# --- onewindow: the window and onewindowctl (their binaries: app/CMakeLists.txt, app/ctl) ----
set(doc_ws share/doc/onewindow)
install(FILES ${ONEWINDOW_DEB_DIR}/copyright ${ONEWINDOW_DEB_OUT}/changelog.gz
        DESTINATION ${doc_ws} COMPONENT workstation)
install(FILES ${PROJECT_SOURCE_DIR}/docs/bad-inputs.md ${PROJECT_SOURCE_DIR}/docs/event-log.md
        DESTINATION ${doc_ws} COMPONENT workstation)
install(FILES ${PROJECT_SOURCE_DIR}/resources/catalog/FORMAT.md
              ${PROJECT_SOURCE_DIR}/resources/catalog/schema.json
              ${PROJECT_SOURCE_DIR}/resources/catalog/example.json
        DESTINATION ${doc_ws}/catalog COMPONENT workstation)
install(FILES ${ONEWINDOW_DEB_OUT}/onewindow.1.gz ${ONEWINDOW_DEB_OUT}/onewindowctl.1.gz
        DESTINATION share/man/man1 COMPONENT workstation)
install(FILES ${ONEWINDOW_DEB_DIR}/org.onewindow.OneWindow.desktop
        DESTINATION share/applications COMPONENT workstation)
install(FILES ${ONEWINDOW_DEB_DIR}/org.onewindow.OneWindow.metainfo.xml
        DESTINATION share/metainfo COMPONENT workstation)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/icons/onewindow.svg
        DESTINATION share/icons/hicolor/scalable/apps COMPONENT workstation)
foreach(size 16 24 32 48 64 128 256)
    install(FILES ${PROJECT_SOURCE_DIR}/packaging/icons/hicolor/${size}x${size}/onewindow.png
            DESTINATION share/icons/hicolor/${size}x${size}/apps COMPONENT workstation)
endforeach()
# The calendars and templates are compiled into the programs (Qt resources), as is the Chinese
# translation. The files are installed too: notices to import into stores made before them
# (`onewindowctl calendar import /usr/share/onewindow/calendars/2026.json`), templates as the
# starting point of a hall's own (resources/documents/README.md).
file(GLOB onewindow_deb_calendars ${PROJECT_SOURCE_DIR}/resources/calendars/*.json)
install(FILES ${onewindow_deb_calendars} ${PROJECT_SOURCE_DIR}/resources/calendars/PROVENANCE.md
        DESTINATION share/onewindow/calendars COMPONENT workstation)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/documents/
        DESTINATION share/onewindow/documents COMPONENT workstation)
install(FILES ${ONEWINDOW_DEB_DIR}/lintian/onewindow
        DESTINATION share/lintian/overrides COMPONENT workstation)

# --- onewindow-server: the server (app/server), its unit, nginx example, PostgreSQL setup ------
set(doc_srv share/doc/onewindow-server)
install(FILES ${ONEWINDOW_DEB_DIR}/copyright ${ONEWINDOW_DEB_OUT}/changelog.gz
              ${PROJECT_SOURCE_DIR}/docs/operations.md ${PROJECT_SOURCE_DIR}/docs/sync-protocol.md
        DESTINATION ${doc_srv} COMPONENT server)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/nginx/onewindow.conf
              ${PROJECT_SOURCE_DIR}/packaging/nginx/onewindow-proxy.conf
        DESTINATION ${doc_srv}/examples/nginx COMPONENT server)
install(FILES ${ONEWINDOW_DEB_OUT}/onewindow-server.8.gz
              ${ONEWINDOW_DEB_OUT}/onewindow-server-setup-postgresql.8.gz
        DESTINATION share/man/man8 COMPONENT server)
install(PROGRAMS ${ONEWINDOW_DEB_DIR}/server/onewindow-server-setup-postgresql
        DESTINATION sbin COMPONENT server)
# Outside the prefix: CPACK_SET_DESTDIR puts these under the package's root, not the machine's.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/systemd/onewindow-server.service
              "${PROJECT_SOURCE_DIR}/packaging/systemd/onewindow-server-due@.service"
              "${PROJECT_SOURCE_DIR}/packaging/systemd/onewindow-server-due@.timer"
        DESTINATION /lib/systemd/system COMPONENT server)
install(FILES ${ONEWINDOW_DEB_DIR}/server/server.env
        DESTINATION /etc/onewindow COMPONENT server)
install(FILES ${ONEWINDOW_DEB_DIR}/lintian/onewindow-server
        DESTINATION share/lintian/overrides COMPONENT server)

# --- CPack ------------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME onewindow)
set(CPACK_PACKAGE_VENDOR "OneWindow developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_PREFIX /usr) # with CPACK_SET_DESTDIR, this is the prefix packed
set(CPACK_SET_DESTDIR ON)
set(CPACK_WARN_ON_ABSOLUTE_INSTALL_DESTINATION OFF)
set(CPACK_OUTPUT_FILE_PREFIX ${PROJECT_BINARY_DIR}/packages)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL workstation server) # not onewindow-server-demo (component "demo")
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "OneWindow developers <packaging@onewindow.example.org>")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SOURCE onewindow)
# Each component's description starts with its own synopsis line. CPack would put the one
# summary of the project before it, unless that summary is CPack's default: so it is.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
# Library dependencies by their Debian 12 package names, from the binaries (dpkg-shlibdeps).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

set(CPACK_DEBIAN_WORKSTATION_PACKAGE_NAME onewindow)
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_SECTION misc)
# Loaded at run time, so shlibdeps cannot see them: Qt's SQLite driver (a plugin) and the font
# whose text stays in PDFs (README); recommended: Qt's own Chinese strings, CUPS's client.
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_DEPENDS "libqt6sql6-sqlite, fonts-wqy-microhei")
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_RECOMMENDS "qt6-translations-l10n, cups-client")
set(CPACK_DEBIAN_WORKSTATION_PACKAGE_SUGGESTS "onewindow-server")
set(CPACK_COMPONENT_WORKSTATION_DESCRIPTION
    "government service hall window workstation (一窗通办受理工作站)
The workstation of a comprehensive window in a Chinese government service
hall: take in any application, check its materials, accept it or issue one
notice of everything missing, print sealed certificates, and finish every case
inside its statutory and promised limits, counted in Chinese working days.

It keeps its own SQLite store, works offline and syncs with the hall's central
server (package onewindow-server). This package holds the window (onewindow)
and the command-line tool onewindowctl.")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME onewindow-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, libqt6sql6-psql, libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "postgresql")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "nginx-light | nginx")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${ONEWINDOW_DEB_DIR}/server/postinst ${ONEWINDOW_DEB_DIR}/server/prerm
    ${ONEWINDOW_DEB_DIR}/server/postrm ${ONEWINDOW_DEB_DIR}/server/conffiles)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "central server of a OneWindow service hall
onewindow-server keeps every hall's events and answers the windows'
workstations (package onewindow) over HTTP, on PostgreSQL or on one SQLite
file.

This package holds the server, its systemd unit (run as the system user
onewindow, not enabled until the database exists), the nginx site example
and onewindow-server-setup-postgresql, which creates the PostgreSQL role and
database.")

include(CPack)
