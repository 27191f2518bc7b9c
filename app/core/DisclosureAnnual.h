#pragma once

#include "core/CaseState.h"
#include "core/DisclosureReply.h"

#include <QDate>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace onewindow::core {

// 政府信息公开条例 Art. 50: each office publishes an annual report; its table 三 (《中华人民共和国
// 政府信息公开工作年度报告格式》, 国办公开办函〔2021〕30号) counts the applications received and
// processed, by applicant kind (the columns) and by result (the rows).

// The result rows of part 三 (本年度办理结果), in the template's order; the report adds 一 (new),
// 二 (carried over) before them and 四 (carried forward) after.
enum class AnnualResult
{
    Disclosed,       // (一) 予以公开
    PartlyDisclosed, // (二) 部分公开
    Withheld1,
    Withheld2,
    Withheld3,
    Withheld4, // (三) 不予公开 1-8
    Withheld5,
    Withheld6,
    Withheld7,
    Withheld8,
    Unable1,
    Unable2,
    Unable3, // (四) 无法提供 1-3
    NotHandled1,
    NotHandled2,
    NotHandled3,
    NotHandled4,
    NotHandled5, // (五) 不予处理 1-5
    Other1,
    Other2,
    Other3, // (六) 其他处理 1-3
};
inline constexpr int kAnnualResults = 21;

// One row of the table as the template labels it: its group ("（三）不予公开") and item
// ("1.属于国家秘密"); rows without items have the label in `group`.
struct AnnualRowLabel
{
    QString part;  // 一、本年新收政府信息公开申请数量 ...
    QString group; // （一）予以公开 ...
    QString item;  // 1.属于国家秘密 ...
};

// The columns: 自然人; 法人或其他组织: 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他; 总计.
inline constexpr int kAnnualColumns = 7; // the six kinds of kApplicantKinds, then the total
QString annualColumnName(int column);
QString annualColumnGroup(int column); // "" or 法人或其他组织

// The row a case counts in once it is finished, from its state; unset while it is open. A reply
// with several requests counts once: in its rows' common result; where some requests are
// disclosed and others not, as 部分公开 (the template: "区分处理的，只计这一情形"); otherwise as
// its first request's.
std::optional<AnnualResult> annualResultOf(const CaseState& state);
AnnualResult annualResultOfRow(const ReplyRow& row);

// A disclosure case as the annual table counts it.
struct AnnualCase
{
    QDate received; // the receipt day (政府信息公开条例 Art. 31)
    ApplicantKind applicant = ApplicantKind::NaturalPerson;
    std::optional<QDate> finished; // replied or closed
    std::optional<AnnualResult> result;
};
// A case's facts for the table: the applicant's kind as its reply recorded it, else as its
// applicant's code suggests (core/DisclosureApplicant.h).
AnnualCase annualCaseOf(const CaseState& state);

struct AnnualTable
{
    int year = 0;
    // [row][column]: row 0 一 new, row 1 二 carried over, rows 2.. the results, then (七) total,
    // then 四 carried forward.
    static constexpr int kRows = 2 + kAnnualResults + 1 + 1;
    std::array<std::array<int, kAnnualColumns>, kRows> cells{};

    int newApplications(int column) const { return cells[0][column]; }
    int carriedOver(int column) const { return cells[1][column]; }
    int result(AnnualResult r, int column) const { return cells[2 + int(r)][column]; }
    int processed(int column) const { return cells[2 + kAnnualResults][column]; }
    int carriedForward(int column) const { return cells[kRows - 1][column]; }
    // The template's check: new + carried over = processed + carried forward, per column.
    bool balances() const;
};

// The table of `year` from the hall's disclosure cases.
AnnualTable annualTable(const QList<AnnualCase>& cases, int year);
// The labels of the table's rows, in order (AnnualTable::kRows of them).
QList<AnnualRowLabel> annualRowLabels();

} // namespace onewindow::core
