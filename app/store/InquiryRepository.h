#pragma once

#include "core/HallSettings.h"
#include "core/Inquiry.h"
#include "store/Store.h"

#include <QTimeZone>

namespace onewindow::store {

class CaseStore;

// The first-inquiry log (首问负责, table inquiries): questions answered or referred at a window,
// with or without a case.
class InquiryRepository
{
public:
    explicit InquiryRepository(Store& store) : m_store(store) {}

    // Checks the inquiry (core::checkInquiry; the first problem is returned and nothing is
    // stored), stamps it with a new id, the time now and the hall's civil date in `zone`.
    Result<core::Inquiry> record(core::Inquiry inquiry,
                                 const QTimeZone& zone = core::HallSettings::defaultZone());
    // An inquiry about a case (decision 1: case.inquired, 咨询, mergeable): `caseReference` is
    // the case number or its 6-digit query code as the clerk typed it. The log's entry and the
    // case's event are written in ONE transaction (CaseStore::append), both or neither; a
    // reference that names no case here (inquiry.case_unknown), a query code several cases share
    // (inquiry.case_ambiguous), the inquiry's own problems or the store's refusal of the act (the
    // clock gap, a retired window) store nothing. A case another window holds, or one finished,
    // still takes it.
    Result<core::Inquiry> recordAbout(core::Inquiry inquiry, const QString& caseReference,
                                      CaseStore& cases);
    // The case a reference names: (case id, case number), or the errors above.
    Result<std::pair<QString, QString>> findCase(const QString& caseReference) const;
    // Corrects what an inquiry says (who asked, phone, item, question, answer, referral) under
    // the same checks, stamped with `clerkId` and the time now. Only on the day it was asked and
    // at its window (`windowCode`): a past day's log stays as it was recorded; nor one already in
    // a case's record (inquiry.in_case_record: the case's event is immutable). Nothing is
    // changed when it is refused.
    Result<core::Inquiry> amend(const core::Inquiry& changed, const QString& clerkId,
                                const QString& windowCode,
                                const QTimeZone& zone = core::HallSettings::defaultZone());
    // A window's inquiries of one day, in the order they were asked.
    Result<QList<core::Inquiry>> onDay(const QDate& day, const QString& windowCode) const;
    // Every window's inquiries this store logged on one day, in the order they were asked
    // (`onewindowctl inquiry list`).
    Result<QList<core::Inquiry>> onDay(const QDate& day) const;
    // The inquiries this store logged about one case, in the order they were asked (the case's
    // record, case.inquired, has every window's).
    Result<QList<core::Inquiry>> ofCase(const QString& caseId) const;

private:
    // The log's rows `where` selects, in the order they were asked.
    Result<QList<core::Inquiry>> select(const QString& where, const QVariantList& binds) const;
    // Stamps the inquiry with a new id, the time now and its civil date in `zone`, trimmed.
    void stamp(core::Inquiry& inquiry, const QTimeZone& zone) const;
    // Inserts its row (in the caller's transaction, if any).
    Status insert(const core::Inquiry& inquiry);

    Store& m_store;
};

} // namespace onewindow::store
