#include "displayformat.h"

#include <QCoreApplication>
#include <QLocale>

namespace Balancier {

QString DisplayFormat::bytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString DisplayFormat::rate(double bytesPerSecond)
{
    if (bytesPerSecond < 0.05)
        return {};
    return QCoreApplication::translate("DisplayFormat", "%1/s")
        .arg(QLocale().formattedDataSize(qint64(bytesPerSecond + 0.5), 1, QLocale::DataSizeSIFormat));
}

QString DisplayFormat::since(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const qint64 seconds = qMax<qint64>(0, when.secsTo(now));
    if (seconds < 60)
        return QCoreApplication::translate("DisplayFormat", "%1 s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("DisplayFormat", "%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return QCoreApplication::translate("DisplayFormat", "%1 h").arg(seconds / 3600);
    return QCoreApplication::translate("DisplayFormat", "%1 d").arg(seconds / 86400);
}

}  // namespace Balancier
