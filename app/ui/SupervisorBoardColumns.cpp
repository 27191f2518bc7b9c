// The widths of the supervisor's board: the short columns from what they hold, the clock columns
// as wide as their text (core's ClockText wording), 事项 and 申请人 taking the rest of the width.
#include "ui/BoardModel.h"
#include "ui/SupervisorPage.h"
#include "ui/UiState.h"

#include <QHeaderView>
#include <QStyle>
#include <QTreeView>

namespace onewindow::ui {

namespace {

constexpr int kClockColumns[] = {BoardModel::StatutoryColumn, BoardModel::PromisedColumn,
                                 BoardModel::NoticeColumn};

} // namespace

void SupervisorPage::setBoardColumnWidths()
{
    QHeaderView* header = m_boardView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    // 事项 and 申请人 share what the other columns leave (they hold the longest texts).
    header->setSectionResizeMode(BoardModel::ItemColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(BoardModel::ApplicantColumn, QHeaderView::Stretch);
    const QFontMetrics fm = m_boardView->fontMetrics();
    const auto width = [&](const QString& sample) { return fm.horizontalAdvance(sample) + 24; };
    const QList<std::pair<int, QString>> samples{
        {BoardModel::LevelColumn, QStringLiteral("红牌红牌")},
        {BoardModel::NumberColumn, QStringLiteral("620102-20261206-W01-0001")},
        {BoardModel::ClerkColumn, QStringLiteral("张三丰三")},
        {BoardModel::WindowColumn, QStringLiteral("W01窗口")},
        {BoardModel::StatusColumn, QStringLiteral("补正材料中（计时中止）")}};
    for (const auto& [column, sample] : samples)
        m_boardView->setColumnWidth(column, width(sample));
    // The clock columns start at their titles' width; the board's cases widen them.
    for (int column : kClockColumns)
        m_boardView->setColumnWidth(
            column, header->fontMetrics().horizontalAdvance(
                        m_board->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()) +
                        24);
}

void SupervisorPage::fitClockColumns()
{
    if (m_ownWidths)
        return;
    QHeaderView* header = m_boardView->header();
    const QFontMetrics fm = m_boardView->fontMetrics();
    // A cell's text margins (QCommonStyle: the focus frame margin and one pixel on each side)
    // and a little air.
    const int margin =
        2 * (style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_boardView) + 1) + 6;
    const int headerMargin = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    // Widths the page sets are not the supervisor's choice: not kept for them.
    uistate::rememberHeader(header, QStringLiteral("board/columns"), QString());
    m_sizing = true;
    for (int column : kClockColumns) {
        const int title =
            header->fontMetrics().horizontalAdvance(
                m_board->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()) +
            headerMargin;
        header->resizeSection(column,
                              std::max(title, m_board->widestClockText(column, fm) + margin));
    }
    m_sizing = false;
    uistate::rememberHeader(header, QStringLiteral("board/columns"), m_user.userId);
}

} // namespace onewindow::ui
