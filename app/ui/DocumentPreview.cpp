#include "ui/DocumentPreview.h"

#include "documents/Document.h"

#include <QApplication>
#include <QMessageBox>
#include <QPaintEngine>
#include <QPrintPreviewDialog>
#include <QPrinter>

namespace onewindow::ui {

namespace {

documents::DocumentRequest requestFor(const store::CaseStore::PrintTicket& t,
                                      const DocumentPrinting& printing,
                                      documents::PageFormat format)
{
    return documents::DocumentRequest{
        t.kind,        format,
        t.events,      t.context,
        t.source,      t.number,
        t.reprint,     printing.cases->settings().today(*printing.clock),
        printing.hall, printing.staffNames};
}

// QPrintPreviewDialog asks for the same painting to show its preview and to print. While it
// previews, the printer paints through Qt's preview engine, which records pictures.
bool isPreview(QPrinter* printer)
{
    const QPaintEngine* engine = printer->paintEngine();
    return engine && engine->type() == QPaintEngine::Picture;
}

} // namespace

bool previewDocument(QWidget* parent, const DocumentPrinting& printing, const QString& caseId,
                     core::DocumentKind kind, documents::PageFormat format)
{
    if (!printing.cases || !printing.clock)
        return false;
    auto ticket = printing.cases->previewPrint(caseId, kind);
    auto document = ticket ? documents::buildDocument(requestFor(*ticket, printing, format))
                           : core::Result<documents::Document>(ticket.error());
    if (!document) {
        QMessageBox::warning(
            parent, QApplication::translate("DocumentPreview", "Cannot print the document"),
            document.error().message);
        return false;
    }
    if (!document->warnings().isEmpty()) {
        QStringList lines;
        for (const core::Error& w : document->warnings())
            lines.append(w.message);
        QMessageBox::information(parent,
                                 QApplication::translate("DocumentPreview", "Document settings"),
                                 lines.join(QLatin1Char('\n')));
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setFullPage(true);
    printer.setDocName(QStringLiteral("%1 %2").arg(document->title(), document->number()));
    QPrintPreviewDialog dialog(&printer, parent);
    dialog.setWindowTitle(
        QApplication::translate("DocumentPreview", "Print preview: %1").arg(document->title()));
    bool printed = false;
    QString failure;
    QObject::connect(&dialog, &QPrintPreviewDialog::paintRequested, &dialog, [&](QPrinter* p) {
        if (isPreview(p)) {
            document->paint(*p);
            return;
        }
        // The real print: the number is taken and the print recorded in one action.
        auto done = printing.cases->recordPrint(
            caseId, kind, std::max(1, p->copyCount()), printing.actor,
            [&](const store::CaseStore::PrintTicket& t) -> core::Status {
                auto final = documents::buildDocument(requestFor(t, printing, format));
                if (!final)
                    return final.error();
                return documents::printDocument(*final, *p, p->copyCount());
            });
        if (done)
            printed = true;
        else
            failure = done.error().message;
    });
    dialog.exec();
    if (!failure.isEmpty())
        QMessageBox::warning(parent, QApplication::translate("DocumentPreview", "Printing failed"),
                             failure);
    return printed;
}

} // namespace onewindow::ui
