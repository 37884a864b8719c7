#include "decimal.h"

#include <QLocale>

#include <cmath>

namespace Balancier {

std::optional<double> parseDecimal(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 32)
        return std::nullopt;
    int dots = 0;
    int digits = 0;
    for (const QChar c : trimmed) {
        if (c == u'.')
            ++dots;
        else if (c >= u'0' && c <= u'9')
            ++digits;
        else
            return std::nullopt;
    }
    if (dots > 1 || digits == 0)
        return std::nullopt;
    bool ok = false;
    const double value = QLocale::c().toDouble(trimmed, &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

QString formatDecimal(double value)
{
    return QLocale::c().toString(value, 'g', QLocale::FloatingPointShortest);
}

}  // namespace Balancier
