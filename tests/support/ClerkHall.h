#pragma once
// The widget tests' hall with a clerk: the demo hall (its catalog, window W07 and accounts) on a
// fresh store, its clerk signed in and the item most tests take in. Built into test_ui (it needs
// the demo hall, which the other suites do not link).
#include "support/TempStore.h"

#include "core/Catalog.h"
#include "store/UserRepository.h"

#include <QDate>
#include <QTimeZone>

#include <memory>

namespace onewindow::store {
class CaseStore;
}

namespace onewindow::test {

struct ClerkHall : TempStore
{
    std::unique_ptr<store::CaseStore> cases; // with the default hall settings
    store::User clerk;                       // zhangsan / demo-clerk, 张三 at W07
    core::ServiceItem item;                  // 食品经营许可 of the demo catalog

    // Friday 2026-09-18, 10:00 in the hall (Asia/Shanghai) unless told otherwise.
    explicit ClerkHall(const QDateTime& nowUtc = QDateTime(QDate(2026, 9, 18), QTime(2, 0),
                                                           QTimeZone::utc()));
    ~ClerkHall();

    // Signs in one of the hall's accounts (lisi / demo-supervisor, admin / demo-admin ...).
    store::User user(const QString& login, const QString& password) const;
    void at(const char* isoDate, QTime hallTime = QTime(10, 0)); // moves the clock
    QDate today() const;                                         // in the hall
    // A complete application of `item` received by `by` (the clerk by default), accepted when
    // asked; returns the case id.
    QString receive(bool accept = false, const store::User* by = nullptr);
};

} // namespace onewindow::test
