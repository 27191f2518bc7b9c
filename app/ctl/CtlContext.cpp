#include "ctl/CtlContext.h"

#include "input/PathChecks.h"
#include "store/CalendarRepository.h"
#include "store/HallConfig.h"

#include <QFileInfo>

#include <cstdio>

namespace onewindow::ctl {

std::unique_ptr<core::Clock> ctlClock()
{
    const QString fixed = qEnvironmentVariable("ONEWINDOW_FAKE_NOW");
    if (!fixed.isEmpty()) {
        const QDateTime at = QDateTime::fromString(fixed, Qt::ISODate);
        if (at.isValid())
            return std::make_unique<core::FakeClock>(at);
    }
    const QString skew = qEnvironmentVariable("ONEWINDOW_CLOCK_SKEW_SECONDS");
    if (!skew.isEmpty() && !core::parseClockSkew(skew))
        QTextStream(stderr) << "onewindowctl: 警告：ONEWINDOW_CLOCK_SKEW_SECONDS 应为 -86400 到 "
                               "86400 之间的整数秒，现为“"
                            << skew << "”，已按系统时间运行" << Qt::endl;
    return std::make_unique<core::SystemClock>();
}

CtlContext::CtlContext(QString storePath, QStringList args, bool storeNamed)
    : m_storePath(std::move(storePath)), m_storeNamed(storeNamed), m_args(std::move(args)),
      m_out(stdout), m_err(stderr), m_clock(ctlClock())
{}

int CtlContext::usageError(const QString& message)
{
    m_err << "onewindowctl: " << message << Qt::endl;
    return ExitUsage;
}

int CtlContext::failed(const core::Error& error)
{
    m_err << "onewindowctl: " << error.message << " [" << error.code << "]" << Qt::endl;
    return ExitFailed;
}

core::Result<store::Store*> CtlContext::store()
{
    if (!m_store) {
        if (const int pending = store::Store::pendingMigrations(m_storePath); pending > 0)
            m_err << "onewindowctl: 正在升级数据文件 " << m_storePath << "（" << pending
                  << " 步），大的数据文件可能需要几分钟，请勿中断" << Qt::endl;
        // Store::open creates a missing store: only a command that starts one may have it so.
        if (!m_mayCreateStore && !m_storePath.isEmpty() && !QFileInfo(m_storePath).exists())
            return missingStore();
        auto opened = store::Store::open(m_storePath, *m_clock);
        if (!opened)
            return opened.error();
        m_store = std::move(opened).value();
        if (m_store->wasCreated())
            m_err << "onewindowctl: 已新建数据文件 " << m_storePath
                  << "（含随程序发布的节假日安排）" << Qt::endl;
    }
    return m_store.get();
}

core::Error CtlContext::missingStore() const
{
    // Where a store comes from: the window's first-start setup, or the ctl's enrolment in a hall.
    const QString storeOption =
        m_storeNamed ? QStringLiteral(" --store %1").arg(m_storePath) : QString();
    const QString howToStart =
        QStringLiteral("新的数据文件由窗口程序 onewindow 首次启动时的设置建立，或用 onewindowctl%1 "
                       "sync enrol 服务器地址 登记码 加入大厅服务器（演示大厅：onewindowctl%1 demo "
                       "seed --cases N）")
            .arg(storeOption);
    if (m_storeNamed)
        return {QStringLiteral("store.missing"),
                QStringLiteral("数据文件 %1 不存在，请检查 --store 给出的路径；未新建任何文件。%2")
                    .arg(m_storePath, howToStart)};
    return {QStringLiteral("store.missing"),
            QStringLiteral("本机还没有数据文件（默认位置 %1），未新建任何文件。%2；"
                           "其他位置的数据文件用 --store PATH 指定")
                .arg(m_storePath, howToStart)};
}

core::Result<core::WorkingCalendar> CtlContext::calendar()
{
    auto s = store();
    if (!s)
        return s.error();
    store::CalendarRepository repo(**s);
    auto notices = repo.loadNotices();
    if (!notices)
        return notices.error();
    return core::WorkingCalendar(*notices);
}

} // namespace onewindow::ctl

namespace onewindow::ctl {

core::HallSettings CtlContext::hallSettings()
{
    auto s = store();
    if (!s)
        return {};
    auto config = store::HallConfigRepository(**s).loadOrDefaults();
    return config ? *config : core::HallSettings();
}

} // namespace onewindow::ctl

namespace onewindow::ctl {

core::Result<store::CaseStore*> CtlContext::caseStore()
{
    if (!m_cases) {
        auto s = store();
        if (!s)
            return s.error();
        m_cases = std::make_unique<store::CaseStore>(**s, hallSettings());
    }
    return m_cases.get();
}

bool CtlContext::mayWrite()
{
    if (qEnvironmentVariableIsEmpty("ONEWINDOW_FAKE_NOW"))
        return true;
    m_err << "onewindowctl: 设置了 ONEWINDOW_FAKE_NOW 时只能运行只读命令：办件记录须按真实时间写入"
          << Qt::endl;
    return false;
}

bool CtlContext::isStoreOutput(const QString& path)
{
    if (!input::isStoreFile(path, m_storePath))
        return false;
    m_err << "onewindowctl: 输出文件 " << path << " 是数据文件 " << m_storePath
          << " 本身（或其 -wal/-shm），不能覆盖；请另选输出文件" << Qt::endl;
    return true;
}

int CtlContext::tick()
{
    if (m_ticked)
        return 0;
    m_ticked = true;
    auto cases = caseStore();
    if (!cases) {
        m_err << "onewindowctl: 警告：" << cases.error().message << Qt::endl;
        return 0;
    }
    auto produced = (*cases)->produceDueSystemEvents(today());
    if (!produced) {
        m_err << "onewindowctl: 警告：未能记录到期的视为受理/视为放弃：" << produced.error().message
              << " [" << produced.error().code << "]" << Qt::endl;
        return 0;
    }
    if (*produced > 0)
        m_err << "onewindowctl: 已记录 " << *produced << " 件到期的视为受理/视为放弃" << Qt::endl;
    return *produced;
}

} // namespace onewindow::ctl
