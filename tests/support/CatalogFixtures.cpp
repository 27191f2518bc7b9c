#include "support/CatalogFixtures.h"

namespace onewindow::test {

core::ReceivedInput completeApplication(const core::ServiceItem& item)
{
    core::ReceivedInput in;
    in.itemCode = item.code;
    in.itemVersion = 1;
    in.applicant.name = QStringLiteral("王五");
    in.applicant.idNumber = QStringLiteral("11010519491231002X");
    in.applicant.phone = QStringLiteral("13912345678");
    in.materials = core::checklistFor(item);
    for (core::MaterialCheck& m : in.materials)
        if (m.name.contains(QStringLiteral("委托")) || m.name.contains(QStringLiteral("营业执照")))
            m.state = core::MaterialState::NotApplicable;
    return in;
}

core::ServiceItem sampleItem(int n, const QString& name)
{
    core::ServiceItem item;
    item.code = QStringLiteral("11620102MB1234567B4%1").arg(n, 12, 10, QLatin1Char('0'));
    item.name = name;
    item.office = QStringLiteral("兰州市城关区自然资源局");
    item.department = QStringLiteral("不动产登记");
    item.kind = core::ItemKind::Confirmation;
    item.profile = core::ProcedureProfile::Licence;
    item.statutoryDays = 30;
    item.promisedDays = 1;
    item.correctionDays = 5;
    item.fees = {{QStringLiteral("不动产登记费"), QStringLiteral("80.00"),
                  QStringLiteral("发改价格规〔2016〕2559号")}};
    item.delivery = {core::DeliveryOption::Window, core::DeliveryOption::Post};
    item.legalBasis = QStringLiteral("《不动产登记暂行条例》第二十条");
    item.whereToApply = QStringLiteral("城关区政务服务中心一楼");
    item.hours = QStringLiteral("工作日 9:00-12:00，13:30-17:30");
    item.phone = QStringLiteral("0931-8888888");
    core::Material form;
    form.code = item.code + QStringLiteral("001");
    form.name = QStringLiteral("不动产登记申请书");
    core::Material agent;
    agent.code = item.code + QStringLiteral("002");
    agent.name = QStringLiteral("授权委托书");
    agent.requirement = core::Requirement::Conditional;
    agent.condition = QStringLiteral("委托代理人办理的");
    agent.deferrable = true;
    agent.commitment = QStringLiteral("本人承诺所提交的委托关系真实有效。");
    item.materials = {form, agent};
    return item;
}

core::ServiceItem licenceItem()
{
    core::ServiceItem item = sampleItem(1, QStringLiteral("食品经营许可"));
    item.statutoryDays = 20;
    item.promisedDays = 10;
    return item;
}

} // namespace onewindow::test
