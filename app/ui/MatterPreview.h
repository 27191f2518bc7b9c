#pragma once

#include <QDate>
#include <QString>

class QWidget;

namespace onewindow::store {
class CaseStore;
}

namespace onewindow::ui {

// After a matter's intake: the matter's receipt (一件事受理回执) in a print preview, then, when a
// part waits for papers, its one one-time notice across the parts (issue 20). A problem reading
// the matter is said in a message box; nothing is recorded by printing these.
void previewMatterLetters(QWidget* parent, store::CaseStore& cases, const QString& matterNumber,
                          const QDate& today);

} // namespace onewindow::ui
