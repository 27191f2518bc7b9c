#pragma once

#include "store/CaseStore.h"
#include "store/SyncRepository.h"

#include <QUuid>

namespace onewindow::test {

// Makes a new store a window (W07; or a back office: role backoffice and its department) of hall
// 620102 as a successful enrolment would, without a server: `serverUrl` is only remembered
// (127.0.0.1:1 answers nobody, so a sync is offline).
inline core::Status
enrolWithoutServer(store::Store& store,
                   const QString& serverUrl = QStringLiteral("http://127.0.0.1:1"),
                   const QString& role = QStringLiteral("window"), const QString& department = {})
{
    store::CaseStore cases(store);
    store::Enrolment e;
    e.serverUrl = serverUrl;
    e.deviceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.token = QStringLiteral("token");
    e.windowCode = QStringLiteral("W07");
    e.role = role;
    e.department = department;
    e.hallCode = QStringLiteral("620102");
    e.hallName = QStringLiteral("测试大厅");
    e.zone = QStringLiteral("Asia/Shanghai");
    return store::SyncRepository(cases).enrol(e);
}

} // namespace onewindow::test
