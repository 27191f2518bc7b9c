// The demo hall's events: a case plan made into payloads, ids and device numbers.
#include "demo/DemoCases.h"

#include "demo/DemoDisclosure.h"

#include "core/SystemEvents.h"

#include "core/CaseNumber.h"
#include "core/CasePayloads.h"
#include "core/DocumentKind.h"
#include "core/EventSpec.h"
#include "demo/DemoPeople.h"
#include "store/Ids.h"

namespace onewindow::demo {

using core::EventType;
namespace payload = core::payload;
using store::Hlc;

namespace {

constexpr quint64 kDetailSalt = 0x64657461696C; // "detail"

constexpr const char16_t* kProblems[] = {u"未签字",         u"复印件不清晰",  u"已超过有效期",
                                         u"填写信息不完整", u"未加盖公章",    u"与原件不一致",
                                         u"缺少骑缝章",     u"照片不符合要求"};
constexpr const char16_t* kOffices[] = {
    u"兰州市市场监督管理局",     u"兰州市自然资源局",           u"兰州市公安局出入境管理支队",
    u"兰州市住房公积金管理中心", u"甘肃省人力资源和社会保障厅", u"兰州市七里河区政务服务中心"};
constexpr const char16_t* kOtherRefusals[] = {
    u"申请人不具备申请资格", u"申请事项属于信访、投诉举报事项，不属于本事项受理范围",
    u"同一申请正在办理中，不予重复受理", u"申请人未能提供有效身份证明"};
constexpr const char16_t* kWithdrawals[] = {u"申请人主动申请撤回", u"申请人改为网上办理",
                                            u"申请人需重新准备材料，申请撤回",
                                            u"申请事项已无需办理"};
constexpr const char16_t* kSuspendKinds[] = {u"hearing",    u"tendering",     u"auction",
                                             u"inspection", u"testing",       u"quarantine",
                                             u"appraisal",  u"expert_review", u"third_party"};
constexpr const char16_t* kSuspendReasons[] = {
    u"依申请人要求组织听证",   u"依法组织招标", u"依法组织拍卖",           u"需现场核查",
    u"需委托检测机构检验检测", u"需进行检疫",   u"需委托专业机构鉴定评估", u"需组织专家评审",
    u"需书面征求第三方意见"};
constexpr const char16_t* kNotes[] = {
    u"申请人来电询问办理进度，已告知", u"申请人变更联系电话，已核实",
    u"已电话联系申请人说明办理情况", u"后台反馈审查意见，已告知申请人"};
constexpr const char16_t* kGoodComments[] = {u"服务热情", u"办事效率高", u"一次办好，很方便",
                                             u"工作人员解释耐心"};
constexpr const char16_t* kBadComments[] = {u"排队时间太长", u"工作人员解释不清楚", u"跑了好几趟",
                                            u"办理时间超过承诺"};
constexpr const char16_t* kFollowUps[] = {u"已电话回访，向申请人说明情况并致歉，申请人表示理解",
                                          u"已核实情况，对窗口人员进行批评教育并整改",
                                          u"已协调后台加快办理，申请人表示满意",
                                          u"已回访，申请人对整改结果表示认可"};

QString s(const char16_t* text)
{
    return QString::fromUtf16(text);
}

bool organisationItem(const QString& name)
{
    static const QStringList words{QStringLiteral("企业"),     QStringLiteral("个体"),
                                   QStringLiteral("食品经营"), QStringLiteral("药品"),
                                   QStringLiteral("公共场所"), QStringLiteral("建设工程"),
                                   QStringLiteral("建筑"),     QStringLiteral("排水"),
                                   QStringLiteral("道路货物"), QStringLiteral("公章")};
    for (const QString& w : words)
        if (name.contains(w))
            return true;
    return false;
}

} // namespace

// One case being made: its random details, its state so far and what it has printed.
struct DemoCaseMaker::Making
{
    Making(const CasePlan& p, const core::ServiceItem& i, quint64 seed)
        : plan(p), item(i), random(seed)
    {}

    const CasePlan& plan;
    const core::ServiceItem& item;
    DemoRandom random;
    core::CaseState state;
    QList<core::Event> events; // the case's so far
    StepNumbers numbers;
    core::CaseNumber number;
    QString caseNumber; // number.text()
    core::Applicant applicant;
    int corrections = 0;
    std::optional<core::Error> failure; // a step the plan got wrong
};

DemoCaseMaker::DemoCaseMaker(const DemoPlanner& planner, QList<core::FoldContext> contexts,
                             QList<int> versions, QStringList deviceIds, QString hallCode,
                             quint64 seed)
    : m_planner(planner), m_contexts(std::move(contexts)), m_versions(std::move(versions)),
      m_deviceIds(std::move(deviceIds)), m_hallCode(std::move(hallCode)), m_seed(seed)
{}

QString DemoCaseMaker::actorFor(const CasePlan& plan, const PlanStep& step) const
{
    switch (step.actor) {
    case Actor::CaseClerk:
        return clerkId(plan.slot.window, plan.slot.clerk);
    case Actor::WindowClerk:
        return clerkId(step.window, m_planner.clerkOn(step.jd, step.window, step.sec >= 3 * 3600));
    case Actor::Supervisor:
        return supervisorId(step.person);
    case Actor::System:
        return core::kSystemActor;
    }
    return {};
}

core::Result<core::CaseState> DemoCaseMaker::make(const CasePlan& plan, StepNumbers numbers,
                                                  QList<core::Event>& out) const
{
    const core::FoldContext& context = m_contexts[plan.item];
    Making m(plan, *context.item, mixSeed(m_seed, plan.slot.index, kDetailSalt));
    m.numbers = numbers;
    const QDate receipt = QDate::fromJulianDay(plan.slot.jd);
    auto number = core::CaseNumber::make(m_hallCode, receipt, windowCode(plan.slot.window),
                                         plan.slot.caseSeq);
    if (!number)
        return number.error();
    m.number = *number;
    m.caseNumber = number->text();
    const double organisations = organisationItem(m.item.name) ? 0.4 : 0.015;
    m.applicant = m.random.chance(organisations) ? organisation(m.random, receipt)
                                                 : person(m.random, receipt);
    // A frequent applicant's disclosure case: the same ID number or USCC every time, as the
    // processing fee counts them (the random draws above are kept, the rest stays the same).
    if (const int who = frequentApplicantOf(m_seed, plan.slot.index);
        who >= 0 && m.item.profile == core::ProcedureProfile::Disclosure)
        m.applicant = frequentApplicant(who);
    if (plan.steps.empty())
        return m.state;
    const QString caseId = seededUuidV7(plan.steps.front().utcMs, m.random);
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        const PlanStep& step = plan.steps[i];
        core::Event e;
        e.eventId = seededUuidV7(step.utcMs, m.random);
        e.caseId = caseId;
        e.deviceId = m_deviceIds[step.window];
        e.deviceSeq = numbers.seqs[i];
        e.hlc = Hlc{step.utcMs, numbers.counters[i]}.text(e.deviceId);
        e.actorId = actorFor(plan, step);
        e.occurredAtUtc = QDateTime::fromMSecsSinceEpoch(step.utcMs, Qt::UTC);
        e.type = step.type;
        e.typeVersion = core::currentTypeVersion(step.type);
        e.payload = payloadFor(m, step, i);
        if (m.failure)
            return *m.failure;
        if (step.actor == Actor::System) {
            // The one event any producer makes of this lapse (core/SystemEvents.h).
            auto due = core::dueSystemEvents(m.state, context, QDate::fromJulianDay(step.jd));
            if (!due || due->isEmpty())
                return core::Error{QStringLiteral("demo.illegal_event"),
                                   QStringLiteral("演示数据生成出错：办件 %1 的“%2”尚未到期")
                                       .arg(m.caseNumber, core::eventTypeName(e.type))};
            e = due->first();
        }
        if (core::Status legal = core::admitEvent(m.state, e, context); !legal)
            return core::Error{
                QStringLiteral("demo.illegal_event"),
                QStringLiteral("演示数据生成出错：办件 %1 的“%2”不合规（%3）")
                    .arg(m.caseNumber, core::eventTypeName(e.type), legal.error().message)};
        core::applyEvent(m.state, e, context);
        m.events.append(std::move(e));
    }
    if (!core::isCanonicallySorted(m.events)) {
        // A lapse is dated when its clock ran out, which may precede a step planned before it:
        // the store folds in the canonical order, so the demo does too.
        core::sortCanonically(m.events);
        auto folded = core::foldCase(m.events, context);
        if (!folded)
            return folded.error();
        m.state = *folded;
    }
    out.append(m.events);
    return m.state;
}

QJsonObject DemoCaseMaker::payloadFor(Making& m, const PlanStep& step, std::size_t index) const
{
    DemoRandom& r = m.random;
    const CasePlan& plan = m.plan;
    const auto bit = [](quint32 mask, int i) { return ((mask >> i) & 1u) != 0; };
    const int materials = std::min<int>(static_cast<int>(m.item.materials.size()), 32);
    // The acts whose payload the plan shapes beyond a form: which materials were short, came back
    // or were deferred, and the printed document's number ...
    if (step.type == EventType::Received) {
        core::ReceivedInput in;
        in.caseNumber = m.caseNumber;
        in.queryCode = queryCodeFor(m_seed, plan.slot.index);
        in.itemCode = m.item.code;
        in.itemVersion = m_versions[plan.item];
        in.channel = plan.channel;
        in.receiptDate = QDate::fromJulianDay(step.jd);
        in.windowCode = windowCode(plan.slot.window);
        in.applicant = m.applicant;
        in.materials = core::checklistFor(m.item);
        for (int i = 0; i < materials; ++i) {
            core::MaterialCheck& c = in.materials[i];
            if (bit(plan.shortMask, i) && bit(plan.defectiveMask, i)) {
                c.state = core::MaterialState::Defective;
                c.problem = s(r.pick(kProblems));
            } else if (bit(plan.shortMask | plan.optionalMissing | plan.deferredMask |
                               plan.committedMask,
                           i)) {
                c.state = core::MaterialState::Missing;
                c.copies = 0;
            }
        }
        return payload::received(in);
    }
    if (step.type == EventType::DocumentPrinted) {
        // Printed right after the act it evidences, numbered as CaseStore::recordPrint numbers:
        // per kind, year of the act and device.
        const auto kind = static_cast<core::DocumentKind>(step.variant);
        auto source = core::documentSource(kind, m.state, m.events, m_planner.zone());
        if (!source || source->date != QDate::fromJulianDay(step.jd)) {
            m.failure =
                source ? core::Error{QStringLiteral("demo.print_day"),
                                     QStringLiteral("演示数据生成出错：文书打印日期与办理日期不符")}
                       : source.error();
            return {};
        }
        return payload::documentPrinted(
            core::documentKindKey(kind),
            core::formatDocumentNumber(m_hallCode, kind, source->date.year(),
                                       windowCode(step.window), m.numbers.documents[index]),
            kind == core::DocumentKind::Acceptance ? 2 : 1, false, source->eventId);
    }
    if (step.type == EventType::NoticeIssued) {
        const bool repeat = step.arg == 1;
        return payload::notice(
            core::correctionsFor(m.state, m.item), std::max(1, m.item.correctionDays), repeat,
            repeat ? QStringLiteral("申请人补正时仍缺少部分材料，经大厅负责人同意再次告知")
                   : QString(),
            repeat ? supervisorId(step.argJd) : QString());
    }
    if (step.type == EventType::Corrected) {
        const bool first = m.corrections++ == 0;
        const quint32 brought =
            first ? plan.shortMask & ~plan.notBroughtMask : plan.againMask | plan.notBroughtMask;
        QList<core::MaterialCheck> list;
        for (int i = 0; i < materials; ++i) {
            if (!bit(brought, i))
                continue;
            const core::Material& def = m.item.materials[i];
            core::MaterialCheck c{def.code,  def.name,   core::MaterialState::Provided,
                                  QString(), def.copies, std::nullopt,
                                  QString(), QString(),  QString()};
            if (first && bit(plan.againMask, i)) {
                c.state = core::MaterialState::Defective;
                c.problem = s(r.pick(kProblems));
            }
            list.append(c);
        }
        return payload::corrected(list);
    }
    if (step.type == EventType::Accepted) {
        QList<std::pair<QString, QDate>> deferred;
        QStringList commitments;
        for (int i = 0; i < materials; ++i) {
            if (bit(plan.deferredMask, i))
                deferred.append({m.item.materials[i].code,
                                 QDate::fromJulianDay(m_planner.calendar().nthWorkingDayAfterJd(
                                     step.jd, std::max<int>(1, step.arg)))});
            if (bit(plan.committedMask, i))
                commitments.append(m.item.materials[i].code);
        }
        return payload::accepted(deferred, commitments);
    }
    if (step.type == EventType::DisclosureReplied)
        return demoDisclosureReply(step.variant, m.state);
    // ... and every other act as a person fills in its form (core/EventSpec.h), so the demo's
    // payloads are made by the same code as the window's. An act with no form has none.
    const core::EventSpec& spec = core::eventSpec(step.type);
    return spec.payloadFrom ? spec.payloadFrom(formValues(m, step), m.state, m.item)
                            : QJsonObject();
}

QJsonObject DemoCaseMaker::formValues(Making& m, const PlanStep& step) const
{
    DemoRandom& r = m.random;
    using Values = QJsonObject;
    const auto fill = [](std::initializer_list<std::pair<const char*, QJsonValue>> pairs) {
        Values v;
        for (const auto& [key, value] : pairs)
            v.insert(QLatin1String(key), value);
        return v;
    };
    if (step.type == EventType::Refused) {
        if (step.variant == 0) {
            const QString office = s(r.pick(kOffices));
            return fill(
                {{"reasonKind", QStringLiteral("not_competent")},
                 {"reason", QStringLiteral("申请事项不属于本机关职权范围，请向%1申请").arg(office)},
                 {"competentOffice", office}});
        }
        if (step.variant == 1)
            return fill({{"reasonKind", QStringLiteral("no_licence_needed")},
                         {"reason", QStringLiteral("申请事项依法不需要取得行政许可，已当场告知")}});
        return fill(
            {{"reasonKind", QStringLiteral("other")}, {"reason", s(r.pick(kOtherRefusals))}});
    }
    if (step.type == EventType::Withdrawn)
        return fill({{"reason", s(r.pick(kWithdrawals))}});
    if (step.type == EventType::Suspended)
        return fill({{"reasonKind", s(kSuspendKinds[step.variant])},
                     {"reason", s(kSuspendReasons[step.variant])},
                     {"expectedEnd", QDate::fromJulianDay(step.argJd).toString(Qt::ISODate)},
                     {"thirdParty", QStringLiteral("城关区某商贸有限公司，联系电话0931-8123456")}});
    if (step.type == EventType::ThirdPartyAnswered)
        return fill(
            {{"opinion", step.variant == 0 ? QStringLiteral("agreed") : QStringLiteral("objected")},
             {"summary", step.variant == 0 ? QStringLiteral("书面回复同意公开")
                                           : QStringLiteral("认为涉及商业秘密，不同意公开")}});
    if (step.type == EventType::ExtensionRequested) {
        const bool statutory = step.variant == 1;
        return fill(
            {{"clock", statutory ? QStringLiteral("statutory") : QStringLiteral("promised")},
             {"days", step.arg},
             {"reason",
              statutory
                  ? QStringLiteral("情况复杂，需经本机关负责人批准延长 %1 个工作日").arg(step.arg)
                  : QStringLiteral("需补充核查，承诺时限内无法办结，申请延长 %1 个工作日")
                        .arg(step.arg)}});
    }
    if (step.type == EventType::ExtensionRefused)
        return fill({{"reason", QStringLiteral("延期理由不充分，请按期办结")}});
    if (step.type == EventType::Forwarded)
        return fill({{"to", m.item.department + QStringLiteral("后台审批组")},
                     {"note", QStringLiteral("纸质材料已随件移交")}});
    if (step.type == EventType::Supervised) {
        const QDate due = QDate::fromJulianDay(step.argJd);
        return fill({{"toClerk", clerkId(m.plan.slot.window, m.plan.slot.clerk)},
                     {"note", QStringLiteral("办件已到承诺时限，请于%1前办结并反馈")
                                  .arg(due.toString(QStringLiteral("M月d日")))},
                     {"dueDate", due.toString(Qt::ISODate)}});
    }
    if (step.type == EventType::SupervisionAnswered)
        return fill(
            {{"reply", QStringLiteral("已与申请人联系说明进度，材料已催办，按督办期限办结")}});
    if (step.type == EventType::Note)
        return fill({{"text", s(kNotes[step.variant % 4])}});
    if (step.type == EventType::Decided)
        return fill({{"outcome", step.variant == 0 ? QStringLiteral("granted")
                                                   : QStringLiteral("not_granted")},
                     {"decisionNumber",
                      QStringLiteral("城政审〔%1〕%2%3%4号")
                          .arg(QDate::fromJulianDay(step.jd).year())
                          .arg(m.number.date.toString(QStringLiteral("MMdd")), m.number.windowCode)
                          .arg(m.number.sequence, 4, 10, QLatin1Char('0'))}});
    if (step.type == EventType::Delivered) {
        if (step.variant == 2)
            return fill({{"method", QStringLiteral("electronic")}});
        if (step.variant == 1)
            return fill({{"method", QStringLiteral("post")},
                         {"carrier", carrierName(step.arg)},
                         {"trackingNumber", trackingNumber(r, step.arg)}});
        const core::Applicant& a = m.applicant;
        const QString signer = a.organisation || (!a.agentName.isEmpty() && r.chance(0.5))
                                   ? a.agentName
                                   : (r.chance(0.95) ? a.name : personName(r));
        return fill({{"method", QStringLiteral("pickup")}, {"signer", signer}});
    }
    if (step.type == EventType::Rated) {
        const int level = step.variant;
        QString comment;
        if (level <= 2)
            comment = s(kBadComments[step.arg % 4]);
        else if (level == 3)
            comment = QStringLiteral("等候时间较长");
        else if (step.arg < 4)
            comment = s(kGoodComments[step.arg]);
        return fill({{"level", level}, {"comment", comment}});
    }
    if (step.type == EventType::RatingFollowedUp)
        return fill({{"result", s(kFollowUps[step.variant % 4])}});
    // 国办函〔2020〕109号 Art. 4: one more application by count, after `arg` in the month.
    if (step.type == EventType::FeeNoticed)
        return fill({{"basis", QStringLiteral("count")}, {"units", 1}, {"priorInMonth", step.arg}});
    if (step.type == EventType::FeePaid)
        return fill({{"receipt",
                      QStringLiteral("GS%1%2")
                          .arg(QDate::fromJulianDay(step.jd).toString(QStringLiteral("yyyyMMdd")))
                          .arg(step.arg, 4, 10, QLatin1Char('0'))}});
    return Values(); // an act the demo plan has no words for: its form's empty values
}

} // namespace onewindow::demo
