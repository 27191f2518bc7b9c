#pragma once

#include "core/DeadlineClock.h"
#include "store/Store.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlQuery>

namespace onewindow::store {

// A case as lists, queues and boards show it: one row of the projection.
struct CaseRow
{
    QString caseId;
    QString caseNumber;
    QString queryCode;
    QString itemCode;
    QString itemName;
    QString department;
    QString profile;
    QString applicantName;
    QString applicantId;
    QString applicantPhone;
    QString clerkId;
    QString windowCode;
    QString status;
    bool open = false;
    QDate receivedDate;
    QDate acceptedDate;
    QDate decidedDate;
    QDate dueDate;    // earliest deadline of the running clocks
    QDate yellowFrom; // earliest day a running clock turns yellow
    bool suspended = false;
    bool provisional = false;
    bool deemedAccepted = false;
    int repeatNotices = 0;
    QString holderWindow; // 领办: the window holding it, empty when none

    // The warning level on `today` (core::warningLevelOn of dueDate and yellowFrom).
    core::WarningLevel levelOn(const QDate& today) const;
};

// The columns a CaseRow is read from, each prefixed with `alias.` when one is given, and the row
// read from a query that selected them starting at column `first` (for the store's other queries).
QString caseRowColumns(const QString& alias = {});
// "a, b" with alias "c" -> "c.a, c.b".
QString prefixedColumns(const QString& columns, const QString& alias);
// A stored YYYY-MM-DD (NULL -> invalid), parsed by hand: QDate::fromString is most of the cost
// of reading a few thousand rows.
QDate storedDate(const QVariant& value);
CaseRow caseRowFrom(const QSqlQuery& query, int first = 0);

// The indexed queries every screen needs; each answers from the projection, never by folding.
class CaseQueries
{
public:
    explicit CaseQueries(Store& store) : m_store(store) {}

    // Open cases, red first, then yellow, then the rest, each by due date.
    Result<QList<CaseRow>> openByUrgency(const QDate& today, int limit, int offset = 0) const;
    Result<QList<CaseRow>> clerkOpen(const QString& clerkId, const QDate& today, int limit) const;
    Result<QList<CaseRow>> overdue(const QDate& today, int limit) const;
    Result<QList<CaseRow>> awaitingCorrection(int limit) const;
    Result<QList<CaseRow>> deemedAccepted(int limit) const;

    Result<QList<CaseRow>> byCaseNumber(const QString& caseNumber) const;
    Result<QList<CaseRow>> byQueryCode(const QString& queryCode) const;
    Result<QList<CaseRow>> byApplicantNamePrefix(const QString& prefix, int limit) const;
    Result<QList<CaseRow>> byIdNumber(const QString& idNumber, int limit) const;
    Result<QList<CaseRow>> byPhone(const QString& phone, int limit) const;
    // One search box: a case number, a query code, an ID number, a phone or a name prefix.
    Result<QList<CaseRow>> search(const QString& text, int limit) const;

    enum class DateField
    {
        Received,
        Accepted,
        Decided,
    };
    Result<QList<CaseRow>> between(DateField field, const QDate& from, const QDate& to,
                                   int limit) const;
    Result<int> countBetween(DateField field, const QDate& from, const QDate& to) const;
    Result<QList<CaseRow>> byStatus(const QString& status, int limit) const;
    // The back office's queue (issue 18, 前台综合受理、后台分类审批): open cases in progress or
    // suspended whose latest forwarding (移交后台) the hall has not rejected names `department`,
    // by due date. A case forwarded on to another department leaves this queue.
    Result<QList<CaseRow>> forwardedTo(const QString& department, int limit) const;

    // The hand-out windows' queue (issue 18, 综合窗口出件): open cases whose result is ready for
    // pick-up (decided or result ready, not yet delivered), in the order their results came
    // back (the decision the hall took, not one it rejected); `readyAtUtc` is that time.
    struct Ready
    {
        CaseRow row;
        QDateTime readyAtUtc;
    };
    Result<QList<Ready>> readyForPickup(int limit) const;

    Result<QHash<QString, int>> countsByStatus(const QString& clerkId = {}) const;
    Result<int> caseCount() const;

private:
    friend class SupervisionQueries;
    Result<QList<CaseRow>> select(const QString& whereAndOrder, const QVariantList& binds) const;

    Store& m_store;
};

} // namespace onewindow::store
