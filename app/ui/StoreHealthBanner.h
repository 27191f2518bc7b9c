#pragma once

#include "core/Error.h"
#include "store/StoreMaintenance.h"

#include <QFutureWatcher>
#include <QLabel>

#include <memory>
#include <optional>

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

// The main window's warning about a damaged store. When the window opens its store this runs
// store::quickCheckStore on a worker thread (a big store delays neither the sign-in nor the
// first page) and, when the check finds damage or cannot read the file, shows above the pages,
// for as long as the window is open, what is wrong, that records may be lost, to stop and call
// the administrator, and what the administrator runs. Hidden while the store is sound.
class StoreHealthBanner : public QLabel
{
    Q_OBJECT
public:
    explicit StoreHealthBanner(store::Store& store, QWidget* parent = nullptr);
    ~StoreHealthBanner() override; // waits for a check still running: it reads the store's file

    bool checking() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    // The check has finished (damaged or not).
    void checked(bool damaged);

private:
    void finished();
    void showDamage(const QString& what);

    QString m_path;
    QFutureWatcher<void> m_watcher;
    std::shared_ptr<std::optional<core::Result<store::QuickCheckReport>>> m_result;
};

} // namespace onewindow::ui
