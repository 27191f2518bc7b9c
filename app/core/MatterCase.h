#pragma once

#include "core/CaseNumber.h"
#include "core/CaseState.h"
#include "core/DeadlineClock.h"
#include "core/Error.h"
#include "core/Matter.h"
#include "core/WorkingCalendar.h"

#include <QDate>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace onewindow::core {

// A matter case (一件事一次办, issue 20): one application whose parts are ordinary cases, one per
// item that applies. Each part's received event names the matter (MatterLink): its code, the
// version it was received under and the matter's number. The number is the first part's case
// number with "-J" (件) after it, e.g. 620102-20261206-W07-0042-J beside the parts'
// 620102-20261206-W07-0042, -0043 ...: unique wherever the first part's number is, without a
// network.

QString matterNumber(const CaseNumber& firstPart);
// Reads a matter's number back; anything else is refused with a Chinese message
// (matter.bad_number).
Result<CaseNumber> parseMatterNumber(const QString& text);

// The "matter" object of a received event: code, version >= 1, and a matter number (code
// case.matter when not).
Status checkMatterLink(const QJsonValue& value);
std::optional<MatterLink> matterLinkFrom(const QJsonValue& value);

// One row of the merged materials checklist: a paper the applicant hands in once, with every
// material code of the parts' items it stands for.
struct ChecklistRow
{
    QString name;
    QStringList materialCodes; // one per item that asks for it, in the parts' order
    QStringList itemCodes;     // parallel to materialCodes
    QStringList itemNames;     // parallel to materialCodes
    Requirement requirement = Requirement::Required; // the strongest of the items'
    QString condition;                               // when every item's is conditional
    MaterialForm form = MaterialForm::Original;      // the first item's
    int copies = 1;                                  // the most any item asks for
    bool shared = false;                             // a shared material of the matter
    QString heldBy; // the case number of the joined case holding it already (heldByJoinedCase)
};

// 一件事: shared materials once. The checklist of the items that apply (`parts`, in the matter's
// order): every shared material of the matter (and its sub-matters) whose items apply is one row
// naming each of them; every other material is its own row, in the order its item lists it.
QList<ChecklistRow> mergedChecklist(const Matter& matter, const QHash<QString, Matter>& matters,
                                    const QList<ServiceItem>& parts);

// 一件事 started from a case taken in alone (case.matter_joined): the papers that case already
// holds are not asked for again. What makes two items' materials the same paper is the matter's
// shared-material rule (Matter::shared, the catalog's "shared": one paper, a material code of each
// item that asks for it), never a likeness of names. A material of another part counts as received
// when a shared material of the matter (or of its sub-matters) names both it and a material of
// the joined case's item that the case recorded as handed in (已提交) and the case was accepted
// (its papers checked); an unaccepted case holds nothing yet. Returns the joined case's number
// when it holds `materialCode`, else an empty string.
QString heldByJoinedCase(const Matter& matter, const QHash<QString, Matter>& matters,
                         const CaseState& joined, const QString& materialCode);
// The checklist's shared rows the joined case holds, marked with its number (heldBy).
void markHeldByJoinedCase(QList<ChecklistRow>& rows, const Matter& matter,
                          const QHash<QString, Matter>& matters, const CaseState& joined);

// A part's own checklist from the rows' states: each of its materials takes the state, problem
// and due date of the row that holds it (`checks` parallel to `rows`).
QList<MaterialCheck> partMaterials(const QList<ChecklistRow>& rows,
                                   const QList<MaterialCheck>& checks, const ServiceItem& item);

// One line of the one-time notice across a matter's parts: a paper missing or defective, told
// once however many parts need it.
struct MergedCorrection
{
    QString name;
    QString problem;
    QString requirement;     // the standard it must meet (the first part's)
    QStringList itemNames;   // the parts that need it
    QStringList caseNumbers; // parallel to itemNames
};

// One part as the matter sees it: its item (the version received under) and its case.
struct MatterPartCase
{
    ServiceItem item;
    CaseState state;
};

// 行政许可法 Art. 32 for a whole matter: one notice of everything missing across the parts. The
// latest notice of every part waiting for correction, a shared paper told once with every part
// that needs it, the rest in the parts' order.
QList<MergedCorrection> mergedNotice(const Matter& matter, const QHash<QString, Matter>& matters,
                                     const QList<MatterPartCase>& parts);

// The day a part was finished: decided (办结), refused, withdrawn or closed as abandoned; unset
// while it is still being handled.
std::optional<QDate> partFinishedOn(const CaseState& part);

// The matter as its parts make it: done when its last part is, and the matter's own promised
// clock: `promisedDays` working days from the matter's intake (the first receipt, or the day a case
// taken in alone joined it; 行政许可法 Art. 82), stopped
// on the day the last part was finished.
struct MatterProgress
{
    QDate received;
    int parts = 0;
    int finished = 0;
    bool done = false;
    std::optional<QDate> doneOn;
    ClockResult clock;
};
Result<MatterProgress> matterProgress(const WorkingCalendar& calendar, int promisedDays,
                                      const QList<CaseState>& parts, const QDate& asOf);

} // namespace onewindow::core
