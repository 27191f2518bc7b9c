#pragma once

#include "core/DisclosureAnnual.h"
#include "store/CaseStore.h"

#include <QDate>

namespace onewindow::store {

// The hall's disclosure applications (政府信息公开条例) as the annual report and the processing fee
// count them, from the events (each case folded as the window folds it).
class DisclosureQueries
{
public:
    explicit DisclosureQueries(CaseStore& cases) : m_cases(cases) {}

    // 政府信息公开条例 Art. 50: the annual report's table 三 for `year` (国办公开办函〔2021〕30号):
    // every disclosure case received by the year's end and not finished before it.
    Result<core::AnnualTable> annualTable(int year) const;

    // 国办函〔2020〕109号 Art. 4: how many disclosure applications the same applicant (same citizen
    // ID or USCC, core::applicantFeeKey) made in the calendar month of the case's receipt day
    // before this case (received earlier that month, or the same day under an earlier number).
    Result<int> earlierApplicationsInMonth(const QString& caseId) const;

private:
    CaseStore& m_cases;
};

} // namespace onewindow::store
