#pragma once
// What the keyboard tests of issue 16 share: a demo hall with a clerk, a case received, and a way
// to act on the modal dialog a key opens.
#include "support/TempStore.h"

#include "core/Catalog.h"
#include "store/HallConfig.h"
#include "store/UserRepository.h"
#include "ui/DocumentPreview.h"

#include <QDate>

#include <functional>
#include <memory>

class QWidget;

namespace onewindow::store {
class CaseStore;
}

namespace onewindow::test {

struct KeysDesk
{
    TempStore s{QDateTime(QDate(2026, 9, 18), QTime(2, 0), QTimeZone::utc())};
    store::HallConfig config;
    std::unique_ptr<store::CaseStore> cases;
    store::User clerk;
    core::ServiceItem item;

    KeysDesk();
    ~KeysDesk();
    QDate today() const;
    QString receive();
    store::User user(const QString& login, const QString& password) const;
    ui::DocumentPrinting printing() const;
};

// Runs `act` on the next modal window that is not `under`, once it is up (polling the event loop,
// so it works from inside the exec() that opens it). Gives up after about two seconds.
// Where a key typed into `window` goes: its focus widget, else the window.
QWidget* keyTarget(QWidget* window);
void onNextModal(QWidget* under, std::function<void(QWidget*)> act, int tries = 200);

} // namespace onewindow::test
