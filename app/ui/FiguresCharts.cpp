// The figures page's charts: on-time rate over the periods, the busiest departments, ratings.
#include "ui/FiguresPage.h"

#include "ui/FigureTableModel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>

#include <algorithm>

namespace onewindow::ui {

namespace {

constexpr int kChartDepartments = 8;
// By rating level 1..5: apart in hue and lightness (also for red-green colour blindness).
constexpr const char* kRatingColours[] = {"#a50f15", "#f16913", "#969696", "#41b6c4", "#08519c"};

void clearChart(QChart* chart)
{
    chart->removeAllSeries(); // deletes the series
    // removeAxis() hands the axis back to us: without the delete, every count leaked three axes.
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

} // namespace

void FiguresPage::updateCharts()
{
    const core::FigureTable& t = m_model->table();
    {
        QChart* chart = m_onTimeChart->chart();
        clearChart(chart);
        QList<std::pair<QDate, double>> points;
        for (const core::FigureRow& p : t.periodTotals)
            if (const auto rate = p.figures.onTimeRate())
                points.append({p.period.first, *rate * 100.0});
        auto* y = new QValueAxis;
        y->setRange(0, 100);
        y->setLabelFormat(QStringLiteral("%d%%"));
        chart->addAxis(y, Qt::AlignLeft);
        if (points.size() < 3) {
            // A line needs at least three points to say anything: with fewer, bars per period.
            auto* set = new QBarSet(tr("On-time rate (%)"));
            QStringList labels;
            for (const auto& [day, rate] : points) {
                *set << rate;
                labels.append(core::periodLabel(t.kind, {day, day}));
            }
            auto* series = new QBarSeries;
            series->append(set);
            series->setLabelsVisible(true);
            series->setLabelsFormat(QStringLiteral("@value%"));
            chart->addSeries(series);
            auto* x = new QBarCategoryAxis;
            x->append(labels);
            chart->addAxis(x, Qt::AlignBottom);
            series->attachAxis(x);
            series->attachAxis(y);
        } else {
            auto* series = new QLineSeries;
            for (const auto& [day, rate] : points)
                series->append(static_cast<qreal>(day.startOfDay().toMSecsSinceEpoch()), rate);
            series->setPointsVisible(true);
            chart->addSeries(series);
            auto* x = new QDateTimeAxis;
            x->setFormat(t.kind == core::PeriodKind::Year ? QStringLiteral("yyyy")
                         : t.kind == core::PeriodKind::Day || t.kind == core::PeriodKind::Week
                             ? QStringLiteral("MM-dd")
                             : QStringLiteral("yyyy-MM"));
            x->setTickCount(std::clamp(static_cast<int>(points.size()), 2, 6));
            x->setRange(points.first().first.startOfDay(), points.last().first.startOfDay());
            chart->addAxis(x, Qt::AlignBottom);
            series->attachAxis(x);
            series->attachAxis(y);
        }
    }
    {
        QChart* chart = m_departmentChart->chart();
        clearChart(chart);
        QList<core::FigureRow> groups = m_byDepartment.groupTotals;
        std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) {
            return a.figures.received > b.figures.received;
        });
        const qsizetype all = groups.size();
        groups = groups.mid(0, kChartDepartments); // the busiest; the table has them all
        chart->setTitle(all > kChartDepartments
                            ? tr("Cases received by department (top %1 of %2; the table has "
                                 "all)")
                                  .arg(kChartDepartments)
                                  .arg(all)
                            : tr("Cases received by department"));
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
            if (n > 0) {
                QPieSlice* slice =
                    series->append(QStringLiteral("%1 %2").arg(core::ratingLevelName(level)).arg(n),
                                   static_cast<qreal>(n));
                // Colours apart in hue and lightness (also for red-green colour blindness):
                // 非常不满意 dark red, 不满意 orange, 基本满意 grey, 满意 teal, 非常满意 dark blue.
                slice->setColor(QColor(QLatin1String(kRatingColours[level - 1])));
            }
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

} // namespace onewindow::ui
