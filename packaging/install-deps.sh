#!/usr/bin/env bash
# Installs every Debian 12 package that building, running and testing OneWindow needs,
# skipping what is installed already. Safe to run again.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libsqlite3-dev libgl-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    # pinyin initials are generated from Unicode's Unihan readings at build time
    unicode-data libbz2-dev
    # the lunar dates of the statutory holidays of a provisional year: ICU's Chinese calendar
    libicu-dev
    # passwords are hashed with Argon2id
    libsodium-dev
    # printed documents: QR codes (Qt print support comes with qt6-base-dev)
    libqrencode-dev
    # figures: XLSX export and the charts beside the tables (QtCharts needs the Qt OpenGL CMake files)
    libxlsxwriter-dev qt6-charts-dev libqt6opengl6-dev
    # tests and checks
    catch2 clang-format xvfb xauth
    # the fuzz targets (tests/fuzz, preset "fuzz"): clang with libFuzzer, ASan and UBSan
    # (libclang-rt-14-dev holds libclang_rt.fuzzer and the sanitizer runtimes)
    clang-14 libclang-rt-14-dev
    # document tests: PDF text and pages, QR decoding, printing through real CUPS queues
    poppler-utils zbar-tools unzip cups cups-bsd printer-driver-cups-pdf
    # run time: a Chinese font that keeps its text in PDFs (see README)
    fonts-wqy-microhei
    # the central server (issue 17): HTTP (Qt HttpServer needs Qt WebSockets), PostgreSQL and its
    # Qt driver (the test suite runs a real cluster), nginx in front of it in production
    qt6-httpserver-dev qt6-websockets-dev libqt6sql6-psql postgresql-15 nginx-light
    # the TLS test makes its certificate with openssl
    openssl
    # the Debian packages (issue 21, docs/packaging.md): CPack's DEB generator with dpkg-shlibdeps,
    # lintian, AppStream and desktop-entry validation; the install test asks /healthz with curl
    dpkg-dev fakeroot lintian appstream desktop-file-utils curl
    # clerks work in zh_CN.UTF-8: the widget and print tests run in it (generated below)
    locales
)

# The zh_CN.UTF-8 locale, generated once (a fresh Debian has only C and POSIX).
have_zh_cn() { locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; }
ensure_zh_cn() {
    have_zh_cn && return 0
    echo "install-deps: generating the zh_CN.UTF-8 locale"
    $sudo sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
    $sudo locale-gen
}

missing=()
for p in "${packages[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
        missing+=("$p")
    fi
done

sudo=""
if [ "$(id -u)" -ne 0 ] && { [ ${#missing[@]} -gt 0 ] || ! have_zh_cn; }; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "install-deps: not root and no sudo; missing: ${missing[*]:-none}, zh_CN.UTF-8 locale: $(have_zh_cn && echo present || echo missing)" >&2
        exit 1
    fi
    sudo="sudo"
fi

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages are installed"
    ensure_zh_cn
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
ensure_zh_cn
