#include "server/storage/Epochs.h"

#include "server/storage/CentralDb.h"

#include <QRandomGenerator>
#include <QSqlQuery>

namespace onewindow::server {

namespace {

core::Error epochError(const QString& why)
{
    return {QStringLiteral("db.epoch"), QStringLiteral("读写大厅纪元失败：%1").arg(why)};
}

core::Error unknownHall(const QString& hallCode)
{
    return {QStringLiteral("hall.unknown"), QStringLiteral("没有大厅 %1").arg(hallCode)};
}

} // namespace

core::Result<HallEpoch> Epochs::of(const QString& hallCode)
{
    QSqlQuery* q = m_db.runKept(
        QStringLiteral("SELECT epoch, epoch_base FROM halls WHERE hall_code = ?"), {hallCode});
    if (!q)
        return epochError(m_db.lastError());
    if (!q->next())
        return unknownHall(hallCode);
    HallEpoch e{q->value(0).toString(), q->value(1).toLongLong()};
    q->finish();
    return e;
}

core::Result<QList<HallEpoch>> Epochs::begin(const QStringList& hallCodes)
{
    if (!m_db.begin())
        return epochError(m_db.lastError());
    QList<HallEpoch> out;
    for (const QString& hallCode : hallCodes) {
        // 128 random bits: two databases promoted from one history never meet with one epoch.
        QString id;
        for (int i = 0; i < 4; ++i)
            id += QStringLiteral("%1").arg(QRandomGenerator::system()->generate(), 8, 16,
                                           QLatin1Char('0'));
        // The base: the hall's counter now, or the last epoch's base if that is lower. A window
        // may have missed the epochs between (a standby promoted from a standby): what it
        // holds above the older base may differ from this history, so it pulls from there.
        QSqlQuery q = m_db.query();
        if (!m_db.run(q,
                      QStringLiteral("UPDATE halls SET epoch = ?, epoch_base = CASE WHEN epoch = "
                                     "'' OR seq < epoch_base THEN seq ELSE epoch_base END WHERE "
                                     "hall_code = ?"),
                      {id, hallCode})) {
            const QString why = m_db.lastError();
            m_db.rollback();
            return epochError(why);
        }
        if (q.numRowsAffected() < 1) {
            m_db.rollback();
            return unknownHall(hallCode); // every hall named, or none
        }
        auto now = of(hallCode);
        if (!now) {
            m_db.rollback();
            return now.error();
        }
        out.append(*now);
    }
    if (!m_db.commit()) {
        const QString why = m_db.lastError();
        m_db.rollback();
        return epochError(why);
    }
    return out;
}

} // namespace onewindow::server
