#pragma once

#include "store/CaseStore.h"

#include <QString>

// Decision 11: the working set's two digests, each computed twice in this process after the
// bench's sync: streamed as the window and the server now do (HallDigestBuilder), and read whole
// into one list as both did before (core::hallDigest over every event), with this process's peak
// memory (VmHWM) reset before each, so the old way and the new stand side by side.
void compareSetDigests(const QString& central, const QString& hallCode, qint64 at,
                       onewindow::store::CaseStore& window);

// This process's peak resident memory (VmHWM), in kB; -1 when unknown.
qint64 peakRssKb(qint64 pid = 0);
