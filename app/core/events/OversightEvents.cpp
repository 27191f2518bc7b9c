// What surrounds the case's course: supervision orders and their answers, notes, the 好差评 rating
// and its follow-up, printed documents, and deadlines moved by a calendar notice.
#include "core/CasePayloads.h"
#include "core/DateText.h"
#include "core/DocumentKind.h"
#include "core/RecallClose.h"
#include "core/events/SpecKit.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace onewindow::core::events {

namespace {

using S = CaseStatus;

Status checkSupervised(const CaseState&, const Event& e, const FoldContext& ctx)
{
    const QJsonObject& p = e.payload;
    if (text(p, "note").isEmpty())
        return refuse("supervised.note", QStringLiteral("督办须写明督办事项"));
    if (text(p, "toClerk").isEmpty() && text(p, "toWindow").isEmpty())
        return refuse("supervised.to", QStringLiteral("请选择督办的窗口或人员"));
    if (p.contains(QStringLiteral("dueDate"))) {
        const QDate due = QDate::fromString(text(p, "dueDate"), Qt::ISODate);
        const QDate day = civilDate(e, ctx.zone);
        if (!due.isValid())
            return refuse("supervised.due", QStringLiteral("督办期限日期无效，请重新选择"));
        if (due < day)
            return refuse("supervised.due", QStringLiteral("督办期限（%1）不能早于督办当日（%2）")
                                                .arg(chineseDate(due), chineseDate(day)));
    }
    return {};
}

void applySupervised(CaseState& s, const Event& e, const FoldContext&, const QDate& day)
{
    const QJsonObject& p = e.payload;
    ++s.supervisionOrders;
    s.supervisedClerk = text(p, "toClerk");
    s.supervisedWindow = text(p, "toWindow");
    s.supervisionNote = text(p, "note");
    s.supervisedBy = e.actorId;
    s.supervisedOn = day;
    s.supervisionDue =
        p.contains(QStringLiteral("dueDate"))
            ? std::optional<QDate>(QDate::fromString(text(p, "dueDate"), Qt::ISODate))
            : std::nullopt;
    s.supervisionAnsweredOn.reset();
    s.supervisionAnsweredBy.clear();
    s.supervisionReply.clear();
}

// An answer names its order: one that meets a newer order (another window's log merged in) does
// not close that one. A lifecycle fact, so replayed too.
Status answersLatestOrder(const CaseState& s, const Event& e)
{
    const QJsonValue order = e.payload.value(QStringLiteral("order"));
    if (order.isUndefined() || order.toInt() == s.supervisionOrders)
        return {};
    return Error{QStringLiteral("supervision.superseded"),
                 QStringLiteral("所反馈的督办（第 %1 次）已被新的督办（第 %2 次）取代，"
                                "请按新的督办要求反馈")
                     .arg(order.toInt())
                     .arg(s.supervisionOrders)};
}

QString describePrinted(const Event& e, const QString& name)
{
    const QJsonObject& p = e.payload;
    const auto kind = documentKindFromKey(text(p, "kind"));
    return QStringLiteral("%1：%2 %3，%4 份%5%6")
        .arg(name, kind ? documentKindName(*kind) : text(p, "kind"), text(p, "number"))
        .arg(p.value(QStringLiteral("copies")).toInt())
        .arg(text(p, "paper") == QLatin1String("80mm") ? QStringLiteral("（80 毫米小票）")
                                                       : QString(),
             p.value(QStringLiteral("reprint")).toBool() ? QStringLiteral("（补打）") : QString());
}

QString describePrintFailed(const Event& e, const QString& name)
{
    const QJsonObject& p = e.payload;
    const auto kind = documentKindFromKey(text(p, "kind"));
    return QStringLiteral("%1：%2 %3%4 未打印成功（%5）%6")
        .arg(name, kind ? documentKindName(*kind) : text(p, "kind"), text(p, "number"),
             p.value(QStringLiteral("reprint")).toBool() ? QStringLiteral("（补打）") : QString(),
             text(p, "reason"),
             p.value(QStringLiteral("reprint")).toBool() ? QString()
                                                         : QStringLiteral("，该编号作废不再使用"));
}

QString describeRecomputed(const Event& e, const QString& name)
{
    QStringList parts;
    for (const QJsonValue& v : e.payload.value(QStringLiteral("clocks")).toArray()) {
        const QJsonObject c = v.toObject();
        const auto kind = clockKindFromKey(text(c, "kind"));
        parts.append(QStringLiteral("%1 %2 → %3")
                         .arg(kind ? clockKindName(*kind) : text(c, "kind"), text(c, "oldDeadline"),
                              text(c, "newDeadline")));
    }
    return QStringLiteral("%1：依据 %2，%3")
        .arg(name, text(e.payload, "notice"), parts.join(QStringLiteral("；")));
}

QList<std::pair<QString, QString>> ratingLevels()
{
    QList<std::pair<QString, QString>> levels;
    for (int level = 5; level >= 1; --level)
        levels.append({QString::number(level), ratingName(level)});
    return levels;
}

void nothing(CaseState&, const Event&, const FoldContext&, const QDate&) {}

bool always(const CaseState&)
{
    return true;
}

} // namespace

std::span<const EventSpec> oversightEvents()
{
    static const EventSpec kOversight[] = {
        {.type = EventType::Supervised,
         .key = u"case.supervised",
         .name = u"督办",
         .offered = true,
         .allowed = [](const CaseState& s) { return s.isOpen(); },
         .check = checkSupervised,
         .apply = applySupervised,
         .describe = [](const Event& e,
                        const QString& name) { return nameColon(name, text(e.payload, "note")); },
         .form = {{.key = "toClerk",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "To clerk:"),
                   .initialText = [](const CaseState& s) { return s.receivedBy; }},
                  {.key = "note",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "What to do:")},
                  {.key = "dueDate",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Due (YYYY-MM-DD):")}},
         .payloadFrom =
             [](const QJsonObject& v, const CaseState& s, const ServiceItem&) {
                 const QDate due = QDate::fromString(text(v, "dueDate"), Qt::ISODate);
                 return payload::supervised(text(v, "toClerk"), s.windowCode, text(v, "note"),
                                            due.isValid() ? std::optional(due) : std::nullopt);
             }},
        {.type = EventType::SupervisionAnswered,
         .key = u"case.supervision_answered",
         .name = u"督办反馈",
         .offered = true,
         .allowed = [](const CaseState& s) { return s.isOpen() && s.supervisionOpen(); },
         .replayed = answersLatestOrder,
         .check =
             [](const CaseState&, const Event& e, const FoldContext&) {
                 return text(e.payload, "reply").isEmpty()
                            ? Status(refuse("supervision.reply",
                                            QStringLiteral("请写明督办事项的办理情况")))
                            : Status();
             },
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate& day) {
                 s.supervisionAnsweredOn = day;
                 s.supervisionAnsweredBy = e.actorId;
                 s.supervisionReply = text(e.payload, "reply");
             },
         .describe = [](const Event& e,
                        const QString& name) { return nameColon(name, text(e.payload, "reply")); },
         .form = {{.key = "reply",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "What was done:")}},
         .payloadFrom =
             [](const QJsonObject& v, const CaseState& s, const ServiceItem&) {
                 return payload::supervisionAnswered(text(v, "reply"), s.supervisionOrders);
             }},
        {.type = EventType::Note,
         .key = u"case.note",
         .name = u"备注",
         .offered = true,
         .allowed = always,
         .check =
             [](const CaseState&, const Event& e, const FoldContext&) {
                 return text(e.payload, "text").isEmpty()
                            ? Status(refuse("note.empty", QStringLiteral("备注不能为空")))
                            : Status();
             },
         .apply = nothing,
         .describe = [](const Event& e,
                        const QString& name) { return nameColon(name, text(e.payload, "text")); },
         .form = {{.key = "text",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Note:")}},
         .payloadFrom = [](const QJsonObject& v, const CaseState&,
                           const ServiceItem&) { return payload::note(text(v, "text")); }},
        {.type = EventType::Rated,
         .key = u"case.rated",
         .name = u"评价",
         .offered = true,
         .allowed =
             [](const CaseState& s) {
                 return !s.rating &&
                        isOneOf(s.status, {S::Decided, S::ResultReady, S::Delivered, S::Refused});
             },
         .whyNot =
             [](const CaseState& s) { return s.rating ? QStringLiteral("本件已评价") : QString(); },
         .check =
             [](const CaseState&, const Event& e, const FoldContext&) {
                 const int level = e.payload.value(QStringLiteral("level")).toInt();
                 return level < 1 || level > 5
                            ? Status(refuse("rated.level", QStringLiteral("评价等级应为 1–5")))
                            : Status();
             },
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate& day) {
                 s.rating = e.payload.value(QStringLiteral("level")).toInt();
                 s.ratedOn = day;
                 if (*s.rating <= 2) // 不满意 / 非常不满意: the follow-up clock starts
                     s.timeline.badRating = day;
             },
         .describe =
             [](const Event& e, const QString& name) {
                 const QString comment = text(e.payload, "comment");
                 return QStringLiteral("%1：%2%3")
                     .arg(name, ratingName(e.payload.value(QStringLiteral("level")).toInt()),
                          comment.isEmpty() ? QString() : QStringLiteral("（%1）").arg(comment));
             },
         .form = {{.key = "level",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Rating:"),
                   .kind = FormField::Kind::Choice,
                   .options = ratingLevels},
                  {.key = "comment",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Comment:")}},
         .payloadFrom =
             [](const QJsonObject& v, const CaseState&, const ServiceItem&) {
                 return payload::rated(v.value(QStringLiteral("level")).toVariant().toInt(),
                                       text(v, "comment"));
             }},
        {.type = EventType::RatingFollowedUp,
         .key = u"case.rating_followed_up",
         .name = u"差评整改回访",
         .offered = true,
         .stopsClocks = true,
         .allowed =
             [](const CaseState& s) {
                 return s.rating && *s.rating <= 2 && !s.timeline.followedUp;
             },
         .check =
             [](const CaseState&, const Event& e, const FoldContext&) {
                 return text(e.payload, "result").isEmpty()
                            ? Status(
                                  refuse("followup.result", QStringLiteral("请写明整改回访结果")))
                            : Status();
             },
         .apply = [](CaseState& s, const Event&, const FoldContext&,
                     const QDate& day) { s.timeline.followedUp = day; },
         .describe = [](const Event& e,
                        const QString& name) { return nameColon(name, text(e.payload, "result")); },
         .form = {{.key = "result",
                   .label = QT_TRANSLATE_NOOP("onewindow::ui::ActionForm", "Follow-up result:")}},
         .payloadFrom = [](const QJsonObject& v, const CaseState&,
                           const ServiceItem&) { return payload::followedUp(text(v, "result")); }},
        {.type = EventType::DocumentPrinted,
         .key = u"case.document_printed",
         .name = u"打印文书",
         .allowed = always,
         .check =
             [](const CaseState&, const Event& e, const FoldContext&) {
                 const QJsonObject& p = e.payload;
                 if (text(p, "kind").isEmpty() || text(p, "number").isEmpty() ||
                     p.value(QStringLiteral("copies")).toInt() < 1)
                     return Status(refuse("printed.fields",
                                          QStringLiteral("文书打印记录须有文书种类、编号和份数")));
                 return Status();
             },
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate&) {
                 ++s.documentsPrinted;
                 ++s.paperDocuments[recallKey(text(e.payload, "kind"), text(e.payload, "number"))];
             },
         .describe = describePrinted},
        {.type = EventType::DeadlineRecomputed,
         .key = u"case.deadline_recomputed",
         .name = u"期限重算",
         .system = true,
         .allowed = always,
         .apply = nothing,
         .describe = describeRecomputed},
        // Numbers before paper: the number and the print are committed before the document is
        // printed; when the printer or the file then fails, this records it. The number stays
        // used (a gap, never a duplicate) and the next print takes a new one (printedNumber).
        {.type = EventType::DocumentPrintFailed,
         .key = u"case.document_print_failed",
         .name = u"文书打印失败",
         .allowed = always,
         .check =
             [](const CaseState&, const Event& e, const FoldContext&) {
                 const QJsonObject& p = e.payload;
                 if (text(p, "kind").isEmpty() || text(p, "number").isEmpty() ||
                     text(p, "printed").isEmpty())
                     return Status(
                         refuse("print_failed.fields",
                                QStringLiteral("打印失败记录须有文书种类、编号和打印记录")));
                 return Status();
             },
         .apply =
             [](CaseState& s, const Event& e, const FoldContext&, const QDate&) {
                 s.documentsPrinted = std::max(0, s.documentsPrinted - 1);
                 // No paper came out of that print: nothing of it to recall.
                 const QString key = recallKey(text(e.payload, "kind"), text(e.payload, "number"));
                 if (--s.paperDocuments[key] <= 0)
                     s.paperDocuments.remove(key);
             },
         .describe = describePrintFailed},
    };
    return kOversight;
}

} // namespace onewindow::core::events
