#pragma once

#include "core/Event.h"

#include <QString>
#include <QTimeZone>

#include <optional>

namespace onewindow::core {

// Who made an event, as a person reads it: the clerk's name and window (the hall's users
// record); an actor this store does not know is shown by its id.
struct EventAuthor
{
    QString name;
    QString window;
};

// "2026-12-07 11:00 李四（W08 窗口）：办结：不予许可" in the hall's time zone.
QString eventLine(const Event& event, const EventAuthor& by, const QTimeZone& zone);

// A record the hall did not take (decision 3: the loser of two windows acting on one case),
// beside the record that stands, in plain Chinese for the case view, the supervisor's list, the
// tray and the ctl. `winner` is empty when this store does not hold the winning event (yet);
// `hasWinner` false: the hall named none (an actor it refused, a technically bad event), and the
// text does not promise one.
QString rejectedText(const Event& lost, const EventAuthor& lostBy, const QString& reason,
                     const std::optional<Event>& winner, const EventAuthor& wonBy,
                     const QTimeZone& zone, bool hasWinner = true);

// Why a printed document no longer stands: the act it evidenced was not taken by the hall, so
// the paper handed out must be recalled (decision 3: void, and the supervisor recalls it).
QString voidedDocumentReason(const Event& source, const EventAuthor& by, const QString& reason,
                             const QTimeZone& zone);
// The supervisor's follow-up for it: 追回已发文书 不予受理决定书 620102-BY-2026-W08-00001.
QString recallTaskText(const QString& kindKey, const QString& number);

} // namespace onewindow::core
