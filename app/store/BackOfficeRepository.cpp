#include "store/BackOfficeRepository.h"

#include "store/SyncRepository.h"

#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

Result<std::optional<QStringList>> BackOfficeRepository::forwardingChoices() const
{
    if (!SyncRepository::enrolled(m_store))
        return std::optional<QStringList>();
    auto names = list();
    if (!names)
        return names.error();
    return std::optional<QStringList>(*names);
}

Result<QStringList> BackOfficeRepository::list() const
{
    QSqlQuery q(m_store.database());
    if (!q.exec(QStringLiteral("SELECT department FROM hall_back_offices ORDER BY position")))
        return sqlError("store.back_offices_read", QStringLiteral("读取本大厅的后台科室"),
                        q.lastError().text());
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

Result<bool> BackOfficeRepository::replace(const QStringList& departments)
{
    auto held = list();
    if (!held)
        return held.error();
    if (*held == departments)
        return false;
    QSqlQuery q(m_store.database());
    const auto failed = [&q] {
        return sqlError("store.back_offices_write", QStringLiteral("保存本大厅的后台科室"),
                        q.lastError().text());
    };
    if (!q.exec(QStringLiteral("DELETE FROM hall_back_offices")))
        return failed();
    q.prepare(QStringLiteral("INSERT INTO hall_back_offices (department, position) VALUES (?, ?)"));
    for (qsizetype i = 0; i < departments.size(); ++i) {
        q.addBindValue(departments[i]);
        q.addBindValue(qint64(i));
        if (!q.exec())
            return failed();
    }
    return true;
}

} // namespace onewindow::store
