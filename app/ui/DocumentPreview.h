#pragma once

#include "core/Clock.h"
#include "core/DocumentKind.h"
#include "documents/HallProfile.h"
#include "documents/Templates.h"
#include "store/CaseStore.h"

#include <QHash>
#include <QString>

class QWidget;

namespace onewindow::ui {

// What printing a case's documents from a screen needs besides the case.
struct DocumentPrinting
{
    store::CaseStore* cases = nullptr;
    const core::Clock* clock = nullptr;
    documents::HallProfile hall; // documents::loadHallProfile(documents::defaultConfigDir())
    QString actor;               // the signed-in user: the document-printed event's actor
    QHash<QString, QString> staffNames;
};

// Shows the document of `kind` for a case in a print preview (QPrintPreviewDialog) with the
// number it will get (a reprint: its first number, marked 补打). Printing from the preview, to a
// CUPS printer or to a PDF file, takes the number and commits the document-printed event before
// the paper (CaseStore::recordPrint); a print that then fails is recorded as failed. A kind that
// does not fit the case, or a failed print, is told in a message box. Returns true when the
// document was printed.
bool previewDocument(QWidget* parent, const DocumentPrinting& printing, const QString& caseId,
                     core::DocumentKind kind,
                     documents::PageFormat format = documents::PageFormat::A4);

} // namespace onewindow::ui
