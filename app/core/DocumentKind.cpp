#include "core/DocumentKind.h"

#include "core/CaseFold.h"
#include "core/EnumTable.h"

#include <QSet>

namespace onewindow::core {

namespace {

constexpr std::array<Named<DocumentKind>, 13> kKinds{{
    {DocumentKind::Receipt, u"receipt", u"收件凭证"},
    {DocumentKind::Acceptance, u"acceptance", u"受理通知书"},
    {DocumentKind::Notice, u"notice", u"一次性告知书"},
    {DocumentKind::Refusal, u"refusal", u"不予受理决定书"},
    {DocumentKind::Extension, u"extension", u"延期告知书"},
    {DocumentKind::Suspension, u"suspension", u"中止（除外时间）告知书"},
    {DocumentKind::Ready, u"ready", u"出件通知"},
    {DocumentKind::Supervision, u"supervision", u"督办单"},
    {DocumentKind::DisclosureReply, u"disclosure_reply", u"政府信息公开申请答复书"},
    {DocumentKind::ThirdPartyLetter, u"third_party_letter", u"征求第三方意见函"},
    {DocumentKind::FeeNotice, u"fee_notice", u"信息处理费收费通知书"},
    {DocumentKind::MatterReceipt, u"matter_receipt", u"一件事受理回执"},
    {DocumentKind::MatterNotice, u"matter_notice", u"一件事一次性告知书"},
}};

constexpr std::array<Named<DocumentKind>, 13> kCodes{{
    {DocumentKind::Receipt, u"SJ", u""},
    {DocumentKind::Acceptance, u"SL", u""},
    {DocumentKind::Notice, u"GZ", u""},
    {DocumentKind::Refusal, u"BY", u""},
    {DocumentKind::Extension, u"YQ", u""},
    {DocumentKind::Suspension, u"ZZ", u""},
    {DocumentKind::Ready, u"CJ", u""},
    {DocumentKind::Supervision, u"DB", u""},
    {DocumentKind::DisclosureReply, u"DF", u""},
    {DocumentKind::ThirdPartyLetter, u"ZQ", u""},
    {DocumentKind::FeeNotice, u"SF", u""},
    {DocumentKind::MatterReceipt, u"YH", u""},
    {DocumentKind::MatterNotice, u"YG", u""},
}};

Error doesNotFit(DocumentKind kind, const CaseState& state, const QString& why)
{
    return Error{
        QStringLiteral("document.kind_not_fit"),
        QStringLiteral("办件 %1 %2（当前状态：%3），不能出具%4")
            .arg(state.caseNumber, why, caseStatusName(state.status), documentKindName(kind))};
}

// The last event of `type` that the fold took (a rejected one evidences nothing).
int lastOf(const QList<Event>& events, const QSet<QString>& rejected,
           std::initializer_list<EventType> types)
{
    for (int i = static_cast<int>(events.size()) - 1; i >= 0; --i) {
        const Event& e = events.at(i);
        if (std::find(types.begin(), types.end(), e.type) != types.end() &&
            !rejected.contains(e.eventId))
            return i;
    }
    return -1;
}

} // namespace

QList<DocumentKind> allDocumentKinds()
{
    QList<DocumentKind> out;
    for (const auto& k : kKinds)
        if (!isMatterLetter(k.value))
            out.append(k.value);
    return out;
}

bool isMatterLetter(DocumentKind kind)
{
    return kind == DocumentKind::MatterReceipt || kind == DocumentKind::MatterNotice;
}

QString documentKindKey(DocumentKind kind)
{
    return keyOf(kKinds, kind);
}

QString documentKindName(DocumentKind kind)
{
    return nameOf(kKinds, kind);
}

QString documentKindCode(DocumentKind kind)
{
    return keyOf(kCodes, kind);
}

std::optional<DocumentKind> documentKindFromKey(const QString& key)
{
    return fromKey(kKinds, key);
}

QString formatDocumentNumber(const QString& hallCode, DocumentKind kind, int year,
                             const QString& deviceCode, qint64 sequence)
{
    return QStringLiteral("%1-%2-%3-%4-%5")
        .arg(hallCode, documentKindCode(kind))
        .arg(year)
        .arg(deviceCode)
        .arg(sequence, 5, 10, QLatin1Char('0'));
}

bool issuedByOffice(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Acceptance:
    case DocumentKind::Notice:
    case DocumentKind::Refusal:
    case DocumentKind::Extension:
    case DocumentKind::Suspension:
    case DocumentKind::DisclosureReply:
    case DocumentKind::ThirdPartyLetter:
    case DocumentKind::FeeNotice:
        return true;
    default:
        return false;
    }
}

QString formatOfficeNumber(const QString& docPrefix, int year, qint64 sequence)
{
    return QStringLiteral("%1〔%2〕%3号").arg(docPrefix).arg(year).arg(sequence);
}

QString officeNumberKey(const QString& docPrefix)
{
    return QStringLiteral("office:") + docPrefix;
}

Result<DocumentSource> documentSource(DocumentKind kind, const CaseState& state,
                                      const QList<Event>& events, const QTimeZone& zone)
{
    QSet<QString> rejected;
    for (const RejectedEvent& r : state.rejected)
        rejected.insert(r.eventId);
    int index = -1;
    switch (kind) {
    case DocumentKind::Receipt:
    case DocumentKind::MatterReceipt: // the matter's intake, received with this part
        index = lastOf(events, rejected, {EventType::Received});
        break;
    case DocumentKind::Acceptance:
        // 行政许可法 Art. 32: acceptance is evidenced in writing; a deemed acceptance too.
        if (state.status == CaseStatus::Refused || !state.timeline.accepted)
            return doesNotFit(kind, state, QStringLiteral("未受理"));
        index = lastOf(events, rejected, {EventType::Accepted, EventType::DeemedAccepted});
        break;
    case DocumentKind::Notice:
    case DocumentKind::MatterNotice: // 行政许可法 Art. 32, told once across the matter
        if (state.notices.isEmpty())
            return doesNotFit(kind, state, QStringLiteral("未作过一次性告知"));
        index = lastOf(events, rejected, {EventType::NoticeIssued});
        break;
    case DocumentKind::Refusal:
        // 行政许可法 Art. 32, 38: only a refused application gets the refusal decision.
        if (state.status != CaseStatus::Refused)
            return doesNotFit(kind, state, QStringLiteral("未作不予受理决定"));
        index = lastOf(events, rejected, {EventType::Refused});
        break;
    case DocumentKind::Extension:
        index = lastOf(events, rejected, {EventType::ExtensionApproved});
        if (index < 0)
            return doesNotFit(kind, state, QStringLiteral("没有经批准的延期"));
        break;
    case DocumentKind::Suspension:
        index = lastOf(events, rejected, {EventType::Suspended});
        if (index < 0)
            return doesNotFit(kind, state, QStringLiteral("没有中止（除外时间）记录"));
        break;
    case DocumentKind::Ready:
        index = lastOf(events, rejected, {EventType::ResultReady});
        if (index < 0)
            return doesNotFit(kind, state, QStringLiteral("办理结果尚未出件"));
        break;
    case DocumentKind::Supervision:
        index = lastOf(events, rejected, {EventType::Supervised});
        if (index < 0)
            return doesNotFit(kind, state, QStringLiteral("没有督办记录"));
        break;
    case DocumentKind::DisclosureReply: // 政府信息公开条例 Art. 36
        index = lastOf(events, rejected, {EventType::DisclosureReplied});
        if (index < 0)
            return doesNotFit(kind, state, QStringLiteral("尚未作出政府信息公开答复"));
        break;
    case DocumentKind::ThirdPartyLetter: // Art. 32: the latest consultation's letter
        for (int i = static_cast<int>(events.size()) - 1; i >= 0 && index < 0; --i)
            if (events.at(i).type == EventType::Suspended &&
                !rejected.contains(events.at(i).eventId) &&
                events.at(i).payload.value(QStringLiteral("reasonKind")).toString() ==
                    QStringLiteral("third_party"))
                index = i;
        if (index < 0)
            return doesNotFit(kind, state, QStringLiteral("没有征求第三方意见的记录"));
        break;
    case DocumentKind::FeeNotice: // 国办函〔2020〕109号
        index = lastOf(events, rejected, {EventType::FeeNoticed});
        if (index < 0)
            return doesNotFit(kind, state, QStringLiteral("没有收费通知记录"));
        break;
    }
    if (index < 0)
        return Error{QStringLiteral("document.no_source"),
                     QStringLiteral("办件 %1 的记录中找不到%2所依据的办理记录")
                         .arg(state.caseNumber, documentKindName(kind))};
    const Event& e = events.at(index);
    return DocumentSource{e.eventId, index, civilDate(e, zone)};
}

namespace {

// The document-printed events of `kind` written from `sourceEventId` whose paper came out, in
// log order. A first print whose output failed gave its number to no paper: it is not reprinted
// under that number, the next print takes a new one (a gap, never a duplicate).
QList<const Event*> printsOf(const QList<Event>& events, DocumentKind kind,
                             const QString& sourceEventId)
{
    const QString key = documentKindKey(kind);
    QSet<QString> failed;
    for (const Event& e : events)
        if (e.type == EventType::DocumentPrintFailed)
            failed.insert(e.payload.value(QStringLiteral("printed")).toString());
    QList<const Event*> out;
    for (const Event& e : events)
        if (e.type == EventType::DocumentPrinted && !failed.contains(e.eventId) &&
            e.payload.value(QStringLiteral("kind")).toString() == key &&
            e.payload.value(QStringLiteral("source")).toString() == sourceEventId)
            out.append(&e);
    return out;
}

} // namespace

std::optional<QString> printedNumber(const QList<Event>& events, DocumentKind kind,
                                     const QString& sourceEventId)
{
    const QList<const Event*> prints = printsOf(events, kind, sourceEventId);
    if (prints.isEmpty())
        return std::nullopt;
    return prints.first()->payload.value(QStringLiteral("number")).toString();
}

bool printedBefore(const QList<Event>& events, DocumentKind kind, const QString& sourceEventId,
                   const QString& paper)
{
    for (const Event* e : printsOf(events, kind, sourceEventId))
        if (e->payload.value(QStringLiteral("paper")).toString(QStringLiteral("a4")) == paper)
            return true;
    return false;
}

Error printFailed(DocumentKind kind, const QString& number, bool reprint, const Error& cause,
                  const std::optional<Error>& notRecorded)
{
    const QString what = QStringLiteral("%1 %2%3").arg(
        documentKindName(kind), number, reprint ? QStringLiteral("（补打）") : QString());
    if (notRecorded)
        return Error{QStringLiteral("document.print_failed_unrecorded"),
                     QStringLiteral("%1 已登记，但未打印成功：%2。打印失败未能登记（%3），"
                                    "再次打印将按补打处理，请核对纸质文书")
                         .arg(what, cause.message, notRecorded->message)};
    if (reprint)
        return Error{QStringLiteral("document.reprint_failed"),
                     QStringLiteral("%1 未打印成功：%2。已记入办件记录，可再次补打")
                         .arg(what, cause.message)};
    return Error{QStringLiteral("document.print_failed"),
                 QStringLiteral("%1 未打印成功：%2。该编号已作废并记入办件记录，"
                                "再次打印将使用新的编号")
                     .arg(what, cause.message)};
}

QString unprintedDocumentNote(DocumentKind kind, bool handedOverOtherwise)
{
    return handedOverOtherwise
               ? QStringLiteral("%1未打印，已通过其他方式交给申请人").arg(documentKindName(kind))
               : QStringLiteral("%1未打印，申请人未取得；须补打或另行送达")
                     .arg(documentKindName(kind));
}

} // namespace onewindow::core
