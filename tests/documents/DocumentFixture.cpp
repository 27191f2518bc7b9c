#include "documents/DocumentFixture.h"

#include "support/CatalogFixtures.h"
#include "support/TestSupport.h"

#include "store/CatalogRepository.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>

namespace onewindow::test {

using core::EventType;
namespace payload = core::payload;

documents::HallProfile testHall()
{
    documents::HallProfile hall = documents::defaultHallProfile();
    hall.name = QStringLiteral("兰州市城关区政务服务中心");
    hall.address = QStringLiteral("兰州市城关区北滨河中路1号");
    hall.phone = QStringLiteral("0931-8888000");
    hall.hours = QStringLiteral("工作日 9:00-17:30");
    hall.reviewBody = QStringLiteral("兰州市城关区人民政府");
    hall.court = QStringLiteral("兰州市城关区人民法院");
    return hall;
}

void DocumentFixture::append(const QString& caseId, EventType type, const QJsonObject& p,
                             const QString& actor)
{
    auto done = cases->append(caseId, type, p, actor);
    INFO((done ? QString() : done.error().message).toStdString());
    REQUIRE(done.ok());
}

QString DocumentFixture::receive(bool shortMaterials, const QString& name)
{
    core::ReceivedInput in = intake(false, name);
    if (organisation) {
        in.applicant.organisation = true;
        in.applicant.name = QStringLiteral("兰州金城餐饮管理有限公司");
        in.applicant.idNumber.clear();
        in.applicant.uscc = QStringLiteral("11620102MB1234567B");
        in.applicant.legalRepresentative = QStringLiteral("王建国");
        in.applicant.agentName = name;
        in.applicant.agentIdNumber = QStringLiteral("11010519491231002X");
    }
    if (shortMaterials) {
        in.materials[0].state = core::MaterialState::Defective;
        in.materials[0].problem = QStringLiteral("申请人未签名");
        in.materials[1].state = core::MaterialState::Missing;
        in.materials[1].copies = 0;
    }
    auto r = cases->receive(in, QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    return r->event.caseId;
}

QString DocumentFixture::accepted()
{
    const QString id = receive();
    setNow("2026-09-18", "10:30");
    append(id, EventType::Accepted, payload::accepted());
    return id;
}

QString DocumentFixture::noticed()
{
    const QString id = receive(true);
    setNow("2026-09-18", "10:40");
    const QList<core::Correction> corrections{
        {item.materials[0].code, item.materials[0].name, QStringLiteral("申请人未签名"),
         QStringLiteral("申请人本人在申请书末页签名并注明日期")},
        {item.materials[1].code, item.materials[1].name, QStringLiteral("未提交"),
         QStringLiteral("委托代理人办理的，提交授权委托书原件1份")}};
    append(id, EventType::NoticeIssued, payload::notice(corrections, 5));
    return id;
}

QString DocumentFixture::refused()
{
    const QString id = receive();
    setNow("2026-09-18", "10:50");
    append(id, EventType::Refused,
           payload::refused(QStringLiteral("not_competent"),
                            QStringLiteral("该申请事项属于市级审批权限"),
                            QStringLiteral("兰州市市场监督管理局")));
    return id;
}

QString DocumentFixture::extended()
{
    const QString id = accepted();
    setNow("2026-10-12", "09:00");
    append(id, EventType::ExtensionRequested,
           payload::extensionRequested(QStringLiteral("statutory"), 10,
                                       QStringLiteral("需组织现场核查")));
    setNow("2026-10-13", "15:00");
    append(id, EventType::ExtensionApproved, {}, QStringLiteral("supervisor-1"));
    return id;
}

QString DocumentFixture::suspended()
{
    const QString id = accepted();
    setNow("2026-09-28", "11:00");
    append(id, EventType::Suspended,
           payload::suspended(QStringLiteral("inspection"), QStringLiteral("经营场所现场检验"),
                              d("2026-10-16")));
    return id;
}

QString DocumentFixture::ready()
{
    const QString id = accepted();
    setNow("2026-09-30", "14:00");
    append(id, EventType::Decided,
           payload::decided(QStringLiteral("granted"), QStringLiteral("城食经许〔2026〕123号")));
    setNow("2026-09-30", "16:00");
    append(id, EventType::ResultReady, {});
    return id;
}

QString DocumentFixture::supervised()
{
    const QString id = accepted();
    setNow("2026-10-19", "09:30");
    append(id, EventType::Supervised,
           payload::supervised(QStringLiteral("clerk-2"), QStringLiteral("W03"),
                               QStringLiteral("承诺时限已过，请加快审查进度"), d("2026-10-21")),
           QStringLiteral("supervisor-1"));
    return id;
}

QString DocumentFixture::disclosure()
{
    core::ServiceItem disc = sampleItem(9, QStringLiteral("政府信息公开申请"));
    disc.profile = core::ProcedureProfile::Disclosure;
    disc.kind = core::ItemKind::Disclosure;
    disc.statutoryDays = 20;
    disc.promisedDays = 20;
    if (!store::CatalogRepository(*store).currentItem(disc.code).ok())
        REQUIRE(store::CatalogRepository(*store).importItems({disc}, QStringLiteral("test")).ok());
    core::ReceivedInput in = intake();
    in.itemCode = disc.code;
    in.materials = core::checklistFor(disc);
    setNow("2026-09-18", "10:00");
    auto r = cases->receive(in, QStringLiteral("clerk-1"));
    REQUIRE(r.ok());
    const QString id = r->event.caseId;
    setNow("2026-09-18", "10:30");
    append(id, EventType::Accepted, payload::accepted());
    return id;
}

QString DocumentFixture::consulted()
{
    const QString id = disclosure();
    setNow("2026-09-22", "10:00");
    append(id, EventType::Suspended,
           payload::suspended(QStringLiteral("third_party"), QStringLiteral("涉及其商业秘密"),
                              std::nullopt, QStringLiteral("兰州金城建设有限公司")));
    return id;
}

QString DocumentFixture::replied()
{
    const QString id = consulted();
    setNow("2026-10-09", "10:00");
    append(id, EventType::ThirdPartyAnswered,
           payload::thirdPartyAnswered(QStringLiteral("objected"),
                                       QStringLiteral("报价明细属商业秘密")));
    setNow("2026-10-12", "15:00");
    const QList<core::ReplyRow> rows{{QStringLiteral("2025年部门预算"),
                                      core::ReplyType::Published,
                                      {},
                                      QStringLiteral("区政府门户网站财政预决算专栏"),
                                      {},
                                      {}},
                                     {QStringLiteral("某道路改造工程施工合同"),
                                      core::ReplyType::PartlyDisclosed,
                                      QStringLiteral("third_party_rights"),
                                      QStringLiteral("合同正文随本答复书提供"),
                                      {},
                                      {}},
                                     {QStringLiteral("某企业纳税情况"),
                                      core::ReplyType::NotOurs,
                                      {},
                                      {},
                                      QStringLiteral("国家税务总局城关区税务局"),
                                      {}}};
    append(id, EventType::DisclosureReplied,
           payload::disclosureReplied(rows, QStringLiteral("natural_person"),
                                      QStringLiteral("报价明细不予公开，其余部分予以公开")));
    return id;
}

QString DocumentFixture::feeNoticed()
{
    const QString id = disclosure();
    setNow("2026-09-21", "10:00");
    append(id, EventType::FeeNoticed, payload::feeNoticed(QStringLiteral("volume"), 120, 0, 1100));
    return id;
}

QString DocumentFixture::caseOf(core::DocumentKind kind)
{
    switch (kind) {
    case core::DocumentKind::Receipt:
        return receive();
    case core::DocumentKind::Acceptance:
        return accepted();
    case core::DocumentKind::Notice:
        return noticed();
    case core::DocumentKind::Refusal:
        return refused();
    case core::DocumentKind::Extension:
        return extended();
    case core::DocumentKind::Suspension:
        return suspended();
    case core::DocumentKind::Ready:
        return ready();
    case core::DocumentKind::Supervision:
        return supervised();
    case core::DocumentKind::DisclosureReply:
        return replied();
    case core::DocumentKind::ThirdPartyLetter:
        return consulted();
    case core::DocumentKind::FeeNotice:
        return feeNoticed();
    case core::DocumentKind::MatterReceipt: // a matter's, not a single case's
                                            // (MatterLettersPageTest)
    case core::DocumentKind::MatterNotice:
        break;
    }
    return {};
}

DocumentFixture::Printed DocumentFixture::print(const QString& caseId, core::DocumentKind kind,
                                                documents::PageFormat format,
                                                const documents::HallProfile& hall)
{
    Printed out;
    out.pdf =
        dir.filePath(QStringLiteral("%1-%2.pdf").arg(core::documentKindKey(kind)).arg(++pdfCount));
    cases->setOfficeDocPrefixes(documents::officeDocPrefixes(hall));
    auto ticket = cases->recordPrint(
        caseId, kind, 1, QStringLiteral("clerk-1"),
        [&](const store::CaseStore::PrintTicket& t) -> core::Status {
            documents::DocumentRequest request{
                kind,     format,   t.events,  t.context,
                t.source, t.number, t.reprint, clock.todayIn(cases->settings().zone),
                hall,     staff};
            if (auto items = store::CatalogRepository(*store).currentItems())
                for (const core::ItemVersion& v : *items)
                    request.catalog.append(v.item);
            auto document = documents::buildDocument(request);
            if (!document)
                return document.error();
            for (const core::Error& w : document->warnings())
                (w.code == QStringLiteral("hall.office_seal_missing") ||
                         w.code == QStringLiteral("hall.doc_prefix_missing") ||
                         w.code.startsWith(QStringLiteral("refusal.office_"))
                     ? out.officeWarnings
                     : out.warnings)
                    .append(w);
            out.qrPayload = document->qrPayload();
            out.templateOrigin = document->templateOrigin();
            return documents::writePdf(*document, out.pdf);
        },
        documents::pageFormatKey(format));
    INFO((ticket ? QString() : ticket.error().message).toStdString());
    REQUIRE(ticket.ok());
    out.number = ticket->number;
    out.reprint = ticket->reprint;
    out.text = pdfText(out.pdf);
    return out;
}

QString runTool(const QString& program, const QStringList& args, int* exitCode)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000)) {
        if (exitCode)
            *exitCode = -1;
        return {};
    }
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString pdfText(const QString& pdf, bool layout)
{
    QStringList args{QStringLiteral("-enc"), QStringLiteral("UTF-8")};
    if (layout)
        args.append(QStringLiteral("-layout"));
    args << pdf << QStringLiteral("-");
    int rc = 0;
    const QString text = runTool(QStringLiteral("pdftotext"), args, &rc);
    REQUIRE(rc == 0);
    return text;
}

QString compact(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        if (!c.isSpace())
            out.append(c);
    return out;
}

QString renderPng(const QString& pdf, int dpi, int page)
{
    const QString prefix = QFileInfo(pdf).absolutePath() + QLatin1Char('/') +
                           QFileInfo(pdf).completeBaseName() + QStringLiteral("-r%1").arg(dpi);
    int rc = 0;
    runTool(QStringLiteral("pdftoppm"),
            {QStringLiteral("-png"), QStringLiteral("-r"), QString::number(dpi),
             QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
             QString::number(page), QStringLiteral("-singlefile"), pdf, prefix},
            &rc);
    REQUIRE(rc == 0);
    return prefix + QStringLiteral(".png");
}

QString decodeQr(const QString& png)
{
    int rc = 0;
    const QString out = runTool(QStringLiteral("zbarimg"),
                                {QStringLiteral("--raw"), QStringLiteral("-q"), png}, &rc);
    return out.trimmed();
}

int pdfPageCount(const QString& pdf)
{
    const QString info = runTool(QStringLiteral("pdfinfo"), {pdf});
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString pdfPageSize(const QString& pdf)
{
    const QString info = runTool(QStringLiteral("pdfinfo"), {pdf});
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("Page size:\\s+(.*)")).match(info);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

int pdfImageCount(const QString& pdf)
{
    const QStringList lines = runTool(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf})
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return std::max<int>(0, static_cast<int>(lines.size()) - 2); // two header lines
}

} // namespace onewindow::test
