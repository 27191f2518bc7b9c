#!/usr/bin/env bash
# The README's two commands:
#   bash packaging/dev.sh run [APP OPTIONS]   install what is missing, build, start the app
#   bash packaging/dev.sh test                install what is missing, build, run every test
#                                             and a short run of every fuzz target
# and, for developers:
#   bash packaging/dev.sh bench               build and run the benchmark programs
#   bash packaging/dev.sh package             build the Debian packages onewindow and
#                                             onewindow-server into build/PRESET/packages
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
command=${1:-}
shift || true

case "$command" in
    run | test | bench | package) ;;
    *)
        echo "usage: bash packaging/dev.sh run|test|bench|package" >&2
        exit 2
        ;;
esac

bash packaging/install-deps.sh
preset=dev
[ "${CI:-}" = "true" ] && preset=ci
cmake --preset "$preset"
if [ "$command" = package ]; then
    # Only the three programs the packages hold (and what they need), then CPack over them.
    cmake --build --preset "$preset" --parallel "$(nproc)" \
        --target onewindow onewindowctl onewindow-server
    exec bash packaging/deb/build-packages.sh "build/$preset"
fi
cmake --build --preset "$preset" --parallel "$(nproc)"

case "$command" in
    run)
        exec "build/$preset/app/onewindow" "$@"
        ;;
    test)
        bash packaging/cups-pdf-queue.sh # the CUPS queues documents_cups prints to
        ctest --preset "$preset" --parallel "$(nproc)"
        # A short run of every fuzz target on its corpus (tests/fuzz): its own build, clang-14
        # with ASan + UBSan, only the fuzz targets and the libraries they need.
        cmake --preset fuzz
        cmake --build --preset fuzz --parallel "$(nproc)"
        ctest --preset fuzz --parallel "$(nproc)"
        ;;
    bench)
        for b in "build/$preset"/tests/bench/bench_*; do
            [ -x "$b" ] || continue
            echo "== $(basename "$b")"
            # bench_ui drives the real window: offscreen unless a display is asked for. A bench
            # without its big store says so and the others still run.
            QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" "$b" || echo "(exit status $?)"
        done
        ;;
esac
