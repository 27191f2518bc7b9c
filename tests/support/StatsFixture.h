#pragma once

#include "support/HallFixture.h"

namespace onewindow::test {

// A hand-built hall whose figures are known (worked out by hand from the shipped 2025 and 2026
// calendars; 2026-01-01..03 are the New Year holiday, Sunday 2026-01-04 a make-up working day).
// Two items: 食品经营许可 (department 不动产登记) and 营业执照变更登记 (department 市场监管局),
// both statutory 20, promised 10 working days. Clerks clerk-1 and clerk-2, window W07.
//
//  H  clerk-1 dept 不动产登记  received 2025-11-28 (before the range), accepted, decided 12-03:
//     3 working days, on time.
//  A  clerk-1 不动产登记  received and accepted 2025-12-01, decided 12-10 (7 working days, on
//     time), rated 5 on 12-11.
//  B  clerk-1 不动产登记  received 12-02 with a material missing, one-time notice 12-02,
//     corrected and accepted 12-04, suspended 12-05, resumed 12-12 (5 working days excluded),
//     decided 12-22: 12 - 5 = 7 working days; promised deadline 12-18 + 5 = 12-25, on time;
//     rated 2 (不满意) on 12-23.
//  C  clerk-2 不动产登记  received and accepted 2025-12-29, promised extension of 5 approved
//     2026-01-05, decided 2026-01-16: 13 working days across New Year (promised deadline
//     2026-01-13 + 5 = 01-20: on time only with the extension); rated 4 on 01-16.
//  D  clerk-2 市场监管局  received and accepted 2026-01-05, decided 01-23: 14 working days, late
//     against the promise (01-19), on time against the law; rated 3 on 01-23.
//  E  clerk-1 市场监管局  received and refused 2026-01-06.
//  F  clerk-1 不动产登记  received 01-07 with a material missing, notice 01-07, corrected 01-09,
//     a repeat notice (naming something new, approved) 01-12 with 5 days to correct: still
//     waiting, its correction deadline 01-19 passed.
//  G  clerk-2 不动产登记  received and accepted 01-08, not decided: promised deadline 01-22 passed.
//
// For 2025-12-01..2026-01-31 by month, as of 2026-02-27 (kKnownAsOf):
//  December: received 3, accepted 3, refused 0, notices 1 (repeat 0), decided 3 (A, B, H), on time
//   3/3 promised and statutory, 17 working days, overdue 0, ratings 5:1 2:1.
//  January: received 4, accepted 2, refused 1, notices 2 (repeat 1), decided 2 (C, D), on time
//   promised 1, statutory 2, 27 working days, overdue 2 (F, G), ratings 4:1 3:1.
struct StatsFixture : HallFixture
{
    core::ServiceItem item2;
    QString caseA, caseB, caseC, caseD, caseE, caseF, caseG, caseH;

    StatsFixture();
    core::ReceivedInput intake2() const;
};

inline constexpr const char* kKnownFrom = "2025-12-01";
inline constexpr const char* kKnownTo = "2026-01-31";
inline constexpr const char* kKnownAsOf = "2026-02-27";

} // namespace onewindow::test
