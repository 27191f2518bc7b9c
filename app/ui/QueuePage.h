#pragma once

#include "store/UserRepository.h"

#include <QDate>
#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

class CaseRowModel;

// The clerk's day: my open cases by urgency (red and yellow coloured) with counts per state, and
// one search box for a case number, query code, name, ID number or phone — a keyboard-wedge
// scanner reading a receipt's QR code types into it too. Enter opens the case; Esc returns to the
// queue.
class QueuePage : public QWidget
{
    Q_OBJECT
public:
    QueuePage(store::Store& store, QWidget* parent = nullptr);

    void setClerk(const store::User& clerk, const QDate& today);
    // A back-office workstation (enrolled with role backoffice): the queue is the department's
    // forwarded cases (store::CaseQueries::forwardedTo) instead of the clerk's own.
    void setBackOffice(const QString& department);
    QString backOffice() const { return m_backOffice; }
    void refresh();
    void search(const QString& text);
    // Ctrl+F, F3: the cursor in the search box, its text selected for the next one.
    void focusSearch();
    // Makes the case the list's current row (a case just taken in); false when it is not listed.
    bool selectCase(const QString& caseId);
    QTableView* view() const { return m_view; }
    CaseRowModel* model() const { return m_model; }
    QLineEdit* searchEdit() const { return m_search; }
    QString summary() const;
    QDate today() const { return m_today; }

Q_SIGNALS:
    void openCase(const QString& caseId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    store::Store& m_store;
    store::User m_clerk;
    QString m_backOffice; // the department whose queue this is; empty at a window
    QDate m_today;
    CaseRowModel* m_model;
    QLineEdit* m_search;
    QLabel* m_summary;
    QTableView* m_view;
};

// What a scanner read from a receipt (case number and query code, or a query URL): the case
// number in it, or the text itself.
QString caseNumberIn(const QString& scanned);

} // namespace onewindow::ui
