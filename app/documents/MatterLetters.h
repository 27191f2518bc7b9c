#pragma once

#include "core/CaseState.h"
#include "core/Error.h"
#include "core/MatterCase.h"
#include "documents/Document.h"
#include "documents/HallProfile.h"

#include <QDate>
#include <QList>
#include <QString>

namespace onewindow::documents {

// The two papers of a matter (一件事一次办, issue 20), on A4 under the matter's number: the receipt
// listing every part with its own case number, department, decision and query code, and the one
// one-time notice listing everything missing across the parts (a shared paper once, naming the
// parts that need it). They are Documents like every other letter: kept on one page by the same
// fitting, sealed with the hall's seal over its name, numbers never broken across lines, and
// numbered and recorded (document-printed) on the part that carries them (matterLetterHome).
enum class MatterLetterKind
{
    Receipt, // 一件事受理回执
    Notice,  // 一件事一次性告知书
};
QString matterLetterTitle(MatterLetterKind kind);
core::DocumentKind matterLetterDocumentKind(MatterLetterKind kind);

// The part whose case numbers and records a matter letter's print (its document-printed event):
// the receipt's is the first part, the notice's the first part waiting for correction. Index into
// `parts`; -1 when no part fits (no notice to print).
int matterLetterHome(MatterLetterKind kind, const QList<core::MatterPartCase>& parts);

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
    // Papers that case holds, taken again all the same (retakenFrom): named as submitted, with
    // the case that held them and why.
    struct RetakenPaper
    {
        QString name;
        QString caseNumber; // the case that held it
        QString reason;
        QStringList itemNames;
    };
    QList<RetakenPaper> retaken;
    QList<core::MergedCorrection> corrections; // the notice's
    int correctionDays = 5;
    QDate issuedOn;
    QString number;       // the document's number; empty: a draft, marked 样稿
    bool reprint = false; // printed before under the same number: marked 补打
};

// The letter of a matter from its parts as recorded: the applicant, the receipt day and window of
// the first part, each part's decision in words, and the merged notice's lines.
MatterLetter matterLetterFrom(const core::Matter& matter,
                              const QHash<QString, core::Matter>& matters,
                              const QString& matterNumber, const QList<core::MatterPartCase>& parts,
                              const QDate& promisedBy);

QString matterLetterHtml(MatterLetterKind kind, const MatterLetter& letter);
// The letter as a Document (A4): `hall` gives the seal (its image, or the dashed circle where it
// is stamped) and, when the letter names no hall, the issuer's name.
core::Result<Document> matterLetterDocument(MatterLetterKind kind, const MatterLetter& letter,
                                            const HallProfile& hall);
// The letter as a PDF at `path`, sealed as `hall` says (default: the built-in profile).
core::Status writeMatterLetterPdf(MatterLetterKind kind, const MatterLetter& letter,
                                  const QString& path, const HallProfile& hall = {});

} // namespace onewindow::documents
