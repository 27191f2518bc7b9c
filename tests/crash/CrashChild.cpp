// The child of the crash test: performs case actions against a store as fast as it can and
// prints each event id on stdout only after its transaction has committed. The parent kills it
// with SIGKILL at random moments and checks that every acknowledged event survived.
//
// Usage: crash_child STORE SEED
#include "core/CasePayloads.h"
#include "core/Clock.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/Store.h"
#include "support/CatalogFixtures.h"

#include <QCoreApplication>

#include <cstdio>
#include <random>

using namespace onewindow;
namespace payload = core::payload;

namespace {

// Each round works on a day of its own (the system's time, moved on by the round's number of
// days): a window numbers at most 9999 cases a day, and fifty rounds of fast intake would run
// past that on one day.
class RoundClock final : public core::Clock
{
public:
    explicit RoundClock(int round) : m_days(round) {}
    QDateTime nowUtc() const override { return m_system.nowUtc().addDays(m_days); }

private:
    core::SystemClock m_system;
    int m_days;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3)
        return 2;
    const RoundClock clock(std::atoi(argv[2]));
    auto opened = store::Store::open(QString::fromLocal8Bit(argv[1]), clock);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    store::Store& s = **opened;
    core::ServiceItem item = test::sampleItem(1, QStringLiteral("食品经营许可"));
    item.statutoryDays = 20;
    item.promisedDays = 10;
    if (!store::CatalogRepository(s).importItems({item}, QStringLiteral("crash test")))
        return 1;
    store::CaseStore cases(s);
    if (!cases.ensureDevice(QStringLiteral("620102"), QStringLiteral("W99")))
        return 1;
    std::mt19937 rng(static_cast<unsigned>(std::atoi(argv[2])));
    QString open;
    for (;;) {
        core::Result<store::CaseStore::Appended> done = core::Error{};
        if (open.isEmpty() || rng() % 4 == 0) {
            core::ReceivedInput in;
            in.itemCode = item.code;
            in.itemVersion = 1;
            in.applicant.name = QStringLiteral("测试申请人");
            in.applicant.idNumber = QStringLiteral("11010519491231002X");
            in.materials = core::checklistFor(item);
            done = cases.receive(in, QStringLiteral("clerk-crash"));
            if (done)
                open = done->event.caseId;
        } else if (rng() % 3 == 0) {
            done = cases.append(open, core::EventType::Accepted, payload::accepted(),
                                QStringLiteral("clerk-crash"));
            if (!done)
                done = cases.append(open, core::EventType::Note, payload::note(QStringLiteral("n")),
                                    QStringLiteral("clerk-crash"));
        } else {
            done =
                cases.append(open, core::EventType::Note, payload::note(QStringLiteral("进度说明")),
                             QStringLiteral("clerk-crash"));
        }
        if (!done) {
            std::fprintf(stderr, "%s\n", qPrintable(done.error().message));
            return 1;
        }
        // Acknowledged: the transaction has committed.
        std::printf("%s\n", qPrintable(done->event.eventId));
        std::fflush(stdout);
    }
}
