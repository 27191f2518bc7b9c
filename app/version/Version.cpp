#include "version/Version.h"

#include "BuildInfoValues.h"

namespace onewindow::version {

QString number()
{
    return QStringLiteral(ONEWINDOW_BUILD_VERSION);
}

QString commit()
{
    return QStringLiteral(ONEWINDOW_BUILD_COMMIT);
}

QString line(const QString& program)
{
    return QStringLiteral("%1 %2 (commit %3)").arg(program, number(), commit());
}

} // namespace onewindow::version
