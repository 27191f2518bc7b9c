#include "core/Inquiry.h"

#include "core/Identifiers.h"
#include "core/SyncProtocol.h"

#include <QRegularExpression>
#include <QSet>

namespace onewindow::core {

QList<InquiryProblem> checkInquiry(const Inquiry& in)
{
    QList<InquiryProblem> problems;
    const auto fail = [&](InquiryProblem::Field field, const char* code, const QString& message) {
        problems.append(InquiryProblem{field, Error{QString::fromLatin1(code), message}});
    };
    if (in.person.trimmed().isEmpty())
        fail(InquiryProblem::Person, "inquiry.person",
             QStringLiteral("请填写咨询人（姓名或称呼，如“王女士”）"));
    const QString phone = in.phone.trimmed();
    static const QRegularExpression landline(QStringLiteral("^0\\d{2,3}-?\\d{7,8}\\z"));
    if (!phone.isEmpty() && !checkMobile(phone) && !landline.match(phone).hasMatch())
        fail(InquiryProblem::Phone, "inquiry.phone",
             QStringLiteral("联系电话应为 11 位手机号或带区号的固定电话（如 0931-8888888），"
                            "不留电话可不填"));
    if (in.question.trimmed().isEmpty())
        fail(InquiryProblem::Question, "inquiry.question", QStringLiteral("请填写咨询的问题"));
    if (in.answer.trimmed().isEmpty() && in.referredTo.trimmed().isEmpty())
        fail(InquiryProblem::Answer, "inquiry.answer",
             QStringLiteral("首问负责：请填写答复内容，或填写引导对方前往的部门、窗口或人员"));
    return problems;
}

namespace {

QString field(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString().trimmed();
}

} // namespace

QJsonObject inquiredPayload(const Inquiry& in)
{
    QJsonObject p{{QStringLiteral("inquiryId"), in.inquiryId},
                  {QStringLiteral("person"), in.person.trimmed()},
                  {QStringLiteral("question"), in.question.trimmed()},
                  {QStringLiteral("window"), in.windowCode.trimmed()}};
    const auto optional = [&p](const char* key, const QString& value) {
        if (!value.trimmed().isEmpty())
            p.insert(QLatin1String(key), value.trimmed());
    };
    optional("phone", in.phone);
    optional("answer", in.answer);
    optional("referredTo", in.referredTo);
    return p;
}

Status checkInquiredPayload(const QJsonObject& p)
{
    static const QSet<QString> kKeys{
        QStringLiteral("inquiryId"), QStringLiteral("person"), QStringLiteral("phone"),
        QStringLiteral("question"), QStringLiteral("answer"), QStringLiteral("referredTo"),
        QStringLiteral("window"), QStringLiteral("importedFrom"), QStringLiteral("caseHead"),
        // Decision 8: the calendar its window judged it on, as every person's event records.
        QLatin1String(sync::kCalendarVersionKey)};
    for (auto it = p.begin(); it != p.end(); ++it)
        if (!kKeys.contains(it.key()) ||
            (it.key() != QLatin1String("importedFrom") && !it.value().isString()))
            return Error{
                QStringLiteral("inquired.field"),
                QStringLiteral("咨询记录含有无法识别的内容（%1），未记入办件").arg(it.key())};
    if (field(p, "inquiryId").isEmpty())
        return Error{QStringLiteral("inquired.id"),
                     QStringLiteral("咨询记录须写明对应的首问登记，未记入办件")};
    if (field(p, "window").isEmpty())
        return Error{QStringLiteral("inquired.window"),
                     QStringLiteral("咨询记录须写明登记的窗口，未记入办件")};
    Inquiry in;
    in.person = field(p, "person");
    in.phone = field(p, "phone");
    in.question = field(p, "question");
    in.answer = field(p, "answer");
    in.referredTo = field(p, "referredTo");
    if (const QList<InquiryProblem> problems = checkInquiry(in); !problems.isEmpty())
        return problems.first().error;
    return {};
}

Error inquiryCaseUnknown(const QString& reference)
{
    return Error{QStringLiteral("inquiry.case_unknown"),
                 QStringLiteral("本机没有办件编号或查询码为“%1”的办件：请核对办件编号（如 "
                                "620102-20261207-W07-0001）或 6 位查询码；与办件无关的咨询请将"
                                "“所问办件”留空。本次未登记")
                     .arg(reference.trimmed())};
}

Error inquiryCaseAmbiguous(const QString& queryCode, int cases)
{
    return Error{QStringLiteral("inquiry.case_ambiguous"),
                 QStringLiteral("查询码 %1 对应本机 %2 件办件：请改填回执上的办件编号。本次未登记")
                     .arg(queryCode.trimmed())
                     .arg(cases)};
}

Error inquiryInCaseRecord(const QString& caseNumber)
{
    return Error{QStringLiteral("inquiry.in_case_record"),
                 QStringLiteral("这条咨询已记入办件 %1 的全过程记录，不能再修改；如需更正，请就该"
                                "办件再登记一条咨询或在办件中添加备注")
                     .arg(caseNumber)};
}

} // namespace onewindow::core
