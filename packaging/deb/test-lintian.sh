#!/usr/bin/env bash
# ctest package_lintian: lintian over both packages must report no error and no warning (each
# warning is fixed or overridden with its reason in packaging/deb/lintian/PACKAGE); the
# workstation's AppStream metadata and desktop entry must validate. Fails, never skips, when a
# tool is missing (packaging/install-deps.sh installs them).
set -euo pipefail
packages=${1:?usage: test-lintian.sh PACKAGES_DIR}
fail() {
    echo "package_lintian: $*" >&2
    exit 1
}
for tool in lintian appstreamcli desktop-file-validate dpkg-deb; do
    command -v "$tool" >/dev/null || fail "$tool is missing: run bash packaging/install-deps.sh"
done
debs=("$packages"/onewindow_*.deb "$packages"/onewindow-server_*.deb)
for deb in "${debs[@]}"; do
    [ -f "$deb" ] || fail "no package $deb (package_build makes them)"
done

# Errors and warnings fail; info tags are shown. Overrides used are listed.
lintian --fail-on error,warning --display-info --show-overrides --tag-display-limit 0 "${debs[@]}" ||
    fail "lintian found errors or warnings (above)"

unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$packages"/onewindow_*.deb "$unpacked"
appstreamcli validate --no-net --explain \
    "$unpacked/usr/share/metainfo/org.onewindow.OneWindow.metainfo.xml" ||
    fail "the AppStream metadata does not validate"
desktop-file-validate "$unpacked/usr/share/applications/org.onewindow.OneWindow.desktop" ||
    fail "the desktop entry does not validate"
grep -qx 'Name=一窗通办受理工作站' "$unpacked/usr/share/applications/org.onewindow.OneWindow.desktop" ||
    fail "the desktop entry lacks the Chinese name"
echo "package_lintian: both packages are clean"
