#pragma once

#include <QObject>
#include <QStringList>

class QMenu;
class QWidget;

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

class CatalogPage;

// The administrator's catalog work from the window: import and export catalog files, load the
// demo catalog, create and edit items. Each action's core is a method that returns its outcome,
// so tests drive it without dialogs.
class CatalogActions : public QObject
{
    Q_OBJECT
public:
    CatalogActions(store::Store& store, CatalogPage* page, QWidget* window);

    void addTo(QMenu* menu);

    struct Outcome
    {
        bool ok = false;
        QString summary;
        QStringList errors; // nothing was stored when not empty
    };
    Outcome importFile(const QString& path);
    Outcome exportFile(const QString& path);
    Outcome loadDemo();
    // Opens the editor; returns the saved version (0 when cancelled).
    int edit(const QString& code);

private:
    void report(const QString& title, const Outcome& outcome);

    store::Store& m_store;
    CatalogPage* m_page;
    QWidget* m_window;
};

} // namespace onewindow::ui
