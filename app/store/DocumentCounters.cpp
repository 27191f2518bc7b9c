#include "store/DocumentCounters.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

Status raiseDocumentCounters(Store& store, const QList<IssuedNumbers>& issued)
{
    return store.transaction([&]() -> Status {
        QSqlQuery documents(store.database());
        documents.prepare(QStringLiteral(
            "INSERT INTO document_counters (kind, year, last) VALUES (?, ?, ?) "
            "ON CONFLICT (kind, year) DO UPDATE SET last = max(last, excluded.last)"));
        for (const IssuedNumbers& n : issued) {
            documents.bindValue(0, core::documentKindKey(n.kind));
            documents.bindValue(1, n.year);
            documents.bindValue(2, n.last);
            if (!documents.exec())
                return sqlError("store.document_number", QStringLiteral("更新文书编号计数"),
                                documents.lastError().text());
        }
        return {};
    });
}

} // namespace onewindow::store
