#!/usr/bin/env bash
# The README's two commands:
#   bash packaging/dev.sh run [APP OPTIONS]   install what is missing, build, start the app
#   bash packaging/dev.sh test                install what is missing, build, run every test
#                                             and a short run of every fuzz target
# and, for developers:
#   bash packaging/dev.sh bench               build and run the benchmark programs
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
command=${1:-}
shift || true

case "$command" in
    run | test | bench) ;;
    *)
        echo "usage: bash packaging/dev.sh run|test|bench" >&2
        exit 2
        ;;
esac

bash packaging/install-deps.sh
preset=dev
[ "${CI:-}" = "true" ] && preset=ci
cmake --preset "$preset"
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
