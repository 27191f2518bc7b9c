#include "core/ServerLimits.h"

namespace onewindow::core::sync {

Error bodyTooLarge(qint64 limit)
{
    return {code::kBodyTooLarge,
            QStringLiteral("请求内容超过 %1 字节的上限，未予接收；请分批上传").arg(limit)};
}

Error headTooLarge(int limit)
{
    return {code::kHeadTooLarge, QStringLiteral("请求头超过 %1 字节的上限，未予接收").arg(limit)};
}

Error requestTimeout(int seconds)
{
    return {code::kRequestTimeout,
            QStringLiteral("请求未在 %1 秒内传送完整，连接已断开；请检查网络后重试").arg(seconds)};
}

Error tooManyConnections(int limit)
{
    return {code::kTooManyConnections,
            QStringLiteral("来自同一地址的连接已达 %1 个的上限，请稍后重试").arg(limit)};
}

Error expectationFailed(const QString& expect)
{
    return {code::kExpectationFailed,
            QStringLiteral("不支持的 Expect 请求头：“%1”（仅支持 100-continue）").arg(expect)};
}

Error badHttp(const QString& what)
{
    return {code::kBadHttp, QStringLiteral("HTTP 请求格式错误：%1").arg(what)};
}

Error duplicateEventId()
{
    return {code::kDuplicateEventId,
            QStringLiteral("本大厅已有同一编号的记录（来自其他设备或其他序号），此记录未生效")};
}

} // namespace onewindow::core::sync
