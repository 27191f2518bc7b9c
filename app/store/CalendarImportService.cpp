#include "store/CalendarImportService.h"

#include "store/MasterDataGuard.h"

#include "input/InputFile.h"

#include <QFile>
#include <QFileInfo>

namespace onewindow::store {

QStringList CalendarImportOutcome::doneLines() const
{
    QStringList lines;
    for (const core::HolidayNotice& n : plan.toStore)
        lines.append(core::describeImported(n));
    lines.append(plan.notes);
    if (imported && casesRecomputed > 0)
        lines.append(
            QStringLiteral("已按新日历重算 %1 件在办件的期限，各件办理记录中已注明原期限和新期限")
                .arg(casesRecomputed));
    else if (imported && casesChecked > 0)
        lines.append(QStringLiteral("已按新日历重新核对 %1 件办件的期限：届满日均未变动，"
                                    "涉及该年的期限不再标为临时")
                         .arg(casesChecked));
    return lines;
}

CalendarImportOutcome importCalendarFiles(CaseStore& cases, const QStringList& paths)
{
    CalendarImportOutcome outcome;
    // Decision 8: an enrolled window takes the hall's calendar from its server only.
    if (Status refused = refuseIfHallAuthored(cases.store(), core::sync::MasterKind::Calendar);
        !refused) {
        outcome.plan.errors.append(refused.error());
        return outcome;
    }
    QList<core::CalendarFile> files;
    QList<core::Error> readErrors;
    for (const QString& path : paths) {
        auto bytes = input::readInputFile(path, core::InputKind::CalendarNotice);
        if (!bytes) {
            readErrors.append(bytes.error());
            continue;
        }
        files.append({QFileInfo(path).fileName(), *bytes});
    }
    outcome.plan = core::planCalendarImport(files, cases.calendar());
    outcome.plan.errors = readErrors + outcome.plan.errors;
    if (paths.isEmpty())
        outcome.plan.errors.append(
            {QStringLiteral("calendar.no_files"), QStringLiteral("请选择至少一个日历文件")});
    if (!outcome.plan.ok())
        return outcome;
    auto recomputed = cases.importCalendar(outcome.plan.toStore, &outcome.casesChecked);
    if (!recomputed) {
        outcome.plan.errors.append(recomputed.error());
        return outcome;
    }
    outcome.casesRecomputed = *recomputed;
    outcome.imported = true;
    return outcome;
}

} // namespace onewindow::store
