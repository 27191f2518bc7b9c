#include "store/WarningNoticeRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace onewindow::store {

Result<WarningNoticeRepository::Told> WarningNoticeRepository::load(const QString& clerkId) const
{
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT told_on, told FROM warning_notices WHERE clerk_id = ?"));
    q.addBindValue(clerkId);
    if (!q.exec())
        return sqlError("store.warnings", QStringLiteral("读取预警提醒记录"), q.lastError().text());
    Told told;
    if (!q.next())
        return told;
    // Unreadable memory only means a case may be told once more: never an error for the clerk.
    told.day = QDate::fromString(q.value(0).toString(), Qt::ISODate);
    for (const QJsonValue& v : QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array())
        if (v.isString())
            told.keys.append(v.toString());
    return told;
}

Status WarningNoticeRepository::save(const QString& clerkId, const QDate& day,
                                     const QStringList& keys)
{
    QSqlQuery q(m_store.database());
    q.prepare(
        QStringLiteral("INSERT INTO warning_notices (clerk_id, told_on, told) VALUES (?, ?, ?) "
                       "ON CONFLICT (clerk_id) DO UPDATE SET told_on = excluded.told_on, "
                       "told = excluded.told"));
    q.addBindValue(clerkId);
    q.addBindValue(day.toString(Qt::ISODate));
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(keys)).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return sqlError("store.warnings", QStringLiteral("保存预警提醒记录"), q.lastError().text());
    return {};
}

} // namespace onewindow::store
