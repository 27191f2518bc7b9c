#pragma once
// What the keyboard tests of issue 16 share: a demo hall with a clerk, a case received, and a way
// to act on the modal dialog a key opens.
#include "support/ClerkHall.h"

#include "store/HallConfig.h"
#include "ui/DocumentPreview.h"

#include <QDate>

#include <functional>

class QWidget;

namespace onewindow::test {

struct KeysDesk : ClerkHall
{
    store::HallConfig config; // the demo hall's; `cases` counts with it

    KeysDesk();
    ~KeysDesk();
    ui::DocumentPrinting printing() const;
};

// Runs `act` on the next modal window that is not `under`, once it is up (polling the event loop,
// so it works from inside the exec() that opens it). Gives up after about two seconds.
// Where a key typed into `window` goes: its focus widget, else the window.
QWidget* keyTarget(QWidget* window);
void onNextModal(QWidget* under, std::function<void(QWidget*)> act, int tries = 200);

} // namespace onewindow::test
