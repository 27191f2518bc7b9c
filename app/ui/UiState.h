#pragma once

#include <QString>

class QHeaderView;
class QWidget;

namespace onewindow::ui {

// Screen state a person chose and finds again at the next start: column widths of the lists and
// the main window's size. Kept per signed-in user (several clerks share a window's computer) in
// QSettings (~/.config/onewindow/ui-state.conf); nothing legal lives there.
namespace uistate {

// Restores the section sizes saved under `key` for `userId`; false when none were saved (the
// caller's defaults stay).
bool restoreHeader(QHeaderView* header, const QString& key, const QString& userId);
// Saves the section sizes every time the person resizes one, until `userId` changes (call again
// with the next user, or with an empty one to save nothing; a programmatic resize while restoring
// is not a choice and is not saved).
void rememberHeader(QHeaderView* header, const QString& key, const QString& userId);

// The main window's geometry: restored if saved, else false (the caller maximises).
bool restoreWindow(QWidget* window);
void saveWindow(const QWidget* window);

} // namespace uistate
} // namespace onewindow::ui
