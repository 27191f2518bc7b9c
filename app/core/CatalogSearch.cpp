#include "core/CatalogSearch.h"

#include "core/PinyinInitials.h"

#include <algorithm>

namespace onewindow::core {

CatalogEntry catalogEntry(const ServiceItem& item, int version)
{
    return CatalogEntry{
        item.code,    item.name,         item.department, item.office,
        item.profile, item.promisedDays, version,         pinyinInitials(item.name)};
}

void CatalogSearch::setEntries(QList<CatalogEntry> entries)
{
    m_entries = std::move(entries);
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const CatalogEntry& a, const CatalogEntry& b) { return a.name < b.name; });
    m_lowerCodes.clear();
    m_lowerCodes.reserve(m_entries.size());
    for (CatalogEntry& e : m_entries) {
        if (e.initials.isEmpty())
            e.initials = pinyinInitials(e.name);
        m_lowerCodes.append(e.code.toLower());
    }
}

namespace {

bool isAsciiWord(const QString& term)
{
    return std::all_of(term.begin(), term.end(),
                       [](QChar c) { return c.unicode() < 128 && c.isLetterOrNumber(); });
}

// 0 = exact code, 1 = starts with, 2 = contains, -1 = no match.
int rankTerm(const CatalogEntry& e, const QString& lowerCode, const QString& term, bool ascii)
{
    if (lowerCode == term)
        return 0;
    int best = -1;
    const auto consider = [&](int rank) {
        if (best < 0 || rank < best)
            best = rank;
    };
    if (e.name.startsWith(term, Qt::CaseInsensitive))
        consider(1);
    else if (e.name.contains(term, Qt::CaseInsensitive))
        consider(2);
    if (ascii) {
        if (e.initials.startsWith(term))
            consider(1);
        else if (e.initials.contains(term))
            consider(2);
        if (term.size() >= 4 && lowerCode.startsWith(term))
            consider(1);
        else if (term.size() >= 6 && lowerCode.contains(term))
            consider(3);
    }
    if (best < 0 && (e.department.contains(term, Qt::CaseInsensitive) ||
                     e.office.contains(term, Qt::CaseInsensitive)))
        consider(4);
    return best;
}

} // namespace

QList<int> CatalogSearch::search(const QString& query, int limit) const
{
    const QStringList terms =
        query.simplified().toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QList<std::pair<int, int>> hits; // (rank, index)
    for (int i = 0; i < m_entries.size(); ++i) {
        int rank = 0;
        for (const QString& term : terms) {
            const int r = rankTerm(m_entries[i], m_lowerCodes[i], term, isAsciiWord(term));
            if (r < 0) {
                rank = -1;
                break;
            }
            rank = std::max(rank, r);
        }
        if (rank >= 0)
            hits.append({rank, i});
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QList<int> out;
    out.reserve(std::min<qsizetype>(limit, hits.size()));
    for (const auto& hit : hits) {
        if (out.size() >= limit)
            break;
        out.append(hit.second);
    }
    return out;
}

} // namespace onewindow::core
