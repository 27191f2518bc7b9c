#include "ui/MatterPreview.h"

#include "documents/MatterLetters.h"
#include "store/HallConfig.h"
#include "store/MatterCases.h"
#include "ui/DocumentPreview.h"
#include "ui/MatterIntakeDialog.h"

#include <QMessageBox>
#include <QPaintEngine>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <algorithm>

namespace onewindow::ui {

namespace {

// QPrintPreviewDialog paints through Qt's preview engine (pictures) while it previews.
bool isPreview(QPrinter* printer)
{
    const QPaintEngine* engine = printer->paintEngine();
    return engine && engine->type() == QPaintEngine::Picture;
}

} // namespace

void previewMatterLetters(QWidget* parent, const DocumentPrinting& printing,
                          const QString& matterNumber)
{
    if (!printing.cases || !printing.clock)
        return;
    store::CaseStore& cases = *printing.cases;
    const QDate today = cases.settings().today(*printing.clock);
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
        const int home = documents::matterLetterHome(kind, matter->parts);
        if (home < 0)
            continue;
        const QString caseId = matter->parts.at(home).state.caseId;
        const core::DocumentKind documentKind = documents::matterLetterDocumentKind(kind);
        auto ticket = cases.previewPrint(caseId, documentKind);
        if (!ticket) {
            QMessageBox::warning(parent, MatterIntakeDialog::tr("Matter"), ticket.error().message);
            continue;
        }
        letter.number = ticket->number;
        letter.reprint = ticket->reprint;
        auto shown = documents::matterLetterDocument(kind, letter, printing.hall);
        if (!shown) {
            QMessageBox::warning(parent, MatterIntakeDialog::tr("Matter"), shown.error().message);
            continue;
        }
        QPrinter printer(QPrinter::HighResolution);
        printer.setFullPage(true);
        QPrintPreviewDialog preview(&printer, parent);
        preview.setWindowTitle(documents::matterLetterTitle(kind) + QLatin1Char(' ') +
                               matterNumber);
        QString failure;
        QObject::connect(
            &preview, &QPrintPreviewDialog::paintRequested, &preview, [&](QPrinter* p) {
                if (isPreview(p)) {
                    shown->paint(*p);
                    return;
                }
                // The real print: the number is taken and the print recorded in one action.
                auto done = cases.recordPrint(
                    caseId, documentKind, std::max(1, p->copyCount()), printing.actor,
                    [&](const store::CaseStore::PrintTicket& t) -> core::Status {
                        documents::MatterLetter numbered = letter;
                        numbered.number = t.number;
                        numbered.reprint = t.reprint;
                        auto final = documents::matterLetterDocument(kind, numbered, printing.hall);
                        if (!final)
                            return final.error();
                        return documents::printDocument(*final, *p, p->copyCount());
                    });
                if (!done)
                    failure = done.error().message;
            });
        preview.exec();
        if (!failure.isEmpty())
            QMessageBox::warning(parent, preview.windowTitle(), failure);
    }
}

} // namespace onewindow::ui
