#include "ui/DocumentPreview.h"

#include "core/CasePayloads.h"
#include "documents/Document.h"
#include "store/CatalogRepository.h"
#include "store/UserRepository.h"

#include <QAction>
#include <QApplication>
#include <QBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPaintEngine>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>

#include <functional>

namespace onewindow::ui {

namespace {

// Staff are printed by name, as the ctl prints them: the names the caller gave, completed from
// the hall's users (issue 15: the window printed logins where the ctl printed 张三).
QHash<QString, QString> namesFor(const DocumentPrinting& printing)
{
    QHash<QString, QString> names = printing.staffNames;
    if (auto users = store::UserRepository(printing.cases->store()).users())
        for (const store::User& u : *users)
            if (!names.contains(u.userId) && !u.displayName.trimmed().isEmpty())
                names.insert(u.userId, u.displayName);
    return names;
}

documents::DocumentRequest requestFor(const store::CaseStore::PrintTicket& t,
                                      const DocumentPrinting& printing,
                                      documents::PageFormat format)
{
    documents::DocumentRequest request{
        t.kind,        format,
        t.events,      t.context,
        t.source,      t.number,
        t.reprint,     printing.cases->settings().today(*printing.clock),
        printing.hall, namesFor(printing)};
    if (t.kind == core::DocumentKind::Refusal) // its competent office is checked (issue 15)
        if (auto items = store::CatalogRepository(printing.cases->store()).currentItems())
            for (const core::ItemVersion& v : *items)
                request.catalog.append(v.item);
    return request;
}

// QPrintPreviewDialog asks for the same painting to show its preview and to print. While it
// previews, the printer paints through Qt's preview engine, which records pictures.
bool isPreview(QPrinter* printer)
{
    const QPaintEngine* engine = printer->paintEngine();
    return engine && engine->type() == QPaintEngine::Picture;
}

// Qt's preview, driven from the keys: it opens readable (fit width) and large; Enter and Ctrl+P
// print, Ctrl++ / Ctrl+- zoom, Ctrl+0 fits the width again, PgDn / PgUp page; Esc (or closing)
// before printing asks `leave` whether it may close.
class KeyedPreview : public QPrintPreviewDialog
{
public:
    KeyedPreview(QPrinter* printer, QWidget* parent, std::function<bool()> leave)
        : QPrintPreviewDialog(printer, parent), m_leave(std::move(leave))
    {
        setObjectName(QStringLiteral("documentPreview"));
        auto* preview = findChild<QPrintPreviewWidget*>();
        QAction* print = ownAction("Print");
        QAction* fitWidth = ownAction("Fit width");
        const auto keys = [this](std::initializer_list<QKeySequence> sequences, auto slot) {
            for (const QKeySequence& s : sequences)
                connect(new QShortcut(s, this), &QShortcut::activated, this, slot);
        };
        if (print)
            keys({QKeySequence(Qt::CTRL | Qt::Key_P), QKeySequence(Qt::Key_Return),
                  QKeySequence(Qt::Key_Enter)},
                 [print] { print->trigger(); });
        if (preview) {
            keys({QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)},
                 [preview] { preview->zoomIn(); });
            keys({QKeySequence(Qt::CTRL | Qt::Key_Minus)}, [preview] { preview->zoomOut(); });
            keys({QKeySequence(Qt::Key_PageDown)}, [preview] {
                preview->setCurrentPage(std::min(preview->pageCount(), preview->currentPage() + 1));
            });
            keys({QKeySequence(Qt::Key_PageUp)},
                 [preview] { preview->setCurrentPage(std::max(1, preview->currentPage() - 1)); });
        }
        if (fitWidth) {
            keys({QKeySequence(Qt::CTRL | Qt::Key_0)}, [fitWidth] { fitWidth->trigger(); });
            fitWidth->trigger(); // Qt opens the whole page in view: about 39 %, unreadable
        }
        const QScreen* screen = parent ? parent->screen() : QApplication::primaryScreen();
        if (screen)
            resize(screen->availableGeometry().size() * 0.85);
    }

    void reject() override
    {
        if (m_leave && !m_leave())
            return;
        QPrintPreviewDialog::reject();
    }

private:
    // The preview's own toolbar action, found by its (translated) text.
    QAction* ownAction(const char* text) const
    {
        const QString wanted = QCoreApplication::translate("QPrintPreviewDialog", text);
        for (QAction* a : findChildren<QAction*>())
            if (a->text() == wanted)
                return a;
        return nullptr;
    }

    std::function<bool()> m_leave;
};

} // namespace

bool previewDocument(QWidget* parent, const DocumentPrinting& printing, const QString& caseId,
                     core::DocumentKind kind, documents::PageFormat format)
{
    if (!printing.cases || !printing.clock)
        return false;
    const QString paper = documents::pageFormatKey(format);
    auto ticket = printing.cases->previewPrint(caseId, kind, paper);
    auto document = ticket ? documents::buildDocument(requestFor(*ticket, printing, format))
                           : core::Result<documents::Document>(ticket.error());
    if (!document) {
        QMessageBox::warning(
            parent, QApplication::translate("DocumentPreview", "Cannot print the document"),
            document.error().message);
        return false;
    }
    // What the hall's settings leave out (no seal, no 代字, an unknown office) is said inside the
    // preview, above the page: a box before every print would cost the clerk a key each time.
    QStringList settingsWarnings;
    for (const core::Error& w : document->warnings())
        settingsWarnings.append(w.message);
    QPrinter printer(QPrinter::HighResolution);
    printer.setFullPage(true);
    printer.setDocName(QStringLiteral("%1 %2").arg(document->title(), document->number()));
    bool printed = false;
    QString failure;
    QPrintPreviewDialog* shown = nullptr;
    // Esc before the first print: the applicant may leave with nothing, so the timeline is told
    // what happened (行政许可法 Art. 32: the certificate is written). A reprint asks nothing.
    const auto leave = [&]() -> bool {
        if (printed || ticket->reprint)
            return true;
        auto state = printing.cases->state(caseId);
        QMessageBox box(
            QMessageBox::Question, QApplication::translate("DocumentPreview", "Not printed"),
            QApplication::translate(
                "DocumentPreview",
                "The %1 of case %2 was not printed. Did the applicant get it another "
                "way?")
                .arg(core::documentKindName(kind), state ? state->caseNumber : QString()),
            QMessageBox::NoButton, shown);
        box.setObjectName(QStringLiteral("unprintedQuestion"));
        QPushButton* back =
            box.addButton(QApplication::translate("DocumentPreview", "&Back to printing"),
                          QMessageBox::RejectRole);
        QPushButton* handed =
            box.addButton(QApplication::translate("DocumentPreview", "&Handed over another way"),
                          QMessageBox::AcceptRole);
        box.addButton(QApplication::translate("DocumentPreview", "&Not handed over"),
                      QMessageBox::DestructiveRole);
        box.setDefaultButton(back);
        box.setEscapeButton(back);
        box.exec();
        if (box.clickedButton() == back)
            return false;
        const QString note = core::unprintedDocumentNote(kind, box.clickedButton() == handed);
        if (auto noted = printing.cases->append(caseId, core::EventType::Note,
                                                core::payload::note(note), printing.actor);
            !noted)
            failure = noted.error().message;
        return true;
    };
    KeyedPreview dialog(&printer, parent, leave);
    shown = &dialog;
    if (!settingsWarnings.isEmpty()) {
        auto* strip = new QLabel(QApplication::translate("DocumentPreview", "Document settings: %1")
                                     .arg(settingsWarnings.join(QStringLiteral("；"))),
                                 &dialog);
        strip->setObjectName(QStringLiteral("documentSettingsWarning"));
        strip->setWordWrap(true);
        strip->setStyleSheet(QStringLiteral("QLabel { color: #a00000; padding: 4px; }"));
        if (auto* box = qobject_cast<QBoxLayout*>(dialog.layout()))
            box->insertWidget(0, strip);
        else
            dialog.setToolTip(strip->text());
    }
    dialog.setWindowTitle(
        QApplication::translate("DocumentPreview", "Print preview: %1 (Enter prints, Esc closes)")
            .arg(document->title()));
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
            },
            paper);
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
