#include "store/MatterCases.h"

#include "store/MatterRepository.h"

#include <algorithm>
#include <optional>

namespace onewindow::store {

namespace {

// The matters' catalog as a list of matters reads it: each version parsed once, not once a matter.
struct MatterCatalog
{
    std::optional<QHash<QString, core::Matter>> current;
    QHash<QString, core::MatterVersion> versions; // "code/version"
};

Result<LoadedMatter> loadWith(CaseStore& cases, const QString& matterNumber, const QDate& today,
                              MatterCatalog& catalog)
{
    if (auto parsed = core::parseMatterNumber(matterNumber); !parsed)
        return parsed.error();
    MatterRepository repo(cases.store());
    auto ids = repo.partCaseIds(matterNumber);
    if (!ids)
        return ids.error();
    if (ids->isEmpty())
        return Error{QStringLiteral("matter.unknown"),
                     QStringLiteral("本工作站没有编号为 %1 的一件事").arg(matterNumber)};
    LoadedMatter out;
    out.number = matterNumber;
    QList<core::CaseState> states;
    for (const QString& id : *ids) {
        auto loaded = cases.load(id);
        if (!loaded)
            return loaded.error();
        out.parts.append(core::MatterPartCase{*loaded->context.item, loaded->state});
        states.append(loaded->state);
    }
    // Every part names the matter (partCaseIds found each by its accepted naming event).
    const auto named = std::find_if(states.cbegin(), states.cend(),
                                    [](const core::CaseState& s) { return s.matter.has_value(); });
    if (named == states.cend())
        return Error{QStringLiteral("matter.unknown"),
                     QStringLiteral("本工作站没有编号为 %1 的一件事").arg(matterNumber)};
    const core::MatterLink link = *named->matter;
    const QString key = QStringLiteral("%1/%2").arg(link.code).arg(link.version);
    auto cached = catalog.versions.constFind(key);
    if (cached == catalog.versions.cend()) {
        auto version = repo.matterVersion(link.code, link.version);
        if (!version)
            return version.error();
        cached = catalog.versions.insert(key, *version);
    }
    out.matter = cached->matter;
    out.version = cached->version;
    if (!catalog.current) {
        auto current = repo.currentByCode();
        if (!current)
            return current.error();
        catalog.current = *current;
    }
    out.matters = *catalog.current;
    auto progress = core::matterProgress(cases.calendar(), out.matter.promisedDays, states, today);
    if (!progress)
        return progress.error();
    out.progress = *progress;
    return out;
}

} // namespace

Result<LoadedMatter> loadMatter(CaseStore& cases, const QString& matterNumber, const QDate& today)
{
    MatterCatalog catalog;
    return loadWith(cases, matterNumber, today, catalog);
}

namespace {

Result<QList<LoadedMatter>> loadEach(CaseStore& cases, const Result<QStringList>& numbers,
                                     const QDate& today, bool openOnly)
{
    if (!numbers)
        return numbers.error();
    QList<LoadedMatter> out;
    MatterCatalog catalog;
    for (const QString& number : *numbers) {
        auto matter = loadWith(cases, number, today, catalog);
        if (!matter)
            return matter.error();
        if (!openOnly || !matter->progress.done)
            out.append(std::move(*matter));
    }
    return out;
}

} // namespace

Result<QList<LoadedMatter>> loadOpenMatters(CaseStore& cases, const QDate& today)
{
    return loadEach(cases, MatterRepository(cases.store()).openMatterNumbers(), today, true);
}

Result<core::MatterFigureTable> matterFigures(CaseStore& cases, const QDate& from, const QDate& to,
                                              const QDate& today)
{
    auto matters = loadEach(cases, MatterRepository(cases.store()).matterNumbersTouching(from, to),
                            today, false);
    if (!matters)
        return matters.error();
    QList<core::MatterFacts> facts;
    for (const LoadedMatter& m : *matters) {
        auto f = core::matterFacts(cases.calendar(), m.matter, m.progress, m.parts);
        if (!f)
            return f.error();
        facts.append(*f);
    }
    return core::matterFigures(facts, from, to);
}

} // namespace onewindow::store
