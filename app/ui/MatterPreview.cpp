#include "ui/MatterPreview.h"

#include "documents/MatterLetters.h"
#include "store/HallConfig.h"
#include "store/MatterCases.h"
#include "ui/MatterIntakeDialog.h"

#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>

namespace onewindow::ui {

void previewMatterLetters(QWidget* parent, store::CaseStore& cases, const QString& matterNumber,
                          const QDate& today)
{
    auto matter = store::loadMatter(cases, matterNumber, today);
    if (!matter) {
        QMessageBox::warning(parent, MatterIntakeDialog::tr("Matter"), matter.error().message);
        return;
    }
    documents::MatterLetter letter =
        documents::matterLetterFrom(matter->matter, matter->matters, matter->number, matter->parts,
                                    matter->progress.clock.deadline);
    if (auto config = store::HallConfigRepository(cases.store()).load())
        letter.hallName = config->hallName;
    letter.issuedOn = today;
    QList<documents::MatterLetterKind> kinds{documents::MatterLetterKind::Receipt};
    if (!letter.corrections.isEmpty())
        kinds.append(documents::MatterLetterKind::Notice);
    for (const documents::MatterLetterKind kind : kinds) {
        QPrinter printer(QPrinter::HighResolution);
        QPrintPreviewDialog preview(&printer, parent);
        preview.setWindowTitle(documents::matterLetterTitle(kind) + QLatin1Char(' ') +
                               matterNumber);
        QObject::connect(
            &preview, &QPrintPreviewDialog::paintRequested, &preview, [&](QPrinter* p) {
                if (core::Status s = documents::paintMatterLetter(kind, letter, *p); !s)
                    QMessageBox::warning(parent, preview.windowTitle(), s.error().message);
            });
        preview.exec();
    }
}

} // namespace onewindow::ui
