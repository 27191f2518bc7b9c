// An inquiry about a case (咨询): a question answered or referred at a window under first-inquiry
// duty (首问负责, core/Inquiry.h) that names the case, kept in the case's own record so every
// window and the supervisor see it. Mergeable (decision 1): accepted on any head and on a case
// another window holds, it moves no head and changes neither the state nor a clock. Fold 4: a
// hall takes it only once every active device folds it (decision 10).
#include "core/Inquiry.h"
#include "core/events/SpecKit.h"

namespace onewindow::core::events {

namespace {

QString describeInquired(const Event& e, const QString& name)
{
    const QJsonObject& p = e.payload;
    const QString phone = text(p, "phone");
    QString out = QStringLiteral("%1（%2 窗口）：%3%4问：%5")
                      .arg(name, text(p, "window"), text(p, "person"),
                           phone.isEmpty() ? QString() : QStringLiteral("（%1）").arg(phone),
                           text(p, "question"));
    if (const QString answer = text(p, "answer"); !answer.isEmpty())
        out += QStringLiteral("；答复：%1").arg(answer);
    if (const QString referred = text(p, "referredTo"); !referred.isEmpty())
        out += QStringLiteral("；引导至：%1").arg(referred);
    return out;
}

} // namespace

std::span<const EventSpec> inquiryEvents()
{
    static const EventSpec kInquiry[] = {
        {.type = EventType::Inquired,
         .key = u"case.inquired",
         .name = u"咨询",
         .fold = 4,
         // Not among the generic actions: the case view's 登记咨询 opens the first-inquiry form
         // with the case filled in, which writes the log's entry and this event together.
         .offered = false,
         // People ask at any time, after the decision too.
         .allowed = [](const CaseState&) { return true; },
         .check = [](const CaseState&, const Event& e,
                     const FoldContext&) { return checkInquiredPayload(e.payload); },
         .apply = [](CaseState&, const Event&, const FoldContext&, const QDate&) {},
         .describe = describeInquired},
    };
    return kInquiry;
}

} // namespace onewindow::core::events
