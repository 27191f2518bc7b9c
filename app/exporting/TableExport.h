#pragma once

#include "core/Error.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>

namespace onewindow::exporting {

// A table to write: headers and cells by row and column. A cell is a number (written as a
// number to XLSX) or text; a null cell is left empty.
class TableSource
{
public:
    virtual ~TableSource() = default;
    virtual QString title() const = 0; // the XLSX sheet's name
    virtual QStringList headers() const = 0;
    virtual qint64 rowCount() const = 0;
    virtual QVariant cell(qint64 row, int column) const = 0;
};

// Called every few hundred rows with the rows written so far and the total; returning false
// cancels the export (the partial file is removed and "export.cancelled" returned).
using ExportProgress = std::function<bool(qint64 done, qint64 total)>;

// UTF-8 with a byte-order mark, so Excel opens Chinese text correctly; comma separated, RFC 4180
// quoting. Written under a temporary name and renamed: `path` is never half a file.
core::Status writeCsv(const TableSource& table, const QString& path,
                      const ExportProgress& progress = {});
// Several tables in one file: the first as above, each further one after a blank line and a
// line with its title (the figures, then 一件事一次办).
core::Status writeCsv(const QList<const TableSource*>& tables, const QString& path,
                      const ExportProgress& progress = {});
// One worksheet per table (libxlsxwriter, constant-memory mode: rows stream to disk).
core::Status writeXlsx(const QList<const TableSource*>& tables, const QString& path,
                       const ExportProgress& progress = {});

enum class ExportFormat
{
    Csv,
    Xlsx,
};
// By the file's suffix (.csv / .xlsx); empty for any other.
std::optional<ExportFormat> exportFormatFor(const QString& path);

} // namespace onewindow::exporting
