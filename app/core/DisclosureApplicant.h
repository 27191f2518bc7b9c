#pragma once

#include "core/CaseState.h"
#include "core/DisclosureReply.h"

namespace onewindow::core {

// The annual table's column an applicant most likely falls in (国办公开办函〔2021〕30号 table 三):
// a person is a natural person; an organisation by its USCC's registration authority (GB 32100-2015
// first character: 9 market regulation = business, 3 justice = legal service, 5 civil affairs =
// social organisation), otherwise 其他. The clerk confirms it with the reply (research bodies have
// no code of their own).
ApplicantKind defaultApplicantKind(const Applicant& applicant);

// Whether two applicants are the same for the processing fee (国办函〔2020〕109号 Art. 4, "同一申请
// 人"): the same citizen ID, or the same USCC. The key that says so: "id:…" or "uscc:…", empty
// when the applicant has neither.
QString applicantFeeKey(const Applicant& applicant);

} // namespace onewindow::core
