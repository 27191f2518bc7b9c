#pragma once

#include "core/Clock.h"
#include "core/Error.h"
#include "core/HallSettings.h"
#include "sync/HallSearch.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace onewindow::ui {

class HallHitModel;

// The queue's second section at a window of a hall's server (decision 11): the hall's cases for
// the search text, found at the server off the UI thread (sync::HallSearch) while it says so with
// the hall's name; each marked 本机已有 when this store holds it. Enter (or the button) on a hit
// takes it in whole and opens it; one held here opens at once. A failure says what to do and
// stores nothing.
class HallSearchPanel : public QWidget
{
    Q_OBJECT
public:
    HallSearchPanel(const QString& storePath, const core::Clock& clock,
                    const core::HallSettings& settings, QWidget* parent = nullptr);

    // The hall's name and zone as the store holds them now (a pull may change them).
    void setSettings(const core::HallSettings& settings);
    // Asks the hall's server for `text` (after the request on the wire, if one is).
    void find(const QString& text);
    // The current hit: taken in and opened, or opened when held here.
    void takeCurrent();
    // Back to the queue: the section hidden, its hits dropped (a request on the wire still
    // answers, unseen).
    void clear();

    bool busy() const { return m_search->busy(); }
    QString statusText() const;
    QTableView* view() const { return m_view; }
    HallHitModel* model() const { return m_model; }
    QPushButton* takeButton() const { return m_take; }

Q_SIGNALS:
    void openCase(const QString& caseId);
    // Esc on the hits: the cursor goes back to the search box.
    void backToSearch();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showFound(const QString& text, const QList<sync::HallHit>& hits);
    void showFetched(const QString& caseId);
    void showFailed(const core::Error& error);
    void showStatus(const QString& text, bool failure = false);
    void setWorking(bool working);

    sync::HallSearch* m_search;
    QString m_hallName;
    QString m_asked;  // the text of the search shown
    QString m_next;   // asked while a request was on the wire: asked when it answers
    QString m_taking; // the case number being taken in
    QLabel* m_heading;
    QLabel* m_status;
    QProgressBar* m_progress;
    HallHitModel* m_model;
    QTableView* m_view;
    QPushButton* m_take;
    bool m_cleared = true; // hidden since the last find: an answer arriving now is not shown
};

} // namespace onewindow::ui
