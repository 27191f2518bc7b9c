#pragma once

#include "core/CaseState.h"
#include "core/Error.h"
#include "core/Event.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace onewindow::core {

// The written documents of a case (domain.md, "Documents"). The key is what the document-printed
// event stores and what onewindowctl's `print KIND` takes.
enum class DocumentKind
{
    Receipt,     // 收件凭证
    Acceptance,  // 受理通知书 / 受理回执
    Notice,      // 一次性告知书
    Refusal,     // 不予受理决定书
    Extension,   // 延期告知书
    Suspension,  // 中止（除外时间）告知书
    Ready,       // 出件通知 / 领取签收单
    Supervision, // 督办单
    // 政府信息公开条例: the reply (Art. 36), the letter asking a third party (Art. 32), and the
    // processing fee's notice (国办函〔2020〕109号).
    DisclosureReply,  // 政府信息公开申请答复书
    ThirdPartyLetter, // 征求第三方意见函
    FeeNotice,        // 信息处理费收费通知书
    // 一件事一次办 (issue 20): the matter's papers, numbered and recorded on the part that
    // carries them (documents/MatterLetters.h); not among a single case's documents.
    MatterReceipt, // 一件事受理回执
    MatterNotice,  // 一件事一次性告知书
};

// A single case's documents (the matter's letters are not among them: isMatterLetter).
QList<DocumentKind> allDocumentKinds();
bool isMatterLetter(DocumentKind kind);
QString documentKindKey(DocumentKind kind);  // receipt, acceptance, notice, ...
QString documentKindName(DocumentKind kind); // 收件凭证, 受理通知书, ...
QString documentKindCode(DocumentKind kind); // SJ, SL, GZ, ... in document numbers
std::optional<DocumentKind> documentKindFromKey(const QString& key);
// The timeline's note when a preview was closed without printing (行政许可法 Art. 32: the
// certificate is written): whether the applicant got the document another way.
QString unprintedDocumentNote(DocumentKind kind, bool handedOverOtherwise);

// A document's number: unique per kind, hall and year, and partitioned by the device that took it
// so two windows working offline never give the same one: 620102-SL-2026-W07-00042.
QString formatDocumentNumber(const QString& hallCode, DocumentKind kind, int year,
                             const QString& deviceCode, qint64 sequence);

// The kinds the item's office issues as its own act (受理通知书, 一次性告知书, 不予受理决定书,
// 延期告知书, 中止告知书): they bear the office's 文号 and seal; the rest are the hall's.
bool issuedByOffice(DocumentKind kind);
// A 文号 (GB/T 9704-2012 7.2.4: 机关代字, the year in 〔〕, the sequence with no leading zero
// and 号): 城市监许〔2026〕7号.
QString formatOfficeNumber(const QString& docPrefix, int year, qint64 sequence);
// The counter key of an office's 文号 in the store's document counters: one sequence per 代字
// and year, whatever the kind.
QString officeNumberKey(const QString& docPrefix);

// The act a document evidences: the event it is written from (the acceptance for an acceptance
// notice, the latest one-time notice for a notice ...) and its civil date, which the document
// bears. A reprint is the same document: same source, same number.
struct DocumentSource
{
    QString eventId;
    int eventIndex = -1; // in the case's event list
    QDate date;
};

// Which act `kind` would evidence for this case, or why the kind does not fit the case (a refusal
// for an accepted case). `events` are the case's events in log order, `state` their fold.
Result<DocumentSource> documentSource(DocumentKind kind, const CaseState& state,
                                      const QList<Event>& events, const QTimeZone& zone);

// The number a document of `kind` written from `sourceEventId` was first printed under, if it
// was printed before (its document-printed event names the source). A first print whose output
// failed (a document-print-failed event names it) does not count: no paper bears its number.
std::optional<QString> printedNumber(const QList<Event>& events, DocumentKind kind,
                                     const QString& sourceEventId);
// Whether that document was printed before on `paper` ("a4", "80mm"; a print that records none
// was A4): only then is printing it again a reprint (补打). The 80 mm slip of a letter first
// printed on A4 bears the letter's number but is the slip's first print.
bool printedBefore(const QList<Event>& events, DocumentKind kind, const QString& sourceEventId,
                   const QString& paper);

// What a person is told when a print was recorded (number and document-printed event committed
// first) and its output then failed with `cause`; `notRecorded` when recording the failure failed
// too.
Error printFailed(DocumentKind kind, const QString& number, bool reprint, const Error& cause,
                  const std::optional<Error>& notRecorded = std::nullopt);

} // namespace onewindow::core
