#pragma once

#include "core/Clock.h"
#include "core/HallSettings.h"
#include "store/UserRepository.h"

#include <QDate>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

class CaseRowModel;
class HallSearchPanel;

// The clerk's day: my open cases by urgency (red and yellow coloured) with counts per state, and
// one search box for a case number, query code, name, ID number or phone — a keyboard-wedge
// scanner reading a receipt's QR code types into it too. Enter opens the case; Esc returns to the
// queue. At a window of a hall's server, the same text is also looked for at the hall (decision
// 11: the store holds only the working set): Ctrl+Enter or the button beside the box, or Enter
// again after a search that found nothing here; the hall's hits are a second section below.
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

    // Decision 11: this store is a window of a hall's server (enrolled): offer its search.
    void offerHallSearch(const QString& storePath, const core::Clock& clock,
                         const core::HallSettings& settings);
    void setHallSettings(const core::HallSettings& settings);
    // The search box's text looked for at the hall's server (nothing at an island store).
    void searchHall();
    HallSearchPanel* hallPanel() const { return m_hallPanel; }
    QPushButton* hallButton() const { return m_hallButton; }

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
    QPushButton* m_hallButton;
    HallSearchPanel* m_hallPanel = nullptr; // at a window of a hall's server only
    QString m_hallName;
    QString m_searched;       // the text of the last search here
    bool m_foundNone = false; // ... and it found nothing: Enter again asks the hall
};

// What a scanner read from a receipt (case number and query code, or a query URL): the case
// number in it, or the text itself.
QString caseNumberIn(const QString& scanned);

} // namespace onewindow::ui
