#include "exporting/TableExport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <xlsxwriter.h>

namespace onewindow::exporting {

namespace {

using core::Error;
using core::Status;

constexpr qint64 kProgressEvery = 500;

Error cancelled()
{
    return Error{QStringLiteral("export.cancelled"), QStringLiteral("已取消导出，未生成文件")};
}

Status checkDestination(const QString& path)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return Error{QStringLiteral("export.no_folder"),
                     QStringLiteral("导出文件夹 %1 不存在，请换一个位置").arg(info.absolutePath())};
    return {};
}

Status finishFile(const QString& partial, const QString& path)
{
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        return Error{QStringLiteral("export.write"),
                     QStringLiteral("无法写入导出文件 %1，请检查文件是否被其他程序打开").arg(path)};
    }
    return {};
}

void appendCsvField(QByteArray& line, const QVariant& v)
{
    if (v.isNull())
        return;
    const QByteArray text = v.toString().toUtf8();
    if (text.contains(',') || text.contains('"') || text.contains('\n') || text.contains('\r')) {
        QByteArray quoted = text;
        quoted.replace('"', "\"\"");
        line += '"' + quoted + '"';
    } else {
        line += text;
    }
}

bool isNumber(const QVariant& v)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Double:
        return true;
    default:
        return false;
    }
}

} // namespace

std::optional<ExportFormat> exportFormatFor(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("csv"))
        return ExportFormat::Csv;
    if (suffix == QStringLiteral("xlsx"))
        return ExportFormat::Xlsx;
    return std::nullopt;
}

Status writeCsv(const TableSource& table, const QString& path, const ExportProgress& progress)
{
    return writeCsv(QList<const TableSource*>{&table}, path, progress);
}

Status writeCsv(const QList<const TableSource*>& tables, const QString& path,
                const ExportProgress& progress)
{
    if (Status s = checkDestination(path); !s)
        return s;
    const QString partial = path + QStringLiteral(".part");
    QFile file(partial);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{QStringLiteral("export.write"),
                     QStringLiteral("无法创建导出文件 %1").arg(path)};
    qint64 total = 0;
    for (const TableSource* t : tables)
        total += t->rowCount();
    QByteArray line("\xEF\xBB\xBF"); // the byte-order mark
    qint64 done = 0;
    bool failed = false;
    for (int i = 0; i < tables.size() && !failed; ++i) {
        const TableSource& table = *tables[i];
        if (i > 0) { // a blank line, then the next table's title on a line of its own
            line += "\r\n";
            appendCsvField(line, table.title());
            line += "\r\n";
        }
        const QStringList headers = table.headers();
        for (int c = 0; c < headers.size(); ++c) {
            if (c > 0)
                line += ',';
            appendCsvField(line, headers[c]);
        }
        line += "\r\n";
        const qint64 rows = table.rowCount();
        for (qint64 r = 0; r < rows; ++r) {
            for (int c = 0; c < headers.size(); ++c) {
                if (c > 0)
                    line += ',';
                appendCsvField(line, table.cell(r, c));
            }
            line += "\r\n";
            if (++done % kProgressEvery == 0) {
                if (file.write(line) != line.size()) {
                    failed = true;
                    break;
                }
                line.clear();
                if (progress && !progress(done, total)) {
                    file.close();
                    file.remove();
                    return cancelled();
                }
            }
        }
    }
    const bool written = !failed && file.write(line) == line.size() && file.flush();
    file.close();
    if (!written) {
        file.remove();
        return Error{QStringLiteral("export.write"),
                     QStringLiteral("写入导出文件 %1 失败，请检查磁盘空间").arg(path)};
    }
    if (progress)
        progress(total, total);
    return finishFile(partial, path);
}

Status writeXlsx(const QList<const TableSource*>& tables, const QString& path,
                 const ExportProgress& progress)
{
    if (Status s = checkDestination(path); !s)
        return s;
    const QString partial = path + QStringLiteral(".part");
    const QByteArray partialName = QFile::encodeName(partial);
    QByteArray tmp = QFile::encodeName(QDir::tempPath());
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE; // rows go to disk as they are written
    options.tmpdir = tmp.data();
    lxw_workbook* book = workbook_new_opt(partialName.constData(), &options);
    if (!book)
        return Error{QStringLiteral("export.write"),
                     QStringLiteral("无法创建导出文件 %1").arg(path)};
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);

    qint64 total = 0;
    for (const TableSource* t : tables)
        total += t->rowCount();
    qint64 done = 0;
    bool stopped = false;
    for (const TableSource* t : tables) {
        // Sheet names: at most 31 characters, none of []:*?/\ .
        QString name = t->title().left(31);
        for (const QChar bad : QStringLiteral("[]:*?/\\"))
            name.replace(bad, QLatin1Char('_'));
        lxw_worksheet* sheet = workbook_add_worksheet(book, name.toUtf8().constData());
        if (!sheet)
            sheet = workbook_add_worksheet(book, nullptr);
        const QStringList headers = t->headers();
        for (int c = 0; c < headers.size(); ++c) {
            worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c),
                                   headers[c].toUtf8().constData(), bold);
            worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 std::max(10.0, headers[c].size() * 2.2), nullptr);
        }
        worksheet_freeze_panes(sheet, 1, 0);
        const qint64 rows = t->rowCount();
        for (qint64 r = 0; r < rows && !stopped; ++r) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            for (int c = 0; c < headers.size(); ++c) {
                const QVariant v = t->cell(r, c);
                if (v.isNull())
                    continue;
                const auto col = static_cast<lxw_col_t>(c);
                if (isNumber(v))
                    worksheet_write_number(sheet, row, col, v.toDouble(), nullptr);
                else
                    worksheet_write_string(sheet, row, col, v.toString().toUtf8().constData(),
                                           nullptr);
            }
            ++done;
            if (done % kProgressEvery == 0 && progress && !progress(done, total))
                stopped = true;
        }
        if (stopped)
            break;
    }
    const lxw_error closed = workbook_close(book); // frees the book whatever it returns
    if (stopped) {
        QFile::remove(partial);
        return cancelled();
    }
    if (closed != LXW_NO_ERROR) {
        QFile::remove(partial);
        return Error{QStringLiteral("export.write"),
                     QStringLiteral("写入导出文件 %1 失败：%2")
                         .arg(path, QString::fromUtf8(lxw_strerror(closed)))};
    }
    if (progress)
        progress(total, total);
    return finishFile(partial, path);
}

} // namespace onewindow::exporting
