#!/usr/bin/env bash
# Renders onewindow.svg into the hicolor PNG sizes the workstation's package installs
# (rsvg-convert: Debian package librsvg2-bin). The PNGs are committed, so building the
# package needs no SVG renderer; run this after changing the SVG.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for size in 16 24 32 48 64 128 256; do
    mkdir -p "$here/hicolor/${size}x${size}"
    rsvg-convert --width "$size" --height "$size" "$here/onewindow.svg" \
        --output "$here/hicolor/${size}x${size}/onewindow.png"
done
