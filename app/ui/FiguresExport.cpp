#include "ui/FiguresPage.h"

#include "exporting/ExportTables.h"
#include "store/CaseQueries.h"
#include "store/UserRepository.h"
#include "ui/FigureTableModel.h"
#include "ui/MatterFiguresTable.h"

#include <QFileDialog>
#include <QFutureWatcher>
#include <QLabel>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

// The Figures page's exports (on a worker thread, behind a progress dialog that does not block the
// event loop) and its printed report.

namespace onewindow::ui {

namespace {

constexpr int kMaxCaseListRows = 1000000;

} // namespace

// What the worker and the page share while an export runs: its progress, Cancel, and its outcome.
struct FiguresPage::ExportRun
{
    std::atomic<bool> cancelled{false};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    std::optional<core::Status> result;
};

core::Status FiguresPage::exportBusy() const
{
    return core::Error{QStringLiteral("export.busy"),
                       tr("An export is still running: wait for it to finish or cancel it.")};
}

void FiguresPage::setExportButtonsEnabled(bool enabled)
{
    for (QPushButton* b : {m_exportCsv, m_exportXlsx, m_exportCases, m_print})
        b->setEnabled(enabled);
}

core::Status
FiguresPage::runExport(const QString& title,
                       std::function<core::Status(const exporting::ExportProgress&)> work)
{
    auto run = std::make_shared<ExportRun>();
    m_export = run;
    m_exporting = true;
    setExportButtonsEnabled(false);
    // Window-modal but shown, not exec()'d: the page's window takes no input meanwhile, and the
    // application's event loop (the tick, the idle lock) keeps turning as always.
    m_exportProgress = new QProgressDialog(title, tr("Cancel"), 0, 1000, this);
    m_exportProgress->setWindowModality(Qt::WindowModal);
    m_exportProgress->setMinimumDuration(300);
    m_exportProgress->setAutoClose(false);
    m_exportProgress->setAutoReset(false);
    connect(m_exportProgress, &QProgressDialog::canceled, this, [run] { run->cancelled = true; });
    m_exportTick->disconnect();
    connect(m_exportTick, &QTimer::timeout, this, [this, run] {
        if (m_exportProgress && run->total > 0)
            m_exportProgress->setValue(static_cast<int>(run->done * 1000 / run->total));
    });
    m_exportTick->start();
    m_exportWatcher->setFuture(QtConcurrent::run([run, work = std::move(work)] {
        run->result = work([&run = *run](qint64 d, qint64 t) {
            run.done = d;
            run.total = t;
            return !run.cancelled.load();
        });
    }));
    return {};
}

void FiguresPage::exportFinished()
{
    m_exportTick->stop();
    if (m_exportProgress) {
        m_exportProgress->close();
        m_exportProgress->deleteLater();
        m_exportProgress = nullptr;
    }
    m_exporting = false;
    setExportButtonsEnabled(m_hasCount);
    m_lastExport = m_export && m_export->result
                       ? *m_export->result
                       : core::Status(core::Error{QStringLiteral("export.failed"),
                                                  tr("The export stopped unexpectedly. Try again; "
                                                     "if it happens again, ask the administrator "
                                                     "to check the log.")});
    m_export.reset();
    if (m_lastExport)
        m_message->setText(tr("Saved %1").arg(m_exportPath));
    else if (m_lastExport.error().code == QStringLiteral("export.cancelled"))
        m_message->setText(tr("Export cancelled; %1 was not written.").arg(m_exportPath));
    else
        m_message->setText(m_lastExport.error().message);
    Q_EMIT exported();
}

core::Status FiguresPage::exportFigures(const QString& path)
{
    const auto format = exporting::exportFormatFor(path);
    if (m_exporting)
        return exportBusy();
    if (!format)
        return core::Error{QStringLiteral("export.format"),
                           tr("Choose a file name ending in .csv or .xlsx.")};
    auto source = std::make_shared<exporting::FigureTableSource>(m_model->table());
    // 一件事一次办 of the same range after the cases' figures (none when they could not be
    // counted: the page shows why).
    std::shared_ptr<exporting::MatterFigureSource> matters;
    if (m_matters->figures())
        matters = std::make_shared<exporting::MatterFigureSource>(*m_matters->figures());
    m_exportPath = path;
    return runExport(tr("Exporting the figures..."), [=](const exporting::ExportProgress& p) {
        QList<const exporting::TableSource*> tables{source.get()};
        if (matters)
            tables.append(matters.get());
        return *format == exporting::ExportFormat::Csv ? exporting::writeCsv(tables, path, p)
                                                       : exporting::writeXlsx(tables, path, p);
    });
}

core::Status FiguresPage::exportCaseList(const QString& path)
{
    const auto format = exporting::exportFormatFor(path);
    if (m_exporting)
        return exportBusy();
    if (!format)
        return core::Error{QStringLiteral("export.format"),
                           tr("Choose a file name ending in .csv or .xlsx.")};
    const core::FigureTable& t = m_model->table();
    auto rows = store::CaseQueries(m_store).between(store::CaseQueries::DateField::Received, t.from,
                                                    t.to, kMaxCaseListRows);
    if (!rows)
        return rows.error();
    m_exportPath = path;
    QHash<QString, QString> names;
    if (auto users = store::UserRepository(m_store).users())
        for (const store::User& u : *users)
            names.insert(u.userId, u.displayName);
    auto source = std::make_shared<exporting::CaseRowSource>(*rows, names);
    return runExport(tr("Exporting %1 cases...").arg(rows->size()),
                     [=](const exporting::ExportProgress& p) {
                         return *format == exporting::ExportFormat::Csv
                                    ? exporting::writeCsv(*source, path, p)
                                    : exporting::writeXlsx({source.get()}, path, p);
                     });
}

void FiguresPage::chooseAndExport(bool caseList, const QString& suffix)
{
    const QString filter = caseList ? tr("Excel workbook (*.xlsx);;CSV (*.csv)")
                           : suffix == QStringLiteral("csv") ? tr("CSV (*.csv)")
                                                             : tr("Excel workbook (*.xlsx)");
    const QString name = caseList ? tr("cases") : tr("figures");
    const QString path = QFileDialog::getSaveFileName(
        this, caseList ? tr("Export the case list") : tr("Export the figures"),
        QStringLiteral("%1-%2-%3.%4")
            .arg(name, m_model->table().from.toString(QStringLiteral("yyyyMMdd")),
                 m_model->table().to.toString(QStringLiteral("yyyyMMdd")), suffix),
        filter);
    if (path.isEmpty())
        return;
    // Started, or refused at once; the end (saved, cancelled, failed) is told by exportFinished().
    if (const core::Status s = caseList ? exportCaseList(path) : exportFigures(path); !s)
        QMessageBox::warning(this, tr("Export"), s.error().message);
}

documents::FigureReport FiguresPage::report() const
{
    documents::FigureReport r;
    const core::FigureTable& t = m_model->table();
    r.kind = t.kind == core::PeriodKind::Day    ? documents::ReportKind::Daily
             : t.kind == core::PeriodKind::Week ? documents::ReportKind::Weekly
                                                : documents::ReportKind::Monthly;
    r.hallName = m_settings.hallName;
    r.table = m_byDepartment;
    r.overdueInHall = m_overdueInHall;
    r.matters = m_matters->figures();
    r.issuedOn = m_settings.today(m_clock);
    return r;
}

void FiguresPage::printReport()
{
    const documents::FigureReport r = report();
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(documents::reportTitle(r.kind));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [&](QPrinter* p) {
        if (core::Status s = documents::paintFigureReport(r, *p); !s)
            QMessageBox::warning(this, tr("Print report"), s.error().message);
    });
    preview.exec();
}

} // namespace onewindow::ui
