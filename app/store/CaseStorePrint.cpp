// CaseStore's printed documents: numbers per kind, hall, year and device, and the
// document-printed event, taken in the same transaction as the print itself.
#include "store/CaseStore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

Result<CaseStore::PrintTicket> CaseStore::ticketFor(const QString& caseId, core::DocumentKind kind,
                                                    bool take)
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
        ticket.reprint = true;
        return ticket;
    }
    auto dev = thisDevice();
    if (!dev)
        return dev.error();
    // The year of the act the document evidences: a December acceptance printed in January is
    // still numbered in December's year.
    const int year = source->date.year();
    auto sequence = documentSequence(core::documentKindKey(kind), year, take);
    if (!sequence)
        return sequence.error();
    ticket.number =
        core::formatDocumentNumber(dev->hallCode, kind, year, dev->deviceCode, *sequence);
    return ticket;
}

Result<CaseStore::PrintTicket> CaseStore::previewPrint(const QString& caseId,
                                                       core::DocumentKind kind)
{
    return ticketFor(caseId, kind, false);
}

Result<CaseStore::PrintTicket>
CaseStore::recordPrint(const QString& caseId, core::DocumentKind kind, int copies,
                       const QString& actor,
                       const std::function<Status(const PrintTicket&)>& output)
{
    if (copies < 1)
        return Error{QStringLiteral("printed.copies"), QStringLiteral("打印份数至少为 1")};
    std::optional<PrintTicket> done;
    const Status status = m_store.transaction([&]() -> Status {
        auto ticket = ticketFor(caseId, kind, true);
        if (!ticket)
            return ticket.error();
        if (output) {
            if (Status s = output(*ticket); !s)
                return s;
        }
        auto appended = appendInTransaction(
            caseId, core::EventType::DocumentPrinted,
            core::payload::documentPrinted(core::documentKindKey(kind), ticket->number, copies,
                                           ticket->reprint, ticket->source.eventId),
            actor);
        if (!appended)
            return appended.error();
        done = *ticket;
        return {};
    });
    settle(status.ok());
    if (!status)
        return status.error();
    return *done;
}

} // namespace onewindow::store
