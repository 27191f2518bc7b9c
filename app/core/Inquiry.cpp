#include "core/Inquiry.h"

#include "core/Identifiers.h"

#include <QRegularExpression>

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

} // namespace onewindow::core
