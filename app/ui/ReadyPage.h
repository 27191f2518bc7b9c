#pragma once

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QTableView;

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

class RecordModel;

// The hand-out window's queue (issue 18, 综合窗口出件): 待出件, the cases whose result is ready for
// pick-up (decided or result ready, not yet delivered), in the order the results came back
// (store::CaseQueries::readyForPickup). Enter opens the case, where 出件 and 送达 are done.
class ReadyPage : public QWidget
{
    Q_OBJECT
public:
    ReadyPage(store::Store& store, QWidget* parent = nullptr);

    void setZone(const QTimeZone& zone) { m_zone = zone; }
    void refresh();
    QTableView* view() const { return m_view; }
    RecordModel* model() const { return m_model; }
    QString summary() const;

Q_SIGNALS:
    void openCase(const QString& caseId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    store::Store& m_store;
    QTimeZone m_zone{QByteArrayLiteral("Asia/Shanghai")};
    RecordModel* m_model;
    QLabel* m_summary;
    QTableView* m_view;
};

} // namespace onewindow::ui
