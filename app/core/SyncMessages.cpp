#include "core/SyncMessages.h"

#include <QUrl>

namespace onewindow::core::sync {

Error notEnrolled()
{
    return {QStringLiteral("sync.not_enrolled"),
            QStringLiteral("本工作站尚未登记到大厅服务器：请先执行 sync enrol 服务器地址 登记码")};
}

Error offline(const QString& detail)
{
    return {
        QStringLiteral("sync.offline"),
        QStringLiteral("无法连接大厅服务器（%1）：记录已保存在本机，联网后自动上传").arg(detail)};
}

Error badAnswer(const QString& detail)
{
    return {
        QStringLiteral("sync.bad_answer"),
        QStringLiteral("大厅服务器的回答无法识别（%1），本机数据未改动；请联系管理员").arg(detail)};
}

Error syncStopped(const QString& serverMessage)
{
    return {QStringLiteral("sync.stopped"),
            QStringLiteral("本工作站已停止同步：%1").arg(serverMessage)};
}

Error badServerUrl(const QString& url)
{
    return {QStringLiteral("sync.bad_url"),
            QStringLiteral("服务器地址“%1”无效：应为 http://主机:端口 或 https://主机（只写到端口，"
                           "不带 /v1 等路径）")
                .arg(url)};
}

Error enrolUnreachable(const QString& detail)
{
    return {QStringLiteral("sync.offline"),
            QStringLiteral("无法连接大厅服务器（%1）：本工作站未登记，也未作任何改动；"
                           "请检查服务器地址和网络后重试")
                .arg(detail)};
}

namespace {

// The address the server should listen on for the window's URL (the demo's 8440 by default).
QString listenOf(const QString& url)
{
    const QUrl u(url);
    return QStringLiteral("%1:%2")
        .arg(u.host().isEmpty() ? QStringLiteral("127.0.0.1") : u.host())
        .arg(u.port(8440));
}

} // namespace

Error demoServerMissing(const QString& url, const QString& why)
{
    return {QStringLiteral("demo.server_missing"),
            QStringLiteral(
                "演示大厅服务器 %1 没有应答（%2）。本窗口未加入，也未作任何改动。请先在第一个"
                "终端准备并启动服务器：onewindow-server-demo --store 文件 hall demo "
                "620102 --cases 300，再 onewindow-server --store 文件 serve --listen "
                "%3（README“四个终端的演示”），然后重新启动本窗口")
                .arg(url, why, listenOf(url))};
}

Error demoOtherTerminal(const QString& joinedAs, const QString& asked)
{
    return {QStringLiteral("demo.other_terminal"),
            QStringLiteral("这个存储文件已作为演示终端 %1 加入大厅，不能再作 %2；请为 %2 另用一个 "
                           "--store 文件（或删去本文件重新加入）")
                .arg(joinedAs, asked)};
}

Error userConflict(const QString& login)
{
    return {QStringLiteral("sync.user_conflict"),
            QStringLiteral("大厅服务器下发的用户“%1”与本机另一账户的登录名相同；"
                           "本页未保存，请联系管理员")
                .arg(login)};
}

Error catalogConflict(const QString& itemCode, int version)
{
    return {QStringLiteral("sync.catalog_conflict"),
            QStringLiteral("大厅服务器下发的事项 %1 第 %2 版与本机同版本的内容不同；"
                           "本页未保存，请联系管理员")
                .arg(itemCode)
                .arg(version)};
}

Error masterOnServer(MasterKind kind, const QString& serverUrl)
{
    QString what, where;
    switch (kind) {
    case MasterKind::Catalog:
        what = QStringLiteral("事项目录");
        where = QStringLiteral("onewindow-server catalog import");
        break;
    case MasterKind::Calendar:
        what = QStringLiteral("节假日日历");
        where = QStringLiteral("onewindow-server calendar import");
        break;
    case MasterKind::Users:
        what = QStringLiteral("用户、角色和密码");
        where = QStringLiteral("onewindow-server user add / user change");
        break;
    case MasterKind::HallSettings:
        what = QStringLiteral("大厅设置");
        where = QStringLiteral("大厅服务器的管理员");
        break;
    }
    return {QStringLiteral("sync.master_on_server"),
            QStringLiteral("本工作站已加入大厅服务器（%1），%2只能在大厅服务器上修改（%3）；"
                           "本机未作任何改动，服务器上改好后本窗口下次同步即取得")
                .arg(serverUrl, what, where)};
}

OfflineSignIn offlineSignIn(const QDateTime& lastSyncUtc, const QDateTime& nowUtc, int hours)
{
    OfflineSignIn gate;
    if (!lastSyncUtc.isValid())
        return gate;
    gate.until = lastSyncUtc.addSecs(qint64(hours) * 3600);
    gate.allowed = nowUtc < gate.until;
    return gate;
}

Error signInStale(int hours, const QString& lastSyncText)
{
    return {QStringLiteral("sync.sign_in_stale"),
            QStringLiteral("本工作站离线登录只在与大厅服务器同步后的 %1 小时内有效"
                           "（上次同步：%2）；请接通大厅服务器的网络并同步"
                           "（onewindowctl sync now）后再登录")
                .arg(hours)
                .arg(lastSyncText)};
}

Error notBackOffice(const QString& role)
{
    return {QStringLiteral("sync.not_backoffice"),
            QStringLiteral("本工作站不是后台工作站（%1）：后台待办属于以 backoffice 角色登记的"
                           "工作站；查看某科室的待办请用 --forwarded-to 科室")
                .arg(role.isEmpty() ? QStringLiteral("未登记到大厅服务器")
                                    : QStringLiteral("登记角色为 %1").arg(role))};
}

} // namespace onewindow::core::sync
