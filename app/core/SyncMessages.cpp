#include "core/SyncMessages.h"

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
            QStringLiteral("服务器地址“%1”无效：应为 http://主机:端口 或 https://主机").arg(url)};
}

Error enrolUnreachable(const QString& detail)
{
    return {QStringLiteral("sync.offline"),
            QStringLiteral("无法连接大厅服务器（%1）：本工作站未登记，也未作任何改动；"
                           "请检查服务器地址和网络后重试")
                .arg(detail)};
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

} // namespace onewindow::core::sync
