#pragma once

#include "core/CaseState.h"
#include "core/Error.h"
#include "core/MatterCase.h"

#include <QDate>
#include <QList>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace onewindow::documents {

// The two papers of a matter (一件事一次办, issue 20), on A4 under the matter's number: the receipt
// listing every part with its own case number, department, decision and query code, and the one
// one-time notice listing everything missing across the parts (a shared paper once, naming the
// parts that need it).
enum class MatterLetterKind
{
    Receipt, // 一件事受理回执
    Notice,  // 一件事一次性告知书
};
QString matterLetterTitle(MatterLetterKind kind);

struct MatterLetter
{
    QString hallName;
    QString matterNumber; // 620102-20261206-W07-0042-J
    QString matterName;
    core::Applicant applicant;
    QDate receivedOn;
    QDate promisedBy; // the matter's own promised clock
    QString windowCode;
    struct Part
    {
        QString itemName;
        QString department;
        QString caseNumber;
        QString queryCode;
        QString decision; // 受理, 一次性告知, 不予受理
    };
    QList<Part> parts;
    // 一件事 started from a case: the shared papers that case's acceptance holds, not handed in
    // again (core::heldByJoinedCase), each with the parts that count it as received.
    struct HeldPaper
    {
        QString name;
        QString caseNumber; // the case that holds it
        QStringList itemNames;
    };
    QList<HeldPaper> held;
    QList<core::MergedCorrection> corrections; // the notice's
    int correctionDays = 5;
    QDate issuedOn;
};

// The letter of a matter from its parts as recorded: the applicant, the receipt day and window of
// the first part, each part's decision in words, and the merged notice's lines.
MatterLetter matterLetterFrom(const core::Matter& matter,
                              const QHash<QString, core::Matter>& matters,
                              const QString& matterNumber, const QList<core::MatterPartCase>& parts,
                              const QDate& promisedBy);

QString matterLetterHtml(MatterLetterKind kind, const MatterLetter& letter);
std::unique_ptr<QTextDocument> matterLetterDocument(MatterLetterKind kind,
                                                    const MatterLetter& letter);
// Paints the letter on `device` (a printer or a PDF writer), A4 portrait, pages numbered.
core::Status paintMatterLetter(MatterLetterKind kind, const MatterLetter& letter,
                               QPagedPaintDevice& device);
core::Status writeMatterLetterPdf(MatterLetterKind kind, const MatterLetter& letter,
                                  const QString& path);

} // namespace onewindow::documents
