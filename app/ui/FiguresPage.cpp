#include "ui/FiguresPage.h"

#include "core/DateText.h"
#include "exporting/ExportTables.h"
#include "store/CaseQueries.h"
#include "store/StatsQueries.h"
#include "store/UserRepository.h"
#include "ui/FigureTableModel.h"
#include "ui/UiText.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QMessageBox>
#include <QPieSeries>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressDialog>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <atomic>
#include <optional>

namespace onewindow::ui {

namespace {

constexpr int kMaxCaseListRows = 1000000;

QChartView* makeChartView(const QString& title, QWidget* parent)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto* view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    return view;
}

void clearChart(QChart* chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
}

} // namespace

FiguresPage::FiguresPage(store::Store& store, const core::Clock& clock,
                         const core::WorkingCalendar& calendar, core::HallSettings settings,
                         QWidget* parent)
    : QWidget(parent), m_store(store), m_clock(clock), m_calendar(calendar),
      m_settings(std::move(settings))
{
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("By day"), static_cast<int>(core::PeriodKind::Day));
    m_kind->addItem(tr("By week"), static_cast<int>(core::PeriodKind::Week));
    m_kind->addItem(tr("By month"), static_cast<int>(core::PeriodKind::Month));
    m_kind->addItem(tr("By quarter"), static_cast<int>(core::PeriodKind::Quarter));
    m_kind->addItem(tr("By year"), static_cast<int>(core::PeriodKind::Year));
    m_kind->setCurrentIndex(2);
    m_from = new QDateEdit(this);
    m_to = new QDateEdit(this);
    for (QDateEdit* e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_today = m_settings.today(m_clock);
    m_from->setDate(QDate(m_today.year(), 1, 1));
    m_to->setDate(m_today);
    m_groupBy = new QComboBox(this);
    m_groupBy->addItem(tr("Whole hall"), static_cast<int>(core::GroupBy::None));
    m_groupBy->addItem(tr("By window"), static_cast<int>(core::GroupBy::Window));
    m_groupBy->addItem(tr("By clerk"), static_cast<int>(core::GroupBy::Clerk));
    m_groupBy->addItem(tr("By department"), static_cast<int>(core::GroupBy::Department));
    m_groupBy->addItem(tr("By service item"), static_cast<int>(core::GroupBy::Item));

    m_count = new QPushButton(tr("C&ount"), this);
    m_count->setDefault(true);
    m_exportCsv = new QPushButton(tr("Export &CSV..."), this);
    m_exportXlsx = new QPushButton(tr("Export &XLSX..."), this);
    m_exportCases = new QPushButton(tr("Export case &list..."), this);
    m_print = new QPushButton(tr("&Print report..."), this);

    auto* fromLabel = new QLabel(tr("&From"), this);
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("&To"), this);
    toLabel->setBuddy(m_to);
    auto* kindLabel = new QLabel(tr("P&eriods"), this);
    kindLabel->setBuddy(m_kind);
    auto* groupLabel = new QLabel(tr("&Group"), this);
    groupLabel->setBuddy(m_groupBy);

    auto* controls = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{fromLabel, m_from, toLabel, m_to, kindLabel,
                                                      m_kind, groupLabel, m_groupBy, m_count})
        controls->addWidget(w);
    controls->addStretch();
    for (QWidget* w : {m_exportCsv, m_exportXlsx, m_exportCases, m_print})
        controls->addWidget(w);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_model = new FigureTableModel(this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_onTimeChart = makeChartView(tr("On-time rate (%)"), this);
    m_departmentChart = makeChartView(tr("Cases received by department"), this);
    m_ratingChart = makeChartView(tr("Ratings"), this);
    auto* charts = new QWidget(this);
    auto* chartLayout = new QVBoxLayout(charts);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    for (QChartView* v : {m_onTimeChart, m_departmentChart, m_ratingChart})
        chartLayout->addWidget(v);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(charts);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    charts->setMinimumWidth(360);
    split->setSizes({800, 480});

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_message);
    layout->addWidget(split, 1);

    connect(m_count, &QPushButton::clicked, this, [this] { refresh(); });
    // Keyboard: Enter anywhere on the page counts (a page has no default button), F5 again.
    for (const QKeySequence& key :
         {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter), QKeySequence(Qt::Key_F5)})
        connect(new QShortcut(key, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut),
                &QShortcut::activated, this, [this] { refresh(); });
    connect(m_exportCsv, &QPushButton::clicked, this,
            [this] { chooseAndExport(false, QStringLiteral("csv")); });
    connect(m_exportXlsx, &QPushButton::clicked, this,
            [this] { chooseAndExport(false, QStringLiteral("xlsx")); });
    connect(m_exportCases, &QPushButton::clicked, this,
            [this] { chooseAndExport(true, QStringLiteral("xlsx")); });
    connect(m_print, &QPushButton::clicked, this, &FiguresPage::printReport);
    for (QPushButton* b : {m_exportCsv, m_exportXlsx, m_exportCases, m_print})
        b->setEnabled(false);
    m_count->setObjectName(QStringLiteral("count"));
    m_exportCsv->setObjectName(QStringLiteral("exportCsv"));
    m_exportXlsx->setObjectName(QStringLiteral("exportXlsx"));
    m_exportCases->setObjectName(QStringLiteral("exportCases"));
    m_print->setObjectName(QStringLiteral("printReport"));
}

void FiguresPage::setQuery(core::PeriodKind kind, const QDate& from, const QDate& to,
                           core::GroupBy by)
{
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(kind)));
    m_from->setDate(from);
    m_to->setDate(to);
    m_groupBy->setCurrentIndex(m_groupBy->findData(static_cast<int>(by)));
}

QString FiguresPage::message() const
{
    return m_message->text();
}

void FiguresPage::setToday(const QDate& today)
{
    if (!today.isValid() || today == m_today)
        return;
    const bool onDefault = m_from->date() == QDate(m_today.year(), 1, 1) && m_to->date() == m_today;
    m_today = today;
    if (onDefault) {
        m_from->setDate(QDate(today.year(), 1, 1));
        m_to->setDate(today);
    }
}

core::Status FiguresPage::refresh()
{
    store::FigureQuery query;
    query.kind = static_cast<core::PeriodKind>(m_kind->currentData().toInt());
    query.groupBy = static_cast<core::GroupBy>(m_groupBy->currentData().toInt());
    query.from = m_from->date();
    query.to = m_to->date();
    query.asOf = m_settings.today(m_clock);
    // A year by month on a big store takes a few hundred milliseconds: counted on a connection of
    // its own off the UI thread, which keeps painting (a busy dialog after 300 ms).
    std::optional<core::Result<core::FigureTable>> table;
    std::optional<core::Result<core::FigureTable>> byDepartment;
    std::optional<core::Result<qint64>> overdue;
    runBusy(tr("Counting the figures..."), [&] {
        auto opened = store::Store::open(m_store.path(), m_store.clock());
        if (!opened) {
            table = opened.error();
            return;
        }
        store::StatsQueries stats(**opened);
        table = stats.figures(query);
        byDepartment = *table;
        if (*table && query.groupBy != core::GroupBy::Department) {
            store::FigureQuery byDept = query;
            byDept.groupBy = core::GroupBy::Department;
            byDepartment = stats.figures(byDept);
        }
        overdue = stats.overdueNow(query.asOf);
    });
    const core::Error* error = !*table          ? &table->error()
                               : !*byDepartment ? &(*byDepartment).error()
                               : !*overdue      ? &overdue->error()
                                                : nullptr;
    if (error) {
        m_message->setText(error->message);
        return *error;
    }
    m_model->setTable(**table);
    m_byDepartment = **byDepartment;
    m_overdueInHall = **overdue;
    QString text = tr("%1 to %2: %3 received, %4 decided, on-time rate %5, satisfaction %6; "
                      "%7 cases overdue in the hall today.")
                       .arg(core::chineseDate((*table)->from), core::chineseDate((*table)->to))
                       .arg((*table)->total.received)
                       .arg((*table)->total.decided)
                       .arg(core::figureText((*table)->total, QStringLiteral("on_time_rate")),
                            core::figureText((*table)->total, QStringLiteral("satisfaction_rate")))
                       .arg(m_overdueInHall);
    if (m_calendar.touchesProvisional((*table)->from, (*table)->to))
        text += QLatin1Char(' ') + tr("The range touches a year without an official holiday "
                                      "notice: its working days are provisional.");
    m_message->setText(text);
    updateCharts();
    for (QPushButton* b : {m_exportCsv, m_exportXlsx, m_exportCases, m_print})
        b->setEnabled(true);
    return {};
}

void FiguresPage::updateCharts()
{
    const core::FigureTable& t = m_model->table();
    {
        QChart* chart = m_onTimeChart->chart();
        clearChart(chart);
        auto* series = new QLineSeries;
        for (const core::FigureRow& p : t.periodTotals)
            if (const auto rate = p.figures.onTimeRate())
                series->append(static_cast<qreal>(p.period.first.startOfDay().toMSecsSinceEpoch()),
                               *rate * 100.0);
        series->setPointsVisible(true);
        chart->addSeries(series);
        auto* x = new QDateTimeAxis;
        x->setFormat(t.kind == core::PeriodKind::Year ? QStringLiteral("yyyy")
                     : t.kind == core::PeriodKind::Day || t.kind == core::PeriodKind::Week
                         ? QStringLiteral("MM-dd")
                         : QStringLiteral("yyyy-MM"));
        x->setTickCount(std::clamp(static_cast<int>(t.periodTotals.size()), 2, 6));
        if (!t.periodTotals.isEmpty())
            x->setRange(t.periodTotals.first().period.first.startOfDay(),
                        t.periodTotals.last().period.first.startOfDay());
        auto* y = new QValueAxis;
        y->setRange(0, 100);
        y->setLabelFormat(QStringLiteral("%d%%"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    {
        QChart* chart = m_departmentChart->chart();
        clearChart(chart);
        QList<core::FigureRow> groups = m_byDepartment.groupTotals;
        std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
            return a.figures.received > b.figures.received;
        });
        groups = groups.mid(0, 8); // the busiest; the table has them all
        std::reverse(groups.begin(), groups.end());
        auto* set = new QBarSet(tr("Received"));
        QStringList labels;
        qint64 most = 0;
        for (const core::FigureRow& g : groups) {
            *set << static_cast<qreal>(g.figures.received);
            labels.append(g.label);
            most = std::max(most, g.figures.received);
        }
        auto* series = new QHorizontalBarSeries;
        series->append(set);
        series->setLabelsVisible(true);
        chart->addSeries(series);
        auto* y = new QBarCategoryAxis;
        y->append(labels);
        auto* x = new QValueAxis;
        x->setRange(0, std::max<qint64>(1, most) * 1.15);
        x->setLabelFormat(QStringLiteral("%d"));
        x->applyNiceNumbers();
        chart->addAxis(y, Qt::AlignLeft);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    {
        QChart* chart = m_ratingChart->chart();
        clearChart(chart);
        auto* series = new QPieSeries;
        for (int level = 5; level >= 1; --level) {
            const qint64 n = t.total.ratings[static_cast<std::size_t>(level - 1)];
            if (n > 0)
                series->append(QStringLiteral("%1 %2").arg(core::ratingLevelName(level)).arg(n),
                               static_cast<qreal>(n));
        }
        chart->addSeries(series);
        chart->legend()->setVisible(true);
        chart->legend()->setAlignment(Qt::AlignRight);
        chart->setTitle(
            tr("Ratings (satisfaction %1)")
                .arg(t.total.rated() > 0
                         ? core::figureText(t.total, QStringLiteral("satisfaction_rate"))
                         : QStringLiteral("—")));
    }
}

void FiguresPage::runBusy(const QString& title, const std::function<void()>& work)
{
    QProgressDialog dialog(title, QString(), 0, 0, this); // busy: no steps, nothing to cancel
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    runOffUiThread(work);
    dialog.close();
}

core::Status
FiguresPage::runExport(const QString& title,
                       const std::function<core::Status(const exporting::ExportProgress&)>& work)
{
    QProgressDialog dialog(title, tr("Cancel"), 0, 1000, this);
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    std::atomic<bool> cancelled{false};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    core::Status result;
    connect(&dialog, &QProgressDialog::canceled, &dialog, [&] { cancelled = true; });
    QTimer tick;
    tick.setInterval(100);
    connect(&tick, &QTimer::timeout, &dialog, [&] {
        if (total > 0)
            dialog.setValue(static_cast<int>(done * 1000 / total));
    });
    tick.start();
    runOffUiThread([&] {
        result = work([&](qint64 d, qint64 t) {
            done = d;
            total = t;
            return !cancelled.load();
        });
    });
    dialog.close();
    return result;
}

core::Status FiguresPage::exportFigures(const QString& path)
{
    const auto format = exporting::exportFormatFor(path);
    if (!format)
        return core::Error{QStringLiteral("export.format"),
                           tr("Choose a file name ending in .csv or .xlsx.")};
    auto source = std::make_shared<exporting::FigureTableSource>(m_model->table());
    return runExport(tr("Exporting the figures..."), [=](const exporting::ExportProgress& p) {
        return *format == exporting::ExportFormat::Csv
                   ? exporting::writeCsv(*source, path, p)
                   : exporting::writeXlsx({source.get()}, path, p);
    });
}

core::Status FiguresPage::exportCaseList(const QString& path)
{
    const auto format = exporting::exportFormatFor(path);
    if (!format)
        return core::Error{QStringLiteral("export.format"),
                           tr("Choose a file name ending in .csv or .xlsx.")};
    const core::FigureTable& t = m_model->table();
    auto rows = store::CaseQueries(m_store).between(store::CaseQueries::DateField::Received, t.from,
                                                    t.to, kMaxCaseListRows);
    if (!rows)
        return rows.error();
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
    const core::Status s = caseList ? exportCaseList(path) : exportFigures(path);
    if (!s && s.error().code != QStringLiteral("export.cancelled"))
        QMessageBox::warning(this, tr("Export"), s.error().message);
    else if (s)
        m_message->setText(tr("Saved %1").arg(path));
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
