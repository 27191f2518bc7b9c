#!/usr/bin/env bash
# Builds the two Debian packages from a configured and built tree (docs/packaging.md):
#   bash packaging/deb/build-packages.sh BUILD_DIR
# CPack installs what BUILD_DIR already holds (it builds nothing: CMAKE_SKIP_INSTALL_ALL_DEPENDENCY),
# strips the programs and asks dpkg-shlibdeps for the library packages. The .deb files are
# written to BUILD_DIR/packages, replacing the ones there.
set -euo pipefail
build=${1:?usage: build-packages.sh BUILD_DIR}
build=$(cd "$build" && pwd)
for program in app/onewindow app/ctl/onewindowctl app/server/onewindow-server; do
    if [ ! -x "$build/$program" ]; then
        echo "build-packages: $build/$program is not built (build the tree first)" >&2
        exit 1
    fi
done
rm -rf "$build/packages" "$build/_CPack_Packages"
cd "$build"
cpack -G DEB --config CPackConfig.cmake >"$build/packaging/cpack.log" 2>&1 || {
    cat "$build/packaging/cpack.log" >&2
    exit 1
}
ls -1 "$build"/packages/*.deb
