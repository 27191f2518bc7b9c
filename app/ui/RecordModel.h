#pragma once

#include "core/DeadlineClock.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace onewindow::ui {

// A read-only list of cases for the supervisor's smaller lists (extension requests, orders, repeat
// notices, ratings, deemed acceptance and abandonment): given headers, one row of texts per case,
// with its case id and warning colour.
class RecordModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Record
    {
        QString caseId;
        QStringList cells;
        core::WarningLevel level = core::WarningLevel::Normal;
    };
    enum Role
    {
        CaseIdRole = Qt::UserRole + 1,
    };

    explicit RecordModel(QStringList headers, QObject* parent = nullptr)
        : QAbstractTableModel(parent), m_headers(std::move(headers))
    {}

    void setRecords(QList<Record> records);
    const Record* recordAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QStringList m_headers;
    QList<Record> m_records;
};

} // namespace onewindow::ui
