#include "ui/UserListModel.h"

#include <QBrush>
#include <QColor>

namespace onewindow::ui {

void UserListModel::setAccounts(QList<store::UserAccount> accounts, const QTimeZone& zone)
{
    beginResetModel();
    m_accounts = std::move(accounts);
    m_zone = zone;
    endResetModel();
}

const store::UserAccount* UserListModel::accountAt(int row) const
{
    return row >= 0 && row < m_accounts.size() ? &m_accounts.at(row) : nullptr;
}

int UserListModel::rowOf(const QString& userId) const
{
    for (int row = 0; row < m_accounts.size(); ++row)
        if (m_accounts.at(row).user.userId == userId)
            return row;
    return -1;
}

int UserListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_accounts.size());
}

int UserListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UserListModel::signInText(const store::UserAccount& a) const
{
    if (a.gate.locked)
        return tr("Locked until %1")
            .arg(a.gate.lockedUntil.toTimeZone(m_zone).toString(QStringLiteral("HH:mm")));
    if (!a.gate.allowed)
        return tr("Slowed down after %n failed sign-in(s)", nullptr, a.failures);
    if (a.failures > 0)
        return tr("%n failed sign-in(s)", nullptr, a.failures);
    return QString();
}

QVariant UserListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const store::UserAccount& a = m_accounts.at(index.row());
    switch (role) {
    case UserIdRole:
        return a.user.userId;
    case ActiveRole:
        return a.user.active;
    case LockedOutRole:
        return a.lockedOut();
    case Qt::ForegroundRole:
        // A deactivated account stays listed (its cases name it) but reads as out of use.
        return a.user.active ? QVariant() : QVariant(QBrush(QColor(0x88, 0x88, 0x88)));
    case Qt::BackgroundRole:
        return index.column() == SignInColumn && a.lockedOut()
                   ? QVariant(QBrush(QColor(0xfd, 0xd8, 0xd6)))
                   : QVariant();
    case Qt::ToolTipRole:
        return index.column() == SignInColumn && a.lockedOut() ? QVariant(a.gate.message)
                                                               : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return QVariant();
    }
    switch (index.column()) {
    case LoginColumn:
        return a.user.login;
    case NameColumn:
        return a.user.displayName;
    case RoleColumn:
        return core::roleName(a.user.role);
    case WindowColumn:
        return a.user.windowCode;
    case ActiveColumn:
        return a.user.active ? tr("Active") : tr("Deactivated");
    case SignInColumn:
        return signInText(a);
    default:
        return QVariant();
    }
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LoginColumn:
        return tr("Login");
    case NameColumn:
        return tr("Name");
    case RoleColumn:
        return tr("Role");
    case WindowColumn:
        return tr("Window");
    case ActiveColumn:
        return tr("Status");
    case SignInColumn:
        return tr("Sign-in");
    default:
        return QVariant();
    }
}

} // namespace onewindow::ui
