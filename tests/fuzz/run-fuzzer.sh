#!/usr/bin/env bash
# One short fuzzing run, as ctest runs it:  run-fuzzer.sh FUZZER CORPUS WORK SECONDS
# Replays every input of CORPUS (the seeds and the reproducers kept in the tree), then mutates
# for SECONDS. New inputs go to WORK/new, a crash, leak or hang to WORK/ (crash-*, leak-*,
# timeout-*): the source tree is never written. Exit status non-zero on any finding.
set -euo pipefail
fuzzer=$1 corpus=$2 work=$3 seconds=$4
mkdir -p "$work/new"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# -timeout: one input taking longer is a hang (ASan and UBSan make everything ~3x slower).
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/" "$work/new" "$corpus"
