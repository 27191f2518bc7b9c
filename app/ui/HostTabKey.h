#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QTabWidget;
class QWidget;

namespace onewindow::ui {

// A page of a tab widget that has tabs of its own may give one of them the Alt key of the outer
// tab holding the page (大厅督办(&U) and its 时间存疑的记录(&U)): while the page shows, the outer
// tab is current and its key would do nothing, so it gives the key up (its text loses the '&') and
// takes it back when the page is hidden. Qt hands a key two owners share to each in turn; with
// one owner at a time, one press is enough.
class HostTabKey : public QObject
{
    Q_OBJECT
public:
    // Watches `page` (a page of whichever tab widget holds it when it is shown).
    explicit HostTabKey(QWidget* page);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_page;
    QPointer<QTabWidget> m_host;
    QString m_text;     // the outer tab's own text, with its key
    QString m_lentText; // the same without it, while the page shows
};

} // namespace onewindow::ui
