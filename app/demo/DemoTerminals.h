#pragma once

#include "core/Users.h"

#include <QList>
#include <QString>

#include <optional>

namespace onewindow::demo {

// The four-terminal demo (issue 18, README "四个终端的演示"): one server with the demo hall
// (`onewindow-server-demo ... hall demo 620102`) and four workstations on one machine, each
// joined as one terminal by `onewindow --demo --join URL --window NAME`. The server's demo makes
// each terminal's enrolment code and account; the window enrols with that code and offers that
// account at sign-in, so nobody types a code.
struct DemoTerminal
{
    QString name;       // W07, W08, BACK or SUP: the --window value and the device's window code
    QString role;       // the device's role at the server: window, backoffice or supervisor
    QString department; // a back office's department (the forwardings its queue lists)
    QString login;      // who signs in there, with the demo's password
    QString password;
    QString displayName;
    core::Role userRole;
    QString userId; // the actor id the seeded cases use (or a new one)
};

QList<DemoTerminal> demoTerminals();
std::optional<DemoTerminal> demoTerminal(const QString& name);
QString demoTerminalNames(); // "W07, W08, BACK, SUP"

// The terminal's enrolment code in the demo hall. It is published (printed by the server's demo
// and derived here), so a demo hall's codes are not secret: a demo hall is for rehearsal on a
// loopback or training network, never a hall's real server. Each code still enrols one device.
QString demoEnrolCode(const QString& hallCode, const QString& terminal);

} // namespace onewindow::demo
