#pragma once

#include "core/CaseFold.h"
#include "core/DocumentKind.h"
#include "core/Event.h"
#include "documents/HallProfile.h"
#include "documents/Templates.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

namespace onewindow::documents {

// Everything a document is built from. The caller (the app, onewindowctl) reads the case from
// the store and passes it in core's types: documents never reads the store.
struct DocumentRequest
{
    core::DocumentKind kind = core::DocumentKind::Receipt;
    PageFormat format = PageFormat::A4;
    QList<core::Event> events;   // the case's log in order, at least up to the source act
    core::FoldContext context;   // the item version the case was received under, calendar, zone
    core::DocumentSource source; // the act the document evidences (core::documentSource)
    QString number;              // the document's number; empty: a draft, marked 样稿
    bool reprint = false;        // printed before under the same number: marked 补打
    QDate printedOn;             // the hall's civil date today, from the injected clock
    HallProfile hall;
    QHash<QString, QString> staffNames; // actor id -> name as printed (default: the id)
    // The hall's current catalog: a refusal's competent office is checked against it
    // (core::checkCompetentOffice) and the print warns; empty: not checked.
    QList<core::ServiceItem> catalog = {};
};

} // namespace onewindow::documents
