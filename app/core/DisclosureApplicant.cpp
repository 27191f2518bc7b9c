#include "core/DisclosureApplicant.h"

namespace onewindow::core {

ApplicantKind defaultApplicantKind(const Applicant& a)
{
    if (!a.organisation)
        return ApplicantKind::NaturalPerson;
    const QString code = a.uscc.trimmed().toUpper();
    if (code.isEmpty())
        return ApplicantKind::Other;
    switch (code.at(0).unicode()) {
    case u'9':
        return ApplicantKind::Business;
    case u'3':
        return ApplicantKind::LegalService;
    case u'5':
        return ApplicantKind::SocialWelfare;
    default:
        return ApplicantKind::Other;
    }
}

QString applicantFeeKey(const Applicant& a)
{
    if (a.organisation && !a.uscc.trimmed().isEmpty())
        return QStringLiteral("uscc:") + a.uscc.trimmed().toUpper();
    if (!a.organisation && !a.idNumber.trimmed().isEmpty())
        return QStringLiteral("id:") + a.idNumber.trimmed().toUpper();
    return {};
}

} // namespace onewindow::core
