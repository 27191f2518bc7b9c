#include "ui/SupervisionNotice.h"

#include "core/DateText.h"
#include "core/Event.h"
#include "store/SupervisionQueries.h"
#include "ui/BoardModel.h"
#include "ui/UiText.h"

#include <QBrush>

#include <algorithm>

namespace onewindow::ui {

QHash<QString, QString> staffNames(store::Store& store)
{
    QHash<QString, QString> names{{core::kSystemActor, SupervisionOrdersList::tr("system")}};
    if (auto users = store::UserRepository(store).users())
        for (const store::User& u : *users)
            names.insert(u.userId, u.displayName);
    return names;
}

QString supervisionHeaderLine(const core::CaseState& s, store::Store& store, const QDate& today)
{
    if (s.supervisionOrders == 0 || !s.isOpen())
        return QString();
    const QHash<QString, QString> names = staffNames(store);
    QStringList to;
    if (!s.supervisedClerk.isEmpty())
        to.append(names.value(s.supervisedClerk, s.supervisedClerk));
    if (!s.supervisedWindow.isEmpty())
        to.append(SupervisionOrdersList::tr("window %1").arg(s.supervisedWindow));
    QString due = s.supervisionDue ? core::chineseDate(*s.supervisionDue)
                                   : SupervisionOrdersList::tr("no due date");
    const bool late = s.supervisionDue && today > *s.supervisionDue;
    if (s.supervisionAnsweredOn)
        return SupervisionOrdersList::tr(
                   "<p><b>Supervised</b> (order %1) by %2 on %3: %4 · answered by %5 on %6: "
                   "%7</p>")
            .arg(s.supervisionOrders)
            .arg(names.value(s.supervisedBy, s.supervisedBy).toHtmlEscaped(),
                 s.supervisedOn ? core::chineseDate(*s.supervisedOn) : QString(),
                 s.supervisionNote.toHtmlEscaped(),
                 names.value(s.supervisionAnsweredBy, s.supervisionAnsweredBy).toHtmlEscaped(),
                 core::chineseDate(*s.supervisionAnsweredOn), s.supervisionReply.toHtmlEscaped());
    if (late)
        due = SupervisionOrdersList::tr("%1, overdue").arg(due);
    return SupervisionOrdersList::tr(
               "<p style=\"color:#a40000\"><b>Supervised</b> (order %1) by %2 on %3 to %4: %5 "
               "· due %6</p>")
        .arg(s.supervisionOrders)
        .arg(names.value(s.supervisedBy, s.supervisedBy).toHtmlEscaped(),
             s.supervisedOn ? core::chineseDate(*s.supervisedOn) : QString(),
             to.join(QStringLiteral("、")).toHtmlEscaped(), s.supervisionNote.toHtmlEscaped(), due);
}

SupervisionOrdersList::SupervisionOrdersList(QWidget* parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("supervisionOrders"));
    hide();
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT openCase(item->data(Qt::UserRole).toString());
    });
}

QStringList SupervisionOrdersList::caseIds() const
{
    QStringList ids;
    for (int i = 0; i < count(); ++i)
        ids.append(item(i)->data(Qt::UserRole).toString());
    return ids;
}

void SupervisionOrdersList::showFor(store::Store& store, const store::User& clerk,
                                    const QDate& today)
{
    clear();
    if (clerk.userId.isEmpty()) { // nobody signed in: nobody's orders
        hide();
        return;
    }
    static const core::WorkingCalendar unused; // orders need no working-day counting
    auto orders =
        store::SupervisionQueries(store, unused).openOrders(clerk.userId, clerk.windowCode);
    if (!orders) {
        addItem(orders.error().message);
        show();
        return;
    }
    const QHash<QString, QString> names = staffNames(store);
    for (const store::SupervisionOrder& o : *orders) {
        const bool late = o.due.isValid() && today > o.due;
        auto* item = new QListWidgetItem(
            tr("Supervised: %1 · %2 · due %3 · by %4%5")
                .arg(o.row.caseNumber, o.note,
                     o.due.isValid() ? core::chineseDate(o.due) : tr("no due date"),
                     names.value(o.orderedBy, o.orderedBy), late ? tr(" · overdue") : QString()),
            this);
        item->setData(Qt::UserRole, o.row.caseId);
        item->setBackground(
            levelBackground(late ? core::WarningLevel::Red : core::WarningLevel::Yellow)
                .value<QBrush>());
    }
    // As tall as its orders (up to four, then it scrolls): the queue keeps the room.
    if (count() > 0)
        setFixedHeight(std::min(count(), 4) * sizeHintForRow(0) + 2 * frameWidth());
    setVisible(count() > 0);
}

} // namespace onewindow::ui
