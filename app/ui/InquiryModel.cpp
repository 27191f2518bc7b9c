#include "ui/InquiryModel.h"

namespace onewindow::ui {

void InquiryModel::setInquiries(QList<core::Inquiry> inquiries, const QTimeZone& zone)
{
    beginResetModel();
    m_inquiries = std::move(inquiries);
    m_zone = zone;
    endResetModel();
}

const core::Inquiry* InquiryModel::inquiryAt(int row) const
{
    return row >= 0 && row < m_inquiries.size() ? &m_inquiries.at(row) : nullptr;
}

int InquiryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_inquiries.size());
}

int InquiryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InquiryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const core::Inquiry& i = m_inquiries.at(index.row());
    if (role == InquiryIdRole)
        return i.inquiryId;
    if (role == Qt::ToolTipRole && index.column() == ItemColumn && !i.itemCode.isEmpty())
        return tr("Implementation code: %1").arg(i.itemCode);
    if (role == Qt::ToolTipRole &&
        (index.column() == QuestionColumn || index.column() == AnswerColumn))
        return index.column() == QuestionColumn ? i.question : i.answer;
    if (role != Qt::DisplayRole)
        return QVariant();
    const auto oneLine = [](const QString& s) {
        return QString(s).replace(QLatin1Char('\n'), QLatin1Char(' '));
    };
    switch (index.column()) {
    case TimeColumn: {
        const QString asked =
            i.askedAtUtc.toTimeZone(m_zone).time().toString(QStringLiteral("HH:mm"));
        if (!i.amendedAtUtc.isValid())
            return asked;
        return tr("%1 (corrected %2)")
            .arg(asked, i.amendedAtUtc.toTimeZone(m_zone).time().toString(QStringLiteral("HH:mm")));
    }
    case PersonColumn:
        return i.phone.isEmpty() ? i.person : tr("%1 (%2)").arg(i.person, i.phone);
    case ItemColumn: // an inquiry about a case names it: it is also in the case's record
        if (i.caseNumber.isEmpty())
            return i.itemName;
        return i.itemName.isEmpty() ? tr("Case %1").arg(i.caseNumber)
                                    : tr("%1 (case %2)").arg(i.itemName, i.caseNumber);
    case QuestionColumn:
        return oneLine(i.question);
    case AnswerColumn:
        return oneLine(i.answer);
    case ReferredColumn:
        return i.referredTo;
    default:
        return QVariant();
    }
}

QVariant InquiryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case PersonColumn:
        return tr("Asked by");
    case ItemColumn:
        return tr("Item");
    case QuestionColumn:
        return tr("Question");
    case AnswerColumn:
        return tr("Answer");
    case ReferredColumn:
        return tr("Referred to");
    default:
        return QVariant();
    }
}

} // namespace onewindow::ui
