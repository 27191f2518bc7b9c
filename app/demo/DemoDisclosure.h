#pragma once

#include "core/CaseState.h"

#include <QJsonObject>

namespace onewindow::demo {

// The demo hall's disclosure replies (政府信息公开条例 Art. 36): `variant` picks one of twenty
// shapes, about half of them disclosed and the rest every other reply type once, some with two
// requests. A case whose third party was consulted says how the opinion was weighed (Art. 32).
QJsonObject demoDisclosureReply(quint8 variant, const core::CaseState& state);
// The variant of the case with global index `index`: spread without drawing from the plan's
// random stream, so the rest of the hall stays as it was.
quint8 demoDisclosureVariant(quint64 index);

// Frequent applicants: three (two people and a consultancy) who file many disclosure
// applications, so that counted per applicant and calendar month (国办函〔2020〕109号 Art. 4) the
// demo hall's fee notices reach the bands. Which of them files the disclosure case with global
// index `index` (most of those cases: 55, 20 and 10 in 100), or -1 for anyone; drawn from a stream
// of its own, so the rest of the hall stays as it was.
inline constexpr int kFrequentApplicants = 3;
int frequentApplicantOf(quint64 seed, quint64 index);
// The same applicant every time (ID number or USCC), as the fee counts them.
core::Applicant frequentApplicant(int which);

} // namespace onewindow::demo
