#!/usr/bin/env bash
# Sets up the CUPS print queues the tests print to (documents_cups), starting cupsd if it is not
# running. Safe to run again. Needs root (or sudo), as CI has; fails when a queue cannot be made.
#
#   OneWindowPDF      keeps each job's PDF exactly as Qt's print engine sent it through CUPS
#                     (a raw queue with the small backend packaging/cups/onewindow-pdf), in
#                     /var/spool/onewindow-pdf/JOB-TITLE.pdf: the test reads its text back.
#   OneWindowCupsPDF  Debian's virtual PDF printer (printer-driver-cups-pdf), output in
#                     /var/spool/onewindow-pdf/cups-pdf/. It converts jobs through PostScript and
#                     ghostscript, which keeps the page but not the text of CJK fonts, so the test
#                     checks its page size and QR code instead.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
spool=/var/spool/onewindow-pdf
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "cups-pdf-queue: root or sudo is needed to set up the CUPS test queues" >&2
        exit 1
    fi
    sudo="sudo"
fi

for tool in cupsd lpadmin lpstat; do
    command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || {
        echo "cups-pdf-queue: $tool is missing (packaging/install-deps.sh installs cups)" >&2
        exit 1
    }
done

running() { LC_ALL=C lpstat -r 2>/dev/null | grep -q "scheduler is running"; }

# cupsd: started here when nothing answers (containers and CI have no init system running it).
if ! running; then
    $sudo install -d -m 0755 -g lp /run/cups
    $sudo /usr/sbin/cupsd
    for _ in $(seq 1 50); do
        running && break
        sleep 0.2
    done
fi
running || {
    echo "cups-pdf-queue: cupsd is not running and could not be started" >&2
    exit 1
}

$sudo install -d -m 1777 "$spool"
$sudo install -d -m 0755 "$spool/cups-pdf"
$sudo install -m 0755 "$root/packaging/cups/onewindow-pdf" /usr/lib/cups/backend/onewindow-pdf

# Raw queues are deprecated in CUPS 2.4 but still pass a job's file through untouched.
$sudo lpadmin -p OneWindowPDF -E -v onewindow-pdf:/ -m raw \
    -D "OneWindow PDF (test queue: jobs kept as sent)" 2>/dev/null

ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
if [ -f "$ppd" ]; then
    # cups-pdf reads /etc/cups/cups-pdf-QUEUE.conf for a device URI cups-pdf:/QUEUE.
    printf '%s\n' "Out $spool/cups-pdf" "AnonDirName $spool/cups-pdf" "UserUMask 0022" \
        "AnonUMask 0022" "Label 0" | $sudo tee /etc/cups/cups-pdf-OneWindowCupsPDF.conf >/dev/null
    $sudo lpadmin -p OneWindowCupsPDF -E -v cups-pdf:/OneWindowCupsPDF -P "$ppd" \
        -D "OneWindow via cups-pdf" 2>/dev/null
else
    echo "cups-pdf-queue: $ppd is missing (packaging/install-deps.sh installs printer-driver-cups-pdf)" >&2
    exit 1
fi

for queue in OneWindowPDF OneWindowCupsPDF; do
    $sudo cupsenable "$queue" 2>/dev/null || true
    $sudo cupsaccept "$queue" 2>/dev/null || true
    lpstat -p "$queue" >/dev/null 2>&1 || {
        echo "cups-pdf-queue: the queue $queue could not be made" >&2
        exit 1
    }
done
echo "cups-pdf-queue: OneWindowPDF and OneWindowCupsPDF are ready (output in $spool)"
