#include "core/RecallClose.h"

#include "core/CaseState.h"
#include "core/DocumentKind.h"
#include "core/SyncProtocol.h"

#include <QSet>

namespace onewindow::core {

namespace {

QString field(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString().trimmed();
}

Error refused(const char* code, const QString& message)
{
    return Error{QString::fromLatin1(code), message};
}

QString documentName(const QString& kindKey, const QString& number)
{
    const auto kind = documentKindFromKey(kindKey);
    return QStringLiteral("%1 %2").arg(kind ? documentKindName(*kind) : kindKey, number);
}

} // namespace

QString recallKey(const QString& kind, const QString& number)
{
    return kind.trimmed() + QLatin1Char('/') + number.trimmed();
}

QJsonObject recallClosedPayload(const RecallClosing& c)
{
    QJsonObject p{{QStringLiteral("kind"), c.kind.trimmed()},
                  {QStringLiteral("number"), c.number.trimmed()},
                  {QStringLiteral("outcome"), keyOf(kRecallOutcomes, c.outcome)}};
    if (!c.note.trimmed().isEmpty())
        p.insert(QStringLiteral("note"), c.note.trimmed());
    return p;
}

Status checkRecallClosed(const CaseState& s, const QJsonObject& p)
{
    static const QSet<QString> kKeys{QStringLiteral("kind"),
                                     QStringLiteral("number"),
                                     QStringLiteral("outcome"),
                                     QStringLiteral("note"),
                                     QStringLiteral("importedFrom"),
                                     QLatin1String(sync::kCaseHeadKey),
                                     QLatin1String(sync::kCalendarVersionKey)};
    for (auto it = p.begin(); it != p.end(); ++it)
        if (!kKeys.contains(it.key()) ||
            (it.key() != QLatin1String("importedFrom") && !it.value().isString()))
            return refused(
                "recall_closed.field",
                QStringLiteral("追回办结记录含有无法识别的内容（%1），未记入办件").arg(it.key()));
    const QString kind = field(p, "kind");
    const QString number = field(p, "number");
    if (kind.isEmpty() || number.isEmpty())
        return refused("recall_closed.document",
                       QStringLiteral("请写明追回的是哪一份文书（文书种类和编号），未记入办件"));
    const auto outcome = fromKey(kRecallOutcomes, field(p, "outcome"));
    if (!outcome)
        return refused("recall_closed.outcome",
                       QStringLiteral("请选择追回结果：已追回或无法追回，未记入办件"));
    if (*outcome == RecallOutcome::Unrecoverable && field(p, "note").isEmpty())
        return refused("recall_closed.note",
                       QStringLiteral("无法追回的，请在说明中写明原因和已采取的措施（如：申请人"
                                      "拒绝交回，已书面告知作废），未记入办件"));
    const QString key = recallKey(kind, number);
    if (!s.paperDocuments.contains(key))
        return refused("recall_closed.not_printed",
                       QStringLiteral("本件没有打印过%1，无从追回；请核对文书编号，未记入办件")
                           .arg(documentName(kind, number)));
    if (s.recallsClosed.contains(key))
        return refused("recall_closed.again",
                       QStringLiteral("%1 的追回已经办结，不能再次办结；如需补充，请在办件中添加"
                                      "备注")
                           .arg(documentName(kind, number)));
    return {};
}

QString recallClosedText(const Event& e, const QString& byName, const QTimeZone& zone)
{
    const auto outcome = fromKey(kRecallOutcomes, field(e.payload, "outcome"));
    const QString note = field(e.payload, "note");
    return QStringLiteral("%1%2（%3 %4）")
        .arg(outcome ? nameOf(kRecallOutcomes, *outcome) : field(e.payload, "outcome"),
             note.isEmpty() ? QString() : QStringLiteral("：%1").arg(note),
             e.occurredAtUtc.toTimeZone(zone).toString(QStringLiteral("M月d日 HH:mm")), byName);
}

QString describeRecallClosed(const Event& e, const QString& name)
{
    const auto outcome = fromKey(kRecallOutcomes, field(e.payload, "outcome"));
    const QString note = field(e.payload, "note");
    return QStringLiteral("%1：%2 %3%4")
        .arg(name, documentName(field(e.payload, "kind"), field(e.payload, "number")),
             outcome ? nameOf(kRecallOutcomes, *outcome) : field(e.payload, "outcome"),
             note.isEmpty() ? QString() : QStringLiteral("（%1）").arg(note));
}

} // namespace onewindow::core
