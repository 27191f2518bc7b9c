#pragma once

#include "store/UserRepository.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace onewindow::ui {

// The hall's accounts for the administrator: who they are, what they may do, whether they can
// sign in now (deactivated, or shut out by failed passwords).
class UserListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        LoginColumn,
        NameColumn,
        RoleColumn,
        WindowColumn,
        ActiveColumn,
        SignInColumn,
        ColumnCount,
    };
    enum Role
    {
        UserIdRole = Qt::UserRole + 1,
        ActiveRole,
        LockedOutRole,
    };
    using QAbstractTableModel::QAbstractTableModel;

    // Lockout times are shown in `zone`, the hall's.
    void setAccounts(QList<store::UserAccount> accounts, const QTimeZone& zone);
    const store::UserAccount* accountAt(int row) const;
    int rowOf(const QString& userId) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString signInText(const store::UserAccount& a) const;

    QList<store::UserAccount> m_accounts;
    QTimeZone m_zone = QTimeZone::utc();
};

} // namespace onewindow::ui
