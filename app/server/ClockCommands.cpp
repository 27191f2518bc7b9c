#include "server/ClockCommands.h"

#include "core/ClockOffset.h"
#include "core/HallSettings.h"
#include "server/MasterAuthor.h"
#include "server/storage/MasterData.h"
#include "server/storage/TimeFlags.h"

#include <QJsonDocument>

namespace onewindow::server {

namespace {

int usageOf(QTextStream& err, const QString& why, const char* form)
{
    err << "onewindow-server: " << why << "\nusage: onewindow-server (--store PATH | --database "
        << "URL) " << form << "\n";
    return 2;
}

const char* const kSettingsForm =
    "settings HALL [--name NAME] [--zone ZONE] [--office-hours HH:mm-HH:mm]\n"
    "       [--offline-sign-in-hours N] [--max-clock-gap-seconds N]\n"
    "       [--idle-lock-minutes N] [--follow-up-days N]";
const char* const kFlaggedForm = "flagged HALL [--limit N]";

} // namespace

int settingsCommand(CentralDb& db, const QStringList& words, const QMap<QString, QString>& values,
                    QTextStream& out, QTextStream& err, const core::Clock& clock)
{
    if (words.size() != 2)
        return usageOf(err, QStringLiteral("settings 须给出一个大厅编码"), kSettingsForm);
    const QString hall = words[1];
    MasterData data(db, clock);
    MasterAuthor::SettingsChange change;
    for (const auto& [option, into] :
         {std::pair{QStringLiteral("--offline-sign-in-hours"), &change.offlineSignInHours},
          std::pair{QStringLiteral("--max-clock-gap-seconds"), &change.maxClockGapSeconds},
          std::pair{QStringLiteral("--idle-lock-minutes"), &change.idleLockMinutes},
          std::pair{QStringLiteral("--follow-up-days"), &change.followUpDays}}) {
        if (!values.contains(option))
            continue;
        bool ok = false;
        const int n = values.value(option).toInt(&ok);
        if (!ok)
            return usageOf(err, QStringLiteral("%1 须为整数：%2").arg(option, values.value(option)),
                           kSettingsForm);
        *into = n;
    }
    if (values.contains(QStringLiteral("--name")))
        change.hallName = values.value(QStringLiteral("--name"));
    if (values.contains(QStringLiteral("--zone")))
        change.zone = values.value(QStringLiteral("--zone"));
    if (values.contains(QStringLiteral("--office-hours"))) {
        const QStringList hours =
            values.value(QStringLiteral("--office-hours")).split(QLatin1Char('-'));
        if (hours.size() != 2)
            return usageOf(err, QStringLiteral("--office-hours 应为 HH:mm-HH:mm，如 09:00-17:30"),
                           kSettingsForm);
        change.officeOpen = hours[0].trimmed();
        change.officeClose = hours[1].trimmed();
    }
    if (change.any()) {
        auto written = MasterAuthor(data).setHallSettings(hall, change);
        if (!written) {
            err << "onewindow-server: " << written.error().message << " (" << written.error().code
                << ")\n";
            return 1;
        }
        out << "hall.settings " << hall << " version " << written->version << "\n";
    }
    const auto held = data.latestOf(hall, record::kHallSettings, hall);
    if (!held) {
        err << "onewindow-server: 没有大厅 " << hall << " (hall.unknown)\n";
        return 1;
    }
    // What the windows take, the defaults included for what the record leaves out.
    const QJsonObject& b = held->body;
    out << "hallName " << b.value(QStringLiteral("hallName")).toString() << "\nzone "
        << b.value(QStringLiteral("zone")).toString() << "\nofficeHours "
        << b.value(QStringLiteral("officeOpen")).toString(QStringLiteral("09:00")) << "-"
        << b.value(QStringLiteral("officeClose")).toString(QStringLiteral("17:30")) << "\n";
    out << "offlineSignInHours "
        << b.value(QStringLiteral("offlineSignInHours"))
               .toInt(core::HallSettings::kDefaultOfflineSignInHours)
        << "\nmaxClockGapSeconds "
        << b.value(QStringLiteral("maxClockGapSeconds"))
               .toInt(core::HallSettings::kDefaultMaxClockGapSeconds)
        << "\nidleLockMinutes "
        << b.value(QStringLiteral("idleLockMinutes"))
               .toInt(core::HallSettings::kDefaultIdleLockMinutes)
        << "\nfollowUpDays "
        << b.value(QStringLiteral("followUpDays")).toInt(core::HallSettings::kDefaultFollowUpDays)
        << "\n";
    return 0;
}

int flaggedCommand(CentralDb& db, const QStringList& words, const QMap<QString, QString>& values,
                   QTextStream& out, QTextStream& err, const core::Clock& clock)
{
    if (words.size() != 2)
        return usageOf(err, QStringLiteral("flagged 须给出一个大厅编码"), kFlaggedForm);
    bool ok = true;
    const int limit = values.value(QStringLiteral("--limit"), QStringLiteral("100")).toInt(&ok);
    if (!ok || limit < 1 || limit > 100000)
        return usageOf(err, QStringLiteral("--limit 须为 1–100000"), kFlaggedForm);
    auto flags = TimeFlags(db, clock).list(words[1], limit);
    if (!flags) {
        err << "onewindow-server: " << flags.error().message << " (" << flags.error().code << ")\n";
        return 1;
    }
    for (const TimeFlag& f : *flags)
        out << f.hallSeq << " " << (f.window.isEmpty() ? QStringLiteral("-") : f.window) << " "
            << f.type << " occurred " << f.occurredAt << " received " << f.receivedAt
            << " last-contact "
            << (f.lastContactAt.isEmpty() ? QStringLiteral("-") : f.lastContactAt) << " "
            << f.reasonCode << " " << core::sync::eventTimeFlagText(f.reasonCode) << "\n";
    out << flags->size() << " flagged\n";
    return 0;
}

} // namespace onewindow::server
