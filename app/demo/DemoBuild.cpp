#include "demo/DemoBuild.h"

#include "demo/DemoHall.h"

#include <QFileInfo>

namespace onewindow::demo {

Result<DemoSeedSummary> buildDemoStore(const QString& path, const core::Clock& clock,
                                       const DemoBuild& what, const DemoSeeder::Progress& progress)
{
    const QFileInfo target(path);
    if (target.exists() || target.isSymLink())
        return Error{QStringLiteral("demo.store_exists"),
                     QStringLiteral("数据文件 %1 已存在（其中可能已有办件），该文件未被改动。"
                                    "演示数据只生成到新的数据文件，生成完成后才出现；"
                                    "请用 --store 指定一个新文件")
                         .arg(path)};
    auto built = Store::build(path, clock);
    if (!built)
        return built.error();
    DemoSeedSummary summary;
    {
        Store& store = **built;
        store::HallConfig settings;
        if (what.hall) {
            if (Status s = prepareDemoHall(store); !s)
                return s.error();
            settings = demoHallConfig();
        }
        if (what.cases > 0) {
            CaseStore cases(store, settings);
            auto seeded = DemoSeeder(store, cases, what.seed, what.cases, progress).run();
            if (!seeded)
                return seeded.error(); // the private file goes with the built store
            summary = *seeded;
        }
    }
    if (Status s = Store::publish(std::move(built).value(), path); !s)
        return s.error();
    return summary;
}

} // namespace onewindow::demo
