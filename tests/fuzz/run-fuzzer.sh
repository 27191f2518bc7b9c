#!/usr/bin/env bash
# One short fuzzing run, as ctest runs it:  run-fuzzer.sh FUZZER CORPUS WORK SECONDS
# Replays every input of CORPUS (the seeds and the reproducers kept in the tree), then mutates
# for SECONDS. New inputs go to WORK/new, a crash, leak or hang to WORK/ (crash-*, leak-*,
# timeout-*): the source tree is never written. Exit status non-zero on any finding.
# A finding ends the output with what broke and the input itself (base64), so that a CI log that
# keeps only its last lines still holds the reproducer: `base64 -d > tests/fuzz/corpus/T/name`.
set -euo pipefail
fuzzer=$1 corpus=$2 work=$3 seconds=$4
mkdir -p "$work/new"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
log="$work/last-run.log"
: > "$work/run-started" # a reproducer newer than this mark is this run's
status=0
# -timeout: one input taking longer is a hang (ASan and UBSan make everything ~3x slower).
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/" "$work/new" "$corpus" > "$log" 2>&1 || status=$?
cat "$log"
if [ "$status" -ne 0 ]; then
    echo "=== $(basename "$fuzzer") found something (exit $status); what broke:"
    grep -E -A1 "^fuzz: |ERROR: |SUMMARY: |runtime error: " "$log" | head -n 20 || true
    find "$work" -maxdepth 1 -type f -newer "$work/run-started" \( -name 'crash-*' -o -name 'leak-*' \
        -o -name 'timeout-*' -o -name 'oom-*' \) | while read -r artifact; do
        echo "=== reproducer $(basename "$artifact") ($(stat -c %s "$artifact") bytes), base64:"
        base64 -w 100 "$artifact" | head -c 6000
        echo
    done
fi
exit "$status"
