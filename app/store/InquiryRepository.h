#pragma once

#include "core/HallSettings.h"
#include "core/Inquiry.h"
#include "store/Store.h"

#include <QTimeZone>

namespace onewindow::store {

// The first-inquiry log (首问负责, table inquiries): questions answered or referred at a window
// without a case.
class InquiryRepository
{
public:
    explicit InquiryRepository(Store& store) : m_store(store) {}

    // Checks the inquiry (core::checkInquiry; the first problem is returned and nothing is
    // stored), stamps it with a new id, the time now and the hall's civil date in `zone`.
    Result<core::Inquiry> record(core::Inquiry inquiry,
                                 const QTimeZone& zone = core::HallSettings::defaultZone());
    // Corrects what an inquiry says (who asked, phone, item, question, answer, referral) under
    // the same checks, stamped with `clerkId` and the time now. Only on the day it was asked and
    // at its window (`windowCode`): a past day's log stays as it was recorded. Nothing is
    // changed when it is refused.
    Result<core::Inquiry> amend(const core::Inquiry& changed, const QString& clerkId,
                                const QString& windowCode,
                                const QTimeZone& zone = core::HallSettings::defaultZone());
    // A window's inquiries of one day, in the order they were asked.
    Result<QList<core::Inquiry>> onDay(const QDate& day, const QString& windowCode) const;

private:
    Store& m_store;
};

} // namespace onewindow::store
