#include "core/WarningWatch.h"

namespace onewindow::core {

int warningRank(WarningLevel level)
{
    switch (level) {
    case WarningLevel::Yellow:
        return 1;
    case WarningLevel::Red:
        return 2;
    default:
        return 0;
    }
}

void WarningWatch::reset()
{
    m_day = QDate();
    m_toldFor = QDate();
    m_levels.clear();
    m_told.clear();
}

QStringList WarningWatch::told() const
{
    QStringList keys(m_told.begin(), m_told.end());
    keys.sort();
    return keys;
}

void WarningWatch::setTold(const QDate& day, const QStringList& keys)
{
    m_toldFor = day;
    m_told = QSet<QString>(keys.begin(), keys.end());
}

QList<WarningAlert> WarningWatch::observe(const QDate& today, const QList<WatchedCase>& cases)
{
    if (today != m_day) {
        if (today != m_toldFor)
            m_told.clear();
        m_day = today;
        m_toldFor = QDate();
    }
    QList<WarningAlert> alerts;
    QHash<QString, WarningLevel> levels;
    levels.reserve(cases.size());
    for (const WatchedCase& c : cases) {
        levels.insert(c.caseId, c.level);
        const WarningLevel before = m_levels.value(c.caseId, c.levelBefore);
        const int rank = warningRank(c.level);
        if (rank == 0 || rank <= warningRank(before))
            continue;
        const QString key = c.caseId + QLatin1Char('/') + QString::number(rank);
        if (m_told.contains(key))
            continue;
        m_told.insert(key);
        alerts.append(WarningAlert{c.caseId, c.caseNumber, c.itemName, c.level, c.workingDaysLeft,
                                   c.overdueDays});
    }
    m_levels = std::move(levels);
    return alerts;
}

} // namespace onewindow::core
