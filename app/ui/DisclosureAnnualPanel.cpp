#include "ui/DisclosureAnnualPanel.h"

#include "documents/DisclosureAnnualReport.h"
#include "exporting/DisclosureAnnualExport.h"
#include "store/CaseStore.h"
#include "store/DisclosureQueries.h"
#include "store/Store.h"

#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace onewindow::ui {

namespace {

// The worker's part: a read-only connection of its own, the hall's cases folded as the window
// folds them.
core::Result<core::AnnualTable> countYear(const QString& path, const core::Clock& clock,
                                          const core::HallSettings& settings, int year)
{
    auto opened = store::Store::openForReading(path, clock);
    if (!opened)
        return opened.error();
    store::CaseStore cases(**opened, settings);
    return store::DisclosureQueries(cases).annualTable(year);
}

} // namespace

DisclosureAnnualPanel::DisclosureAnnualPanel(store::Store& store, const core::Clock& clock,
                                             core::HallSettings settings, QWidget* parent)
    : QWidget(parent), m_store(store), m_clock(clock), m_settings(std::move(settings))
{
    m_year = new QSpinBox(this);
    m_year->setObjectName(QStringLiteral("disclosureYear"));
    m_year->setRange(2000, 2099);
    m_year->setValue(m_settings.today(m_clock).year());
    auto* yearLabel = new QLabel(tr("Report &year"), this);
    yearLabel->setBuddy(m_year);
    m_count = new QPushButton(tr("C&ount"), this);
    m_exportCsv = new QPushButton(tr("Export &CSV..."), this);
    m_exportXlsx = new QPushButton(tr("Export &XLSX..."), this);
    m_print = new QPushButton(tr("&Print table..."), this);
    m_count->setObjectName(QStringLiteral("disclosureCount"));
    m_exportCsv->setObjectName(QStringLiteral("disclosureExportCsv"));
    m_exportXlsx->setObjectName(QStringLiteral("disclosureExportXlsx"));
    m_print->setObjectName(QStringLiteral("disclosurePrint"));
    for (QPushButton* b : {m_exportCsv, m_exportXlsx, m_print})
        b->setEnabled(false);

    auto* controls = new QHBoxLayout;
    for (QWidget* w : std::initializer_list<QWidget*>{yearLabel, m_year, m_count})
        controls->addWidget(w);
    controls->addStretch();
    for (QWidget* w : {m_exportCsv, m_exportXlsx, m_print})
        controls->addWidget(w);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_balance = new QLabel(this);
    m_balance->setObjectName(QStringLiteral("disclosureBalance"));
    m_balance->setWordWrap(true);
    m_model = new QStandardItemModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("disclosureTable"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_balance);

    // Enter and F5 count the year through the figures page's shortcuts (FiguresPage).
    connect(m_count, &QPushButton::clicked, this, [this] { refresh(); });
    connect(m_exportCsv, &QPushButton::clicked, this,
            [this] { chooseAndExport(QStringLiteral("csv")); });
    connect(m_exportXlsx, &QPushButton::clicked, this,
            [this] { chooseAndExport(QStringLiteral("xlsx")); });
    connect(m_print, &QPushButton::clicked, this, &DisclosureAnnualPanel::printTable);
    m_watcher = new QFutureWatcher<void>(this);
    connect(m_watcher, &QFutureWatcher<void>::finished, this,
            &DisclosureAnnualPanel::countFinished);
}

void DisclosureAnnualPanel::setYear(int year)
{
    m_year->setValue(year);
}

int DisclosureAnnualPanel::year() const
{
    return m_year->value();
}

QString DisclosureAnnualPanel::message() const
{
    return m_message->text();
}

QString DisclosureAnnualPanel::balanceText() const
{
    return m_balance->text();
}

QString DisclosureAnnualPanel::office() const
{
    return m_settings.hallName;
}

void DisclosureAnnualPanel::refresh()
{
    const int year = m_year->value();
    if (m_counting) {
        m_pending = year;
        return;
    }
    m_counting = true;
    m_running = year;
    m_count->setEnabled(false);
    m_message->setText(tr("Counting the disclosure applications of %1...").arg(year));
    auto result = std::make_shared<std::optional<core::Result<core::AnnualTable>>>();
    m_result = result;
    const QString path = m_store.path();
    const core::Clock& clock = m_store.clock();
    m_watcher->setFuture(QtConcurrent::run([result, path, &clock, settings = m_settings, year] {
        result->emplace(countYear(path, clock, settings, year));
    }));
}

void DisclosureAnnualPanel::countFinished()
{
    m_counting = false;
    m_count->setEnabled(true);
    if (m_pending) {
        const int next = *m_pending;
        m_pending.reset();
        if (next != m_running) {
            refresh(); // the year asked for since: the latest request wins
            return;
        }
    }
    if (m_result && m_result->has_value() && **m_result) {
        showTable(***m_result);
        m_lastCount = {};
    } else {
        m_lastCount = m_result && m_result->has_value()
                          ? core::Status((**m_result).error())
                          : core::Status(core::Error{
                                QStringLiteral("figures.not_counted"),
                                tr("The table could not be counted. Press F5 to try again.")});
        m_message->setText(m_lastCount.error().message);
    }
    m_result.reset();
    Q_EMIT counted();
}

void DisclosureAnnualPanel::showTable(const core::AnnualTable& table)
{
    m_table = table;
    const exporting::DisclosureAnnualSource source(table);
    // The template's columns (申请人情况: 自然人, 法人或其他组织 by kind, 总计) and rows (一 new,
    // 二 carried over, 三 the results, 四 carried forward), labelled as onewindowctl prints them.
    // On screen a kind's column is headed in two lines (法人或其他组织 over 商业企业), so that
    // every column, 总计 too, fits beside the labels.
    QStringList headers{source.headers().first()};
    for (const QString& h : source.headers().mid(3))
        headers.append(QString(h).replace(QStringLiteral("·"), QStringLiteral("\n")));
    m_model->clear();
    m_model->setHorizontalHeaderLabels(headers);
    for (qint64 r = 0; r < source.rowCount(); ++r) {
        auto* label = new QStandardItem(source.rowLabel(r));
        label->setToolTip(label->text());
        QList<QStandardItem*> row{label};
        for (int c = 3; c < source.headers().size(); ++c) {
            auto* item = new QStandardItem(source.cell(r, c).toString());
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            row.append(item);
        }
        m_model->appendRow(row);
    }
    QHeaderView* header = m_view->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < m_model->columnCount(); ++c)
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_message->setText(tr("%1: table 3 of the annual report on government information disclosure "
                          "(applications received and processed), counted from the case records.")
                           .arg(source.title()));
    m_balance->setText(exporting::annualBalanceText(table));
    for (QPushButton* b : {m_exportCsv, m_exportXlsx, m_print})
        b->setEnabled(true);
}

void DisclosureAnnualPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_table && !m_counting)
        refresh();
}

core::Status DisclosureAnnualPanel::exportTable(const QString& path)
{
    if (!m_table)
        return core::Error{QStringLiteral("export.no_table"),
                           tr("Count the table first (Enter or F5), then export it.")};
    const auto format = exporting::exportFormatFor(path);
    if (!format)
        return core::Error{QStringLiteral("export.format"),
                           tr("Choose a file name ending in .csv or .xlsx.")};
    const exporting::DisclosureAnnualSource source(*m_table);
    const core::Status written = *format == exporting::ExportFormat::Csv
                                     ? exporting::writeCsv(source, path)
                                     : exporting::writeXlsx({&source}, path);
    m_message->setText(written ? tr("Saved %1").arg(path) : written.error().message);
    return written;
}

core::Status DisclosureAnnualPanel::paint(QPagedPaintDevice& device) const
{
    if (!m_table)
        return core::Error{QStringLiteral("report.no_table"),
                           tr("Count the table first (Enter or F5), then print it.")};
    return documents::printDisclosureAnnual(*m_table, office(), device);
}

void DisclosureAnnualPanel::chooseAndExport(const QString& suffix)
{
    if (!m_table)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the disclosure table"),
        QStringLiteral("disclosure-annual-%1.%2").arg(m_table->year).arg(suffix),
        suffix == QStringLiteral("csv") ? tr("CSV (*.csv)") : tr("Excel workbook (*.xlsx)"));
    if (path.isEmpty())
        return;
    if (const core::Status s = exportTable(path); !s)
        QMessageBox::warning(this, tr("Export"), s.error().message);
}

void DisclosureAnnualPanel::printTable()
{
    if (!m_table)
        return;
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog preview(&printer, this);
    preview.setWindowTitle(tr("Disclosure table %1").arg(m_table->year));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [this](QPrinter* p) {
        if (core::Status s = paint(*p); !s)
            QMessageBox::warning(this, tr("Print table"), s.error().message);
    });
    preview.exec();
}

} // namespace onewindow::ui
