#include "core/InputFiles.h"

namespace onewindow::core {

InputLimit inputLimit(InputKind kind)
{
    constexpr qint64 MB = 1024 * 1024;
    switch (kind) {
    case InputKind::CalendarNotice:
        return {1 * MB, "日历文件"};
    case InputKind::Catalog:
        return {64 * MB, "事项目录文件"};
    case InputKind::HallProfile:
        return {1 * MB, "大厅配置文件"};
    case InputKind::Template:
        return {2 * MB, "文书模板"};
    case InputKind::Image:
        return {8 * MB, "图片"};
    case InputKind::PasswordFile:
        return {4 * 1024, "密码文件"};
    case InputKind::PendingEvents: // weeks of a busy window offline: ~2 KB an event
        return {256 * MB, "待上传记录文件"};
    }
    return {1 * MB, "文件"};
}

QString byteSizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return QStringLiteral("%1 MB").arg(bytes / (1024 * 1024));
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KB").arg(bytes / 1024);
    return QStringLiteral("%1 字节").arg(bytes);
}

Error inputNotRegular(InputKind kind, const QString& path)
{
    return {QStringLiteral("input.not_regular"),
            QStringLiteral("%1 %2 不是普通文件（设备、管道或目录），未读取")
                .arg(QString::fromUtf8(inputLimit(kind).name), path)};
}

Error inputTooLarge(InputKind kind, const QString& path)
{
    const InputLimit limit = inputLimit(kind);
    return {QStringLiteral("input.too_large"),
            QStringLiteral("%1 %2 超过 %3 的上限，未读取")
                .arg(QString::fromUtf8(limit.name), path, byteSizeText(limit.maxBytes))};
}

Error inputUnreadable(InputKind kind, const QString& path, const QString& reason)
{
    return {QStringLiteral("input.cannot_read"),
            QStringLiteral("%1 %2 无法读取（%3）")
                .arg(QString::fromUtf8(inputLimit(kind).name), path, reason)};
}

} // namespace onewindow::core
