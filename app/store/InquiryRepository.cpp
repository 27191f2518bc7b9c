#include "store/InquiryRepository.h"

#include "store/Ids.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

namespace {

// NOT NULL columns: a null QString would bind NULL.
QVariant text(const QString& s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s.trimmed());
}

} // namespace

Result<core::Inquiry> InquiryRepository::record(core::Inquiry in, const QTimeZone& zone)
{
    if (const QList<core::InquiryProblem> problems = core::checkInquiry(in); !problems.isEmpty())
        return problems.first().error;
    if (in.clerkId.isEmpty())
        return Error{QStringLiteral("inquiry.clerk"), QStringLiteral("请先登录再登记咨询")};
    const QDateTime now = m_store.clock().nowUtc();
    in.inquiryId = newUuidV7(now.toMSecsSinceEpoch());
    in.askedAtUtc = now;
    in.askedOn = now.toTimeZone(zone).date();
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "INSERT INTO inquiries (inquiry_id, asked_at_utc, asked_on, clerk_id, window_code, "
        "person, phone, item_code, item_name, question, answer, referred_to) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& v :
         {QVariant(in.inquiryId), QVariant(now.toString(Qt::ISODateWithMs)),
          QVariant(in.askedOn.toString(Qt::ISODate)), text(in.clerkId), text(in.windowCode),
          text(in.person), text(in.phone), text(in.itemCode), text(in.itemName), text(in.question),
          text(in.answer), text(in.referredTo)})
        q.addBindValue(v);
    if (!q.exec())
        return sqlError("store.inquiries", QStringLiteral("登记咨询"), q.lastError().text());
    for (QString* s : {&in.person, &in.phone, &in.itemCode, &in.itemName, &in.question, &in.answer,
                       &in.referredTo})
        *s = s->trimmed();
    return in;
}

Result<QList<core::Inquiry>> InquiryRepository::onDay(const QDate& day,
                                                      const QString& windowCode) const
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT inquiry_id, asked_at_utc, asked_on, clerk_id, window_code, person, phone, "
        "item_code, item_name, question, answer, referred_to FROM inquiries "
        "WHERE asked_on = ? AND window_code = ? ORDER BY asked_at_utc, inquiry_id"));
    q.addBindValue(day.toString(Qt::ISODate));
    q.addBindValue(text(windowCode));
    if (!q.exec())
        return sqlError("store.inquiries", QStringLiteral("读取咨询登记"), q.lastError().text());
    QList<core::Inquiry> out;
    while (q.next()) {
        core::Inquiry i;
        i.inquiryId = q.value(0).toString();
        i.askedAtUtc = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
        i.askedOn = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        i.clerkId = q.value(3).toString();
        i.windowCode = q.value(4).toString();
        i.person = q.value(5).toString();
        i.phone = q.value(6).toString();
        i.itemCode = q.value(7).toString();
        i.itemName = q.value(8).toString();
        i.question = q.value(9).toString();
        i.answer = q.value(10).toString();
        i.referredTo = q.value(11).toString();
        out.append(i);
    }
    return out;
}

} // namespace onewindow::store
