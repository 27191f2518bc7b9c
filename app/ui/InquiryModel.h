#pragma once

#include "core/Inquiry.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace onewindow::ui {

// A window's first-inquiry log of a day, in the order the questions were asked.
class InquiryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        PersonColumn,
        ItemColumn,
        QuestionColumn,
        AnswerColumn,
        ReferredColumn,
        ColumnCount,
    };
    enum Role
    {
        InquiryIdRole = Qt::UserRole + 1,
    };
    using QAbstractTableModel::QAbstractTableModel;

    // Times are shown in `zone`, the hall's.
    void setInquiries(QList<core::Inquiry> inquiries, const QTimeZone& zone);
    const core::Inquiry* inquiryAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<core::Inquiry> m_inquiries;
    QTimeZone m_zone = QTimeZone::utc();
};

} // namespace onewindow::ui
