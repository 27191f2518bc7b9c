#pragma once

#include "documents/Document.h"
#include "support/HallFixture.h"

#include <QString>
#include <QStringList>

namespace onewindow::test {

// The hall of the document tests: named bodies for remedies, a phone and an address.
documents::HallProfile testHall();

// A hall (HallFixture: 620102, window W07, an item with statutory 20 and promised 10 working
// days, now 2026-09-18 10:00) with cases brought to each state a document needs.
struct DocumentFixture : HallFixture
{
    QString receive(bool shortMaterials = false, const QString& name = QStringLiteral("张三"));
    bool organisation = false; // receive() takes in an organisation's application
    QString accepted();        // received and accepted on 2026-09-18
    QString noticed();         // received 2026-09-18 with one defective and one missing material
    QString refused();         // not competent, 2026-09-18
    QString extended();        // accepted, +10 statutory days approved on 2026-10-13
    QString suspended();       // accepted, suspended for inspection on 2026-09-28
    QString ready();           // accepted, decided and ready on 2026-09-30
    QString supervised();      // accepted, a supervision order on 2026-10-19
    // A disclosure application (政府信息公开申请, imported on first use) received and accepted on
    // 2026-09-18; consulted: a third party asked on 2026-09-22; replied: it objected on
    // 2026-10-09 and the reply of three requests came on 2026-10-12; feeNoticed: a fee by volume
    // (120 pages, 1100 元) noticed on 2026-09-21.
    QString disclosure();
    QString consulted();
    QString replied();
    QString feeNoticed();
    QString caseOf(core::DocumentKind kind);

    struct Printed
    {
        QString number;
        bool reprint = false;
        QString pdf;
        QString text; // pdftotext of the PDF
        QList<core::Error> warnings;
        // The warnings about offices: a seal or 机关代字 not configured (hall.office_seal_missing,
        // hall.doc_prefix_missing), a refusal's competent office not checked against the catalog
        // (refusal.office_*); kept apart so the others are checked on their own.
        QList<core::Error> officeWarnings;
        QByteArray qrPayload;
        QString templateOrigin;
    };
    // Prints through CaseStore::recordPrint (number and event in one action) into a PDF.
    Printed print(const QString& caseId, core::DocumentKind kind,
                  documents::PageFormat format = documents::PageFormat::A4,
                  const documents::HallProfile& hall = testHall());

    void append(const QString& caseId, core::EventType type, const QJsonObject& payload,
                const QString& actor = QStringLiteral("clerk-1"));
    int pdfCount = 0;
    // The names print() passes: actor id -> the person's name.
    QHash<QString, QString> staff{{QStringLiteral("clerk-1"), QStringLiteral("李娜")},
                                  {QStringLiteral("clerk-2"), QStringLiteral("赵敏")},
                                  {QStringLiteral("supervisor-1"), QStringLiteral("王强")}};
};

// Tools the checks use (poppler-utils, zbar-tools).
QString pdfText(const QString& pdf, bool layout = false);     // pdftotext, UTF-8
QString compact(const QString& text);                         // without any white space
QString renderPng(const QString& pdf, int dpi, int page = 1); // pdftoppm -png; the PNG's path
QString decodeQr(const QString& png);                         // zbarimg --raw
int pdfPageCount(const QString& pdf);
QString pdfPageSize(const QString& pdf); // "595.276 x 841.89 pts (A4)"
int pdfImageCount(const QString& pdf);   // pdfimages -list rows
QString runTool(const QString& program, const QStringList& args, int* exitCode = nullptr);

} // namespace onewindow::test
