#pragma once

#include "store/CaseStore.h"
#include "store/Store.h"

#include <QTime>
#include <QTimeZone>

namespace onewindow::store {

// What the first-start setup records about this hall and this window.
struct HallConfig
{
    QString hallName;   // 兰州市城关区政务服务中心
    QString hallCode;   // 620102: the first part of every case number
    QString deviceCode; // W07: this window
    QTimeZone zone = QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
    QTime officeOpen = QTime(9, 0);
    QTime officeClose = QTime(17, 30);
    int idleLockMinutes = 10; // the screen locks after this long without input
    int followUpDays = 5;     // bad-rating follow-up period (a local setting, 5 to 15)

    HallSettings caseSettings() const { return HallSettings{zone, officeClose, followUpDays}; }
};

// Validates a hall configuration (codes, hours, settings) with messages for the setup form.
QList<core::Error> validateHallConfig(const HallConfig& config);

class HallConfigRepository
{
public:
    explicit HallConfigRepository(Store& store) : m_store(store) {}
    bool configured() const;
    Result<HallConfig> load() const;
    Status save(const HallConfig& config); // one transaction

private:
    Store& m_store;
};

} // namespace onewindow::store
