#pragma once

#include "core/CaseState.h"
#include "core/Error.h"
#include "documents/DocumentRequest.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace onewindow::documents {

// The values a template's placeholders take for one document. Every kind fills the same keys for
// every case (empty where a case has nothing to say), so a template is checked against them.
struct DocumentFields
{
    QString title;                // as the print job and the PDF name it
    QHash<QString, QString> text; // escaped when filled
    QHash<QString, QString> raw;  // HTML fragments: tables, the QR code block, the seal block
    QByteArray qrPayload;         // empty: no QR code
    QList<core::Error> warnings;
    QString sealImage; // the issuer's own seal image (absolute path); empty: none

    QSet<QString> keys() const;
};

// Builds the fields of `request`'s document from the case as it stood at the act the document
// evidences (its events folded up to the source), so a reprint says what the first print said.
core::Result<DocumentFields> documentFields(const DocumentRequest& request);

namespace detail {

// Shared by the kinds' builders (DocumentFieldsKinds.cpp).
struct FieldBuilder
{
    const DocumentRequest& request;
    const core::ServiceItem& item;
    core::CaseState at; // the case as of the source act
    QList<core::CaseClock> clocks;
    const core::Event& source;
    DocumentFields fields;

    void text(const char* key, const QString& value);
    void raw(const char* key, const QString& html);
    // The person's name as printed, never a login: an actor without a recorded name is printed
    // as （姓名未登记） and the print warns (issue 15).
    QString staff(const QString& actorId);
    std::optional<core::ClockResult> clock(core::ClockKind kind) const;
    QString deadline(core::ClockKind kind) const; // 2026年10月22日, or empty
    bool provisional() const;                     // a deadline counted on a provisional year
    QString legalName() const; // 《中华人民共和国行政许可法》 or 条例
    bool disclosure() const;
    bool licence() const;      // the catalog types the item 行政许可 (not disclosure)
    QString you() const;       // 您 for a person, 贵单位 for an organisation
    bool byDepartment() const; // the kind is the deciding office's act, not the hall's
    QString body() const;      // 本机关 (the deciding office) or 本中心 (the hall)
    QString issuer() const;    // the body printed above the date
    QString signatureLine(const QString& who, bool idLine) const;
};

void receiptFields(FieldBuilder& b);
void acceptanceFields(FieldBuilder& b);
void noticeFields(FieldBuilder& b);
void refusalFields(FieldBuilder& b);
void extensionFields(FieldBuilder& b, const core::CaseState& before);
void suspensionFields(FieldBuilder& b, const core::CaseState& before);
void readyFields(FieldBuilder& b);
void supervisionFields(FieldBuilder& b);
// DocumentFieldsDisclosure.cpp (政府信息公开条例 Arts. 32, 36; 国办函〔2020〕109号).
void disclosureReplyFields(FieldBuilder& b);
void thirdPartyLetterFields(FieldBuilder& b);
void feeNoticeFields(FieldBuilder& b);

// HTML of a bordered table: a header row and rows of cells (escaped), first column centred.
QString gridTable(const QStringList& header, const QList<QStringList>& rows,
                  const QList<int>& widthsPercent);
// A limit as printed, in its unit: 当日, 20个工作日, 60日.
QString days(int n, core::DayUnit unit = core::DayUnit::WorkingDays);
// A string field of an event's payload, trimmed.
QString payloadText(const QJsonObject& o, const char* key);
// The deadline of `kind` among `clocks`, as printed (with the provisional mark), or empty.
QString deadlineOf(const QList<core::CaseClock>& clocks, core::ClockKind kind);

// "2026年9月24日之前（含当日）": the last day counts, said so (issue 15).
QString byDay(const QString& date);
// A date with its provisional mark when it was counted on a provisional calendar year.
QString markedDate(const std::optional<core::ClockResult>& clock);
// A phrase as typed, without a trailing 。；， so a sentence can go on after it.
QString clause(const QString& typed);

// A two-column list of label / value pairs, two pairs a row.
QString factsTable(const QList<std::pair<QString, QString>>& facts);

} // namespace detail

} // namespace onewindow::documents
