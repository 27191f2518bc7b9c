#include "ctl/CtlContext.h"

#include "input/PathChecks.h"
#include "store/CalendarRepository.h"
#include "store/HallConfig.h"

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

CtlContext::CtlContext(QString storePath, QStringList args)
    : m_storePath(std::move(storePath)), m_args(std::move(args)), m_out(stdout), m_err(stderr),
      m_clock(ctlClock())
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
        auto opened = store::Store::open(m_storePath, *m_clock);
        if (!opened)
            return opened.error();
        m_store = std::move(opened).value();
    }
    return m_store.get();
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
