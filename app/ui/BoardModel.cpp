#include "ui/BoardModel.h"

#include "core/CaseClocks.h"
#include "core/CaseState.h"
#include "core/Catalog.h"
#include "core/ClockText.h"
#include "core/DateText.h"
#include "core/Identifiers.h"
#include "ui/UiText.h"

#include <QFontMetrics>
#include <QSet>

#include <algorithm>

namespace onewindow::ui {

using store::BoardGrouping;

namespace {

QString statusName(const QString& key)
{
    const auto status = core::caseStatusFromKey(key);
    return status ? core::caseStatusName(*status) : key;
}

QString profileText(const QString& key)
{
    const auto profile = core::profileFromKey(key);
    return profile ? core::profileName(*profile) : key;
}

} // namespace

void BoardModel::setBoard(QList<store::BoardRow> rows, const QDate& today,
                          const QHash<QString, QString>& names)
{
    m_all = std::move(rows);
    m_today = today;
    m_names = names;
    rebuild();
}

void BoardModel::updateCases(const QStringList& touched, QList<store::BoardRow> rows)
{
    if (touched.isEmpty())
        return;
    const QSet<QString> gone(touched.begin(), touched.end());
    m_all.removeIf([&](const store::BoardRow& r) { return gone.contains(r.row.caseId); });
    m_all.append(std::move(rows));
    store::SupervisionQueries::sortBoard(m_all);
    rebuild();
}

void BoardModel::setGrouping(BoardGrouping grouping)
{
    m_grouping = grouping;
    rebuild();
}

void BoardModel::setFilterText(const QString& text)
{
    m_filter = text.simplified();
    rebuild();
}

bool BoardModel::matches(const store::BoardRow& b, const QStringList& terms) const
{
    const store::CaseRow& r = b.row;
    const QString haystack = QStringList{r.windowCode,
                                         m_names.value(r.clerkId, r.clerkId),
                                         r.department,
                                         r.itemName,
                                         profileText(r.profile),
                                         statusName(r.status),
                                         core::warningLevelName(b.level),
                                         r.caseNumber,
                                         r.applicantName}
                                 .join(QLatin1Char('\n'));
    for (const QString& t : terms)
        if (!haystack.contains(t, Qt::CaseInsensitive))
            return false;
    return true;
}

void BoardModel::rebuild()
{
    beginResetModel();
    const QStringList terms = m_filter.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    m_shown.clear();
    for (const store::BoardRow& r : std::as_const(m_all))
        if (terms.isEmpty() || matches(r, terms))
            m_shown.append(r);
    m_groups = m_grouping == BoardGrouping::None
                   ? QList<store::BoardGroup>()
                   : store::SupervisionQueries::group(m_shown, m_grouping);
    endResetModel();
}

QString BoardModel::countsText(int red, int yellow, int normal)
{
    return tr("Red %1 · Yellow %2 · Normal %3").arg(red).arg(yellow).arg(normal);
}

QString BoardModel::totalCountsText() const
{
    int red = 0;
    int yellow = 0;
    for (const store::BoardRow& r : m_shown) {
        red += r.level == core::WarningLevel::Red ? 1 : 0;
        yellow += r.level == core::WarningLevel::Yellow ? 1 : 0;
    }
    return countsText(red, yellow, static_cast<int>(m_shown.size()) - red - yellow);
}

QString BoardModel::groupName(const store::BoardGroup& g) const
{
    const store::BoardRow& first = m_shown.at(g.rows.first());
    switch (m_grouping) {
    case BoardGrouping::Window:
        return tr("Window %1").arg(g.key);
    case BoardGrouping::Clerk:
        return m_names.value(g.key, g.key);
    case BoardGrouping::Item:
        return first.row.itemName;
    case BoardGrouping::Profile:
        return profileText(g.key);
    case BoardGrouping::Status:
        return statusName(g.key);
    case BoardGrouping::Level:
        return core::warningLevelName(first.level);
    case BoardGrouping::Department:
    case BoardGrouping::None:
        break;
    }
    return g.key;
}

const store::BoardRow* BoardModel::caseAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    if (m_grouping == BoardGrouping::None)
        return index.row() < m_shown.size() ? &m_shown[index.row()] : nullptr;
    if (index.internalId() == 0)
        return nullptr; // a group row
    const store::BoardGroup& g = m_groups.at(static_cast<qsizetype>(index.internalId() - 1));
    return &m_shown[g.rows.at(index.row())];
}

QModelIndex BoardModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return QModelIndex();
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex BoardModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return QModelIndex();
    return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr(0));
}

int BoardModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_grouping == BoardGrouping::None ? m_shown.size()
                                                                  : m_groups.size());
    if (m_grouping == BoardGrouping::None || parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return static_cast<int>(m_groups.at(parent.row()).rows.size());
}

int BoardModel::columnCount(const QModelIndex& parent) const
{
    Q_UNUSED(parent);
    return ColumnCount;
}

QString BoardModel::clockText(const store::BoardClock& c) const
{
    if (!c.running)
        return QStringLiteral("—");
    // The level in words as well as in colour (a clerk who cannot tell red from yellow), the
    // clock's own provisional mark and its standing as core words it for every screen.
    const QString standing = core::clockStandingText(c.level, c.daysLeft, c.overdueDays, c.unit);
    const QString date = core::deadlineText(c.deadline, c.provisional);
    if (c.level == core::WarningLevel::Red || c.level == core::WarningLevel::Yellow)
        return tr("%1: %2, %3").arg(core::warningLevelName(c.level), date, standing);
    return tr("%1, %2").arg(date, standing);
}

int BoardModel::widestClockText(int column, const QFontMetrics& fm) const
{
    // Thousands of cases but few different texts (a deadline, a level, a number of days): each
    // one measured once.
    QSet<QString> texts;
    for (const store::BoardRow& b : m_all)
        texts.insert(clockText(column == StatutoryColumn  ? b.statutory
                               : column == PromisedColumn ? b.promised
                                                          : b.notice));
    int widest = 0;
    for (const QString& text : std::as_const(texts))
        widest = std::max(widest, fm.horizontalAdvance(text));
    return widest;
}

QVariant BoardModel::caseData(const store::BoardRow& b, int column, int role) const
{
    const store::CaseRow& r = b.row;
    switch (role) {
    case CaseIdRole:
        return r.caseId;
    case LevelRole:
        return static_cast<int>(b.level);
    case GroupRole:
        return false;
    case Qt::BackgroundRole:
        if (column == StatutoryColumn)
            return levelBackground(b.statutory.level);
        if (column == PromisedColumn)
            return levelBackground(b.promised.level);
        if (column == NoticeColumn)
            return levelBackground(b.notice.level);
        return levelBackground(b.level);
    case Qt::DisplayRole:
        break;
    default:
        return QVariant();
    }
    switch (column) {
    case LevelColumn:
        return core::warningLevelName(b.level);
    case NumberColumn:
        return r.caseNumber;
    case ItemColumn:
        return r.itemName;
    case ApplicantColumn:
        return QStringLiteral("%1 %2").arg(r.applicantName, core::maskIdNumber(r.applicantId));
    case ClerkColumn:
        return m_names.value(r.clerkId, r.clerkId);
    case WindowColumn:
        return r.windowCode;
    case StatusColumn: {
        QString text =
            r.suspended ? tr("%1 (clock paused)").arg(statusName(r.status)) : statusName(r.status);
        if (!r.holderWindow.isEmpty()) // 领办: the supervisor sees whose it is
            text = tr("%1 (held by %2)").arg(text, r.holderWindow);
        return text;
    }
    case StatutoryColumn:
        return clockText(b.statutory);
    case PromisedColumn:
        return clockText(b.promised);
    case NoticeColumn:
        return clockText(b.notice);
    default:
        return QVariant();
    }
}

QVariant BoardModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    if (const store::BoardRow* b = caseAt(index))
        return caseData(*b, index.column(), role);
    const store::BoardGroup& g = m_groups.at(index.row());
    if (role == GroupRole)
        return true;
    if (role == Qt::BackgroundRole && index.column() == 0)
        return levelBackground(g.red > 0      ? core::WarningLevel::Red
                               : g.yellow > 0 ? core::WarningLevel::Yellow
                                              : core::WarningLevel::Normal);
    if (role != Qt::DisplayRole || index.column() != 0)
        return QVariant();
    return tr("%1 — %2").arg(groupName(g), countsText(g.red, g.yellow, g.normal));
}

QVariant BoardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case LevelColumn:
        return tr("Warning");
    case NumberColumn:
        return tr("Case number");
    case ItemColumn:
        return tr("Item");
    case ApplicantColumn:
        return tr("Applicant");
    case ClerkColumn:
        return tr("Clerk");
    case WindowColumn:
        return tr("Window");
    case StatusColumn:
        return tr("State");
    case StatutoryColumn:
        return tr("Statutory limit");
    case PromisedColumn:
        return tr("Promised limit");
    case NoticeColumn:
        return tr("Notice period");
    default:
        return QVariant();
    }
}

} // namespace onewindow::ui
