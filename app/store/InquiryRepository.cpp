#include "store/InquiryRepository.h"

#include "store/CaseStore.h"
#include "store/Ids.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace onewindow::store {

namespace {

// NOT NULL columns: a null QString would bind NULL.
QVariant text(const QString& s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s.trimmed());
}

} // namespace

void InquiryRepository::stamp(core::Inquiry& in, const QTimeZone& zone) const
{
    const QDateTime now = m_store.clock().nowUtc();
    in.inquiryId = newUuidV7(now.toMSecsSinceEpoch());
    in.askedAtUtc = QDateTime::fromString(now.toString(Qt::ISODateWithMs), Qt::ISODateWithMs);
    in.askedOn = now.toTimeZone(zone).date();
    for (QString* s : {&in.person, &in.phone, &in.itemCode, &in.itemName, &in.question, &in.answer,
                       &in.referredTo})
        *s = s->trimmed();
}

Status InquiryRepository::insert(const core::Inquiry& in)
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "INSERT INTO inquiries (inquiry_id, asked_at_utc, asked_on, clerk_id, window_code, "
        "person, phone, item_code, item_name, question, answer, referred_to, case_id, "
        "case_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& v :
         {QVariant(in.inquiryId), QVariant(in.askedAtUtc.toString(Qt::ISODateWithMs)),
          QVariant(in.askedOn.toString(Qt::ISODate)), text(in.clerkId), text(in.windowCode),
          text(in.person), text(in.phone), text(in.itemCode), text(in.itemName), text(in.question),
          text(in.answer), text(in.referredTo), text(in.caseId), text(in.caseNumber)})
        q.addBindValue(v);
    if (!q.exec())
        return sqlError("store.inquiries", QStringLiteral("登记咨询"), q.lastError().text());
    return {};
}

Result<core::Inquiry> InquiryRepository::record(core::Inquiry in, const QTimeZone& zone)
{
    if (const QList<core::InquiryProblem> problems = core::checkInquiry(in); !problems.isEmpty())
        return problems.first().error;
    if (in.clerkId.isEmpty())
        return Error{QStringLiteral("inquiry.clerk"), QStringLiteral("请先登录再登记咨询")};
    in.caseId.clear();
    in.caseNumber.clear();
    stamp(in, zone);
    if (Status s = insert(in); !s)
        return s.error();
    return in;
}

Result<std::pair<QString, QString>> InquiryRepository::findCase(const QString& caseReference) const
{
    const QString reference = caseReference.trimmed();
    // The receipt's 6-digit query code (several cases may share one), else the case number.
    static const QRegularExpression queryCode(QStringLiteral("^\\d{6}$"));
    const bool byCode = queryCode.match(reference).hasMatch();
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(byCode
                  ? QStringLiteral("SELECT case_id, case_number FROM cases WHERE query_code = ? "
                                   "LIMIT 10")
                  : QStringLiteral("SELECT case_id, case_number FROM cases WHERE case_number = ?"));
    q.addBindValue(reference);
    if (!q.exec())
        return sqlError("store.cases_read", QStringLiteral("查找办件"), q.lastError().text());
    QList<std::pair<QString, QString>> found;
    while (q.next())
        found.append({q.value(0).toString(), q.value(1).toString()});
    if (found.isEmpty() || reference.isEmpty())
        return core::inquiryCaseUnknown(reference);
    if (found.size() > 1)
        return core::inquiryCaseAmbiguous(reference, static_cast<int>(found.size()));
    return found.first();
}

Result<core::Inquiry> InquiryRepository::recordAbout(core::Inquiry in, const QString& caseReference,
                                                     CaseStore& cases)
{
    if (const QList<core::InquiryProblem> problems = core::checkInquiry(in); !problems.isEmpty())
        return problems.first().error;
    if (in.clerkId.isEmpty())
        return Error{QStringLiteral("inquiry.clerk"), QStringLiteral("请先登录再登记咨询")};
    auto found = findCase(caseReference);
    if (!found)
        return found.error();
    in.caseId = found->first;
    in.caseNumber = found->second;
    stamp(in, cases.settings().zone);
    // Both or neither: the log's row is inserted inside the event's own transaction.
    auto appended =
        cases.append(in.caseId, core::EventType::Inquired, core::inquiredPayload(in), in.clerkId,
                     [&](const CaseStore::Appended&) { return insert(in); });
    if (!appended)
        return appended.error();
    return in;
}

Result<core::Inquiry> InquiryRepository::amend(const core::Inquiry& changed, const QString& clerkId,
                                               const QString& windowCode, const QTimeZone& zone)
{
    if (const QList<core::InquiryProblem> problems = core::checkInquiry(changed);
        !problems.isEmpty())
        return problems.first().error;
    if (clerkId.isEmpty())
        return Error{QStringLiteral("inquiry.clerk"), QStringLiteral("请先登录再修改咨询登记")};
    const QDateTime now = m_store.clock().nowUtc();
    const QDate today = now.toTimeZone(zone).date();
    auto stored = onDay(today, windowCode);
    if (!stored)
        return stored.error();
    const auto it = std::find_if(stored->cbegin(), stored->cend(), [&](const core::Inquiry& i) {
        return i.inquiryId == changed.inquiryId;
    });
    if (it == stored->cend())
        return Error{QStringLiteral("inquiry.not_today"),
                     QStringLiteral("只能修改本窗口当天的咨询登记；以往的登记保持原样")};
    if (!it->caseId.isEmpty())
        return core::inquiryInCaseRecord(it->caseNumber);
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "UPDATE inquiries SET person = ?, phone = ?, item_code = ?, item_name = ?, question = ?, "
        "answer = ?, referred_to = ?, amended_at_utc = ?, amended_by = ? WHERE inquiry_id = ?"));
    for (const QVariant& v :
         {text(changed.person), text(changed.phone), text(changed.itemCode), text(changed.itemName),
          text(changed.question), text(changed.answer), text(changed.referredTo),
          QVariant(now.toString(Qt::ISODateWithMs)), text(clerkId), QVariant(changed.inquiryId)})
        q.addBindValue(v);
    if (!q.exec())
        return sqlError("store.inquiries", QStringLiteral("修改咨询登记"), q.lastError().text());
    core::Inquiry out = *it;
    out.person = changed.person.trimmed();
    out.phone = changed.phone.trimmed();
    out.itemCode = changed.itemCode.trimmed();
    out.itemName = changed.itemName.trimmed();
    out.question = changed.question.trimmed();
    out.answer = changed.answer.trimmed();
    out.referredTo = changed.referredTo.trimmed();
    out.amendedAtUtc = QDateTime::fromString(now.toString(Qt::ISODateWithMs), Qt::ISODateWithMs);
    out.amendedBy = clerkId.trimmed();
    return out;
}

Result<QList<core::Inquiry>> InquiryRepository::onDay(const QDate& day,
                                                      const QString& windowCode) const
{
    return select(QStringLiteral("asked_on = ? AND window_code = ?"),
                  {day.toString(Qt::ISODate), text(windowCode)});
}

Result<QList<core::Inquiry>> InquiryRepository::onDay(const QDate& day) const
{
    return select(QStringLiteral("asked_on = ?"), {day.toString(Qt::ISODate)});
}

Result<QList<core::Inquiry>> InquiryRepository::ofCase(const QString& caseId) const
{
    return select(QStringLiteral("case_id = ?"), {text(caseId)});
}

Result<QList<core::Inquiry>> InquiryRepository::select(const QString& where,
                                                       const QVariantList& binds) const
{
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral(
            "SELECT inquiry_id, asked_at_utc, asked_on, clerk_id, window_code, person, phone, "
            "item_code, item_name, question, answer, referred_to, amended_at_utc, "
            "amended_by, case_id, case_number FROM inquiries "
            "WHERE %1 ORDER BY asked_at_utc, inquiry_id")
            .arg(where));
    for (const QVariant& b : binds)
        q.addBindValue(b);
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
        if (!q.value(12).isNull())
            i.amendedAtUtc = QDateTime::fromString(q.value(12).toString(), Qt::ISODateWithMs);
        i.amendedBy = q.value(13).toString();
        i.caseId = q.value(14).toString();
        i.caseNumber = q.value(15).toString();
        out.append(i);
    }
    return out;
}

} // namespace onewindow::store
