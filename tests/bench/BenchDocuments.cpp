// Rendering a document to PDF: the acceptance receipt (受理回执, 80 mm) and the A4 acceptance
// notice, from the case's events to the PDF file written, median and worst of N renders.
// Target (architecture.md): an acceptance receipt to PDF within 100 ms.
//
// Usage: bench_documents [RENDERS] [FOLDER]   (default 50 renders, FOLDER /tmp)
#include "core/CasePayloads.h"
#include "core/Clock.h"
#include "demo/DemoCatalog.h"
#include "documents/Document.h"
#include "store/CaseStore.h"
#include "store/CatalogRepository.h"
#include "store/Store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace onewindow;

namespace {

struct Figures
{
    double median = 0;
    double worst = 0;
    double first = 0;
};

Figures renders(store::CaseStore& cases, const QString& caseId, documents::PageFormat format,
                const QString& pdf, int n, const core::Clock& clock)
{
    std::vector<double> ms;
    for (int i = 0; i < n; ++i) {
        QElapsedTimer t;
        t.start();
        auto ticket = cases.previewPrint(caseId, core::DocumentKind::Acceptance);
        if (!ticket)
            return {};
        documents::DocumentRequest request{ticket->kind,
                                           format,
                                           ticket->events,
                                           ticket->context,
                                           ticket->source,
                                           ticket->number,
                                           ticket->reprint,
                                           clock.todayIn(cases.settings().zone),
                                           documents::defaultHallProfile(),
                                           {}};
        auto document = documents::buildDocument(request);
        if (!document || !documents::writePdf(*document, pdf))
            return {};
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    Figures f;
    f.first = ms.front();
    std::sort(ms.begin(), ms.end());
    f.median = ms[ms.size() / 2];
    f.worst = ms.back();
    return f;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int n = std::max(1, argc > 1 ? std::atoi(argv[1]) : 50);
    const QString folder = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QDir::tempPath();
    const QString path = folder + QStringLiteral("/bench-documents.sqlite");
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));

    core::SystemClock clock;
    auto opened = store::Store::open(path, clock);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    const QList<core::ServiceItem> demo = demo::demoItems();
    store::CatalogRepository(**opened).importItems(demo, QStringLiteral("bench"));
    store::CaseStore cases(**opened);
    cases.ensureDevice(QStringLiteral("620102"), QStringLiteral("W01"));
    const core::ServiceItem& item = demo.at(2);
    core::ReceivedInput in;
    in.itemCode = item.code;
    in.itemVersion = 1;
    in.applicant.name = QStringLiteral("张三");
    in.applicant.idNumber = QStringLiteral("11010519491231002X");
    in.applicant.phone = QStringLiteral("13912345678");
    in.materials = core::checklistFor(item);
    auto received = cases.receive(in, QStringLiteral("clerk-1"));
    if (!received || !cases.append(received->event.caseId, core::EventType::Accepted,
                                   core::payload::accepted(), QStringLiteral("clerk-1"))) {
        std::fprintf(stderr, "could not make the case\n");
        return 1;
    }
    const QString caseId = received->event.caseId;
    const Figures roll = renders(cases, caseId, documents::PageFormat::Receipt80mm,
                                 folder + QStringLiteral("/bench-receipt.pdf"), n, clock);
    const Figures a4 = renders(cases, caseId, documents::PageFormat::A4,
                               folder + QStringLiteral("/bench-notice.pdf"), n, clock);
    if (roll.median == 0 || a4.median == 0) {
        std::fprintf(stderr, "rendering failed\n");
        return 1;
    }
    std::printf("%-52s %8s %8s %8s\n", "render to PDF (case events -> file), ms", "first", "median",
                "worst");
    std::printf("%-52s %8.1f %8.1f %8.1f\n", "acceptance receipt, 80 mm (受理回执)", roll.first,
                roll.median, roll.worst);
    std::printf("%-52s %8.1f %8.1f %8.1f\n", "acceptance notice, A4 (受理通知书)", a4.first,
                a4.median, a4.worst);
    std::printf("%d renders each; target: acceptance receipt <= 100 ms: %s\n", n,
                roll.worst <= 100    ? "met (worst)"
                : roll.median <= 100 ? "met (median)"
                                     : "NOT MET");
    return 0;
}
