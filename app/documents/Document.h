#pragma once

#include "core/DocumentKind.h"
#include "core/Error.h"
#include "documents/DocumentRequest.h"
#include "documents/Templates.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QPrinter;
class QTextDocument;

namespace onewindow::documents {

struct ComposedLetter;

// One document ready to paint: its template filled with the case's fields, its QR code and the
// hall's seal. No widgets: the app previews and prints it (QPrintPreviewDialog, CUPS), the CLI
// writes PDF. The text is set in WenQuanYi Micro Hei, which keeps it extractable in Qt 6.4's
// PDFs (Noto Sans CJK loses digits there).
class Document
{
public:
    core::DocumentKind kind() const { return m_kind; }
    PageFormat format() const { return m_format; }
    QString title() const { return m_title; }   // 受理通知书, 受理回执 ...
    QString number() const { return m_number; } // empty: a draft
    bool reprint() const { return m_reprint; }
    QString html() const { return m_html; } // the filled template
    QString templateOrigin() const { return m_templateOrigin; }
    QByteArray qrPayload() const { return m_qrPayload; } // empty: no QR code
    // What could not be used and what was used instead (a template refused, no seal image ...).
    const QList<core::Error>& warnings() const { return m_warnings; }

    // The filled template as a QTextDocument with its images, laid out at the text width of the
    // page in CSS pixels (1/96 inch); not paginated.
    std::unique_ptr<QTextDocument> textDocument() const;

    // Paints every page on `device` and sets its page layout first: A4 portrait, or 80 mm wide and
    // as long as the text. An A4 letter is kept on one page by tightening its spacing, then by
    // setting it slightly smaller; a longer one flows on with the signature block kept with its
    // last lines. The seal (the hall's image, or a dashed circle marking where it goes) is centred
    // over the issuer's name and the date together and kept off the QR code; pages are numbered
    // in a 9 pt footer when there are several.
    core::Status paint(QPagedPaintDevice& device) const;

private:
    struct Fitted
    {
        std::unique_ptr<QTextDocument> doc; // paginated: its page size is the body's
        qreal zoom = 1;                     // painted at this scale
        qreal pageHeightMm = 0;
    };
    std::unique_ptr<QTextDocument> layoutDocument(qreal spacing, qreal zoom) const;
    Fitted fitted() const; // on one A4 page when it can be, else flowing on
    friend core::Result<Document> buildDocument(const DocumentRequest& request);
    friend core::Result<Document> composedDocument(const ComposedLetter& letter);

    core::DocumentKind m_kind = core::DocumentKind::Receipt;
    PageFormat m_format = PageFormat::A4;
    QString m_title;
    QString m_number;
    bool m_reprint = false;
    QString m_html;
    QString m_styleSheet;
    QString m_templateOrigin;
    QString m_configDir; // the only folder its images may come from
    QByteArray m_qrPayload;
    QImage m_qr;
    QImage m_seal;
    QList<core::Error> m_warnings;
};

// Builds the document a request asks for; fails when the kind has no such format or the case's
// events do not hold the act it evidences.
core::Result<Document> buildDocument(const DocumentRequest& request);

// A letter whose HTML is composed elsewhere (the matter's letters, documents/MatterLetters.h),
// set in the A4 letters' style sheet and painted like them: fitted to one page, the seal over the
// text marked <a name="seal">, every number and each of `names` kept on one line.
struct ComposedLetter
{
    core::DocumentKind kind = core::DocumentKind::MatterReceipt;
    QString title;
    QString number; // empty: a draft
    bool reprint = false;
    QString html;
    QString sealImage;  // absolute path; empty: the dashed circle where the seal is stamped
    QString configDir;  // the only folder its images may come from
    QStringList names;  // never broken across lines (the hall, the departments)
    QString extraStyle; // appended to the A4 style sheet (a letter of long tables sets them denser)
};
core::Result<Document> composedDocument(const ComposedLetter& letter);

// Writes the document as PDF to `path`.
core::Status writePdf(const Document& document, const QString& path);

// Prints the document on `printer` (a CUPS queue, or the printer a print dialog chose).
core::Status printDocument(const Document& document, QPrinter& printer, int copies = 1);

// The font every document is set in, and whether it is installed.
QString documentFontFamily();
bool documentFontInstalled();

} // namespace onewindow::documents
