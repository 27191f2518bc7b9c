#pragma once

#include "core/MatterCase.h"
#include "core/MatterFigures.h"
#include "store/CaseStore.h"

namespace onewindow::store {

// A matter as recorded (一件事, issue 20): its catalog version, every part (item version and
// folded case) in the order received, and its progress and promised clock as of `today`.
struct LoadedMatter
{
    QString number;
    core::Matter matter;
    int version = 0;
    QHash<QString, core::Matter> matters; // the current ones, for sub-matters
    QList<core::MatterPartCase> parts;
    core::MatterProgress progress;
};

// Refused with a Chinese message when the number is not a matter's (matter.bad_number) or no
// case of this store belongs to it (matter.unknown).
Result<LoadedMatter> loadMatter(CaseStore& cases, const QString& matterNumber, const QDate& today);

// Every matter of this store not done as of `today`, in number order (the intake day leads): the
// supervisor's board of matters. Only matters with an open part are folded.
Result<QList<LoadedMatter>> loadOpenMatters(CaseStore& cases, const QDate& today);

// The figures of matters in [from, to] (core/MatterFigures.h), by matter and by department. Only
// the matters with a part received or finished in the period are folded.
Result<core::MatterFigureTable> matterFigures(CaseStore& cases, const QDate& from, const QDate& to,
                                              const QDate& today);

} // namespace onewindow::store
