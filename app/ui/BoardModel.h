#pragma once

#include "store/SupervisionQueries.h"

#include <QAbstractItemModel>
#include <QDate>
#include <QHash>

class QFontMetrics;

namespace onewindow::ui {

// The supervisor's board as a tree: with a grouping, one row per group (its name and counts per
// warning level) holding its cases; without one, the cases alone. A filter text narrows the cases
// first: every word must match the window, clerk, department, item, profile, state, warning level,
// case number or applicant.
class BoardModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        LevelColumn,
        NumberColumn,
        ItemColumn,
        ApplicantColumn,
        ClerkColumn,
        WindowColumn,
        StatusColumn,
        StatutoryColumn,
        PromisedColumn,
        NoticeColumn,
        ColumnCount,
    };
    enum Role
    {
        CaseIdRole = Qt::UserRole + 1,
        LevelRole,
        GroupRole, // true on group rows
    };
    using QAbstractItemModel::QAbstractItemModel;

    // `names`: display names by user id.
    void setBoard(QList<store::BoardRow> rows, const QDate& today,
                  const QHash<QString, QString>& names);
    // Brings a board read earlier up to date: the `touched` cases leave it, `rows` (those of them
    // still open) come back in board order. Nothing touched: nothing happens (no reset).
    void updateCases(const QStringList& touched, QList<store::BoardRow> rows);
    void setGrouping(store::BoardGrouping grouping);
    void setFilterText(const QString& text);
    store::BoardGrouping grouping() const { return m_grouping; }

    const store::BoardRow* caseAt(const QModelIndex& index) const;
    const QList<store::BoardRow>& shownRows() const { return m_shown; }
    const QList<store::BoardGroup>& groups() const { return m_groups; }
    QString groupName(const store::BoardGroup& group) const;
    // "红牌 3 · 黄牌 12 · 正常 240" for a group, or for every case shown.
    static QString countsText(int red, int yellow, int normal);
    QString totalCountsText() const;
    // The widest text of a clock column over every case on the board (filtered out or not, so
    // that the column does not change as the supervisor types), in pixels of `fm`.
    int widestClockText(int column, const QFontMetrics& fm) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void rebuild();
    bool matches(const store::BoardRow& row, const QStringList& terms) const;
    QString clockText(const store::BoardClock& clock) const;
    QVariant caseData(const store::BoardRow& row, int column, int role) const;

    QList<store::BoardRow> m_all;
    QList<store::BoardRow> m_shown; // after the filter, in board order
    QList<store::BoardGroup> m_groups;
    store::BoardGrouping m_grouping = store::BoardGrouping::None;
    QString m_filter;
    QDate m_today;
    QHash<QString, QString> m_names;
};

} // namespace onewindow::ui
