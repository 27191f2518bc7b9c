#pragma once

#include "core/CaseState.h"
#include "store/UserRepository.h"

#include <QDate>
#include <QHash>
#include <QListWidget>

namespace onewindow::store {
class Store;
}

namespace onewindow::ui {

// Display names by user id (the system actor included), for lists that name people.
QHash<QString, QString> staffNames(store::Store& store);

// The case view's line for the case's current supervision order (督办), in rich text; empty when
// there is none or the case is closed.
QString supervisionHeaderLine(const core::CaseState& state, store::Store& store,
                              const QDate& today);

// The clerk's open supervision orders above the queue: those addressed to the clerk or the clerk's
// window, most urgent first, overdue ones marked. Hidden while there are none; Enter opens a case.
class SupervisionOrdersList : public QListWidget
{
    Q_OBJECT
public:
    explicit SupervisionOrdersList(QWidget* parent = nullptr);

    void showFor(store::Store& store, const store::User& clerk, const QDate& today);
    QStringList caseIds() const;

Q_SIGNALS:
    void openCase(const QString& caseId);
};

} // namespace onewindow::ui
