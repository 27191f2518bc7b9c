#pragma once

#include "core/CasePayloads.h"
#include "core/Clock.h"
#include "store/CaseStore.h"
#include "store/Store.h"
#include "support/TempStore.h"

#include <QTemporaryDir>

#include <memory>

namespace onewindow::test {

// A fresh store with one licence item (statutory 20, promised 10 working days), a device
// (hall 620102, window W07) and a fake clock in the hall's time zone.
struct HallFixture : TempStore
{
    std::unique_ptr<store::CaseStore> cases;
    core::ServiceItem item;

    explicit HallFixture(
        const QDateTime& now = QDateTime(QDate(2026, 9, 18), QTime(10, 0),
                                         QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));

    void setNow(const char* isoDate, const char* time = "10:00");
    core::ReceivedInput intake(bool letterMissing = false,
                               const QString& name = QStringLiteral("张三")) const;
    int count(const QString& sql) const;
};

} // namespace onewindow::test
