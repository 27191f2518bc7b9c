#pragma once

#include <QDate>
#include <QString>

class QWidget;

namespace onewindow::ui {

struct DocumentPrinting;

// After a matter's intake: the matter's receipt (一件事受理回执) in a print preview, then, when a
// part waits for papers, its one one-time notice across the parts (issue 20). Each shows the
// number it will get; printing it takes the number and records the print (document-printed) on
// the part that carries it (documents::matterLetterHome), as every other letter's print is
// recorded; printing it again is a 补打 under the same number. A problem reading the matter or a
// failed print is said in a message box.
void previewMatterLetters(QWidget* parent, const DocumentPrinting& printing,
                          const QString& matterNumber);

} // namespace onewindow::ui
