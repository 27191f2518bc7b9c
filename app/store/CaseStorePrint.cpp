// CaseStore's printed documents: numbers per kind, hall, year and device, and the
// document-printed event, committed before the document is printed.
#include "store/CaseStore.h"
#include "store/OfficeNumbers.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

Result<CaseStore::PrintTicket> CaseStore::ticketFor(const QString& caseId, core::DocumentKind kind,
                                                    bool take, const QString& paper)
{
    auto now = current(caseId);
    if (!now)
        return now.error();
    const LoadedCase* loaded = &now->loaded;
    const QList<core::Event>* list = &loaded->events;
    const core::CaseState* state = &loaded->state;
    const core::FoldContext* ctx = &loaded->context;
    auto source = core::documentSource(kind, *state, *list, m_settings.zone);
    if (!source)
        return source.error();

    PrintTicket ticket;
    ticket.kind = kind;
    ticket.source = *source;
    ticket.events = *list;
    ticket.state = *state;
    ticket.context = *ctx;
    if (auto printed = core::printedNumber(*list, kind, source->eventId)) {
        ticket.number = *printed;
        ticket.reprint = core::printedBefore(*list, kind, source->eventId, paper);
        return ticket;
    }
    auto dev = thisDevice();
    if (!dev)
        return dev.error();
    // The year of the act the document evidences: a December acceptance printed in January is
    // still numbered in December's year.
    const int year = source->date.year();
    // An office's letter takes its 文号 from the office's own counter (one per 代字 and year, in
    // the same transaction as its document-printed event); without a 代字 the hall's number.
    const QString prefix = core::issuedByOffice(kind) && ctx->item
                               ? m_docPrefixes.value(ctx->item->office.trimmed())
                               : QString();
    if (!prefix.isEmpty()) {
        // Decision 5: at a window enrolled in a hall, from the blocks the server allots.
        OfficeNumbers blocks(m_store);
        if (blocks.fromBlocks()) {
            auto n = blocks.next(prefix, year, take);
            if (!n)
                return n.error();
            if (*n) {
                ticket.number = core::formatOfficeNumber(prefix, year, **n);
                return ticket;
            }
            if (take) // recordPrint asks for a block once this transaction is undone
                return noOfficeNumber(prefix, year);
            if (Status asked = blocks.want(prefix, year, true); !asked)
                return asked.error();
            ticket.number = QStringLiteral("%1〔%2〕（待分配）号").arg(prefix).arg(year);
            return ticket;
        }
        auto n = documentSequence(core::officeNumberKey(prefix), year, take);
        if (!n)
            return n.error();
        ticket.number = core::formatOfficeNumber(prefix, year, *n);
        return ticket;
    }
    auto sequence = documentSequence(core::documentKindKey(kind), year, take);
    if (!sequence)
        return sequence.error();
    ticket.number =
        core::formatDocumentNumber(dev->hallCode, kind, year, dev->deviceCode, *sequence);
    return ticket;
}

Result<CaseStore::PrintTicket>
CaseStore::previewPrint(const QString& caseId, core::DocumentKind kind, const QString& paper)
{
    return ticketFor(caseId, kind, false, paper);
}

Result<CaseStore::PrintTicket> CaseStore::recordPrint(
    const QString& caseId, core::DocumentKind kind, int copies, const QString& actor,
    const std::function<Status(const PrintTicket&)>& output, const QString& paper)
{
    if (copies < 1)
        return Error{QStringLiteral("printed.copies"), QStringLiteral("打印份数至少为 1")};
    // Numbers before paper: the number and the document-printed event are committed first, the
    // document is printed after, outside the write lock. A print that fails then is recorded as
    // failed: its number is a gap, never issued twice (a COMMIT failing after the paper came out
    // would have issued it again).
    std::optional<PrintTicket> done;
    QString printedId;
    const Status status = m_store.transaction([&]() -> Status {
        auto ticket = ticketFor(caseId, kind, true, paper);
        if (!ticket)
            return ticket.error();
        auto appended = appendInTransaction(
            caseId, core::EventType::DocumentPrinted,
            core::payload::documentPrinted(core::documentKindKey(kind), ticket->number, copies,
                                           ticket->reprint, ticket->source.eventId, paper),
            actor);
        if (!appended)
            return appended.error();
        done = *ticket;
        printedId = appended->event.eventId;
        return {};
    });
    settle(status.ok());
    if (!status && status.error().code == QLatin1String("office_number.none"))
        ticketFor(caseId, kind, false, paper); // the preview's path asks for the next block
    if (!status)
        return status.error();
    if (!output)
        return *done;
    const Status printed = output(*done);
    if (printed)
        return *done;
    const Status recorded = m_store.transaction([&]() -> Status {
        auto appended = appendInTransaction(
            caseId, core::EventType::DocumentPrintFailed,
            core::payload::documentPrintFailed(core::documentKindKey(kind), done->number,
                                               done->reprint, printedId, printed.error().message),
            actor);
        return appended ? Status() : Status(appended.error());
    });
    settle(recorded.ok());
    return core::printFailed(kind, done->number, done->reprint, printed.error(),
                             recorded ? std::nullopt : std::optional(recorded.error()));
}

} // namespace onewindow::store
