#include "duration.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

struct Unit
{
    QStringView suffix;
    qint64 milliseconds;
};

// Longest suffix first so that "ms" is not read as "m" followed by junk.
constexpr Unit units[] = {
    {u"ms", 1},
    {u"s", 1000},
    {u"m", 60 * 1000},
    {u"h", 60 * 60 * 1000},
    {u"d", 24 * 60 * 60 * 1000},
};

}  // namespace

std::optional<qint64> parseDuration(QStringView text)
{
    text = text.trimmed();
    qint64 factor = 1000;  // a bare integer means seconds
    QStringView digits = text;
    for (const Unit &unit : units) {
        if (text.endsWith(unit.suffix)) {
            factor = unit.milliseconds;
            digits = text.chopped(unit.suffix.size());
            break;
        }
    }
    if (digits.isEmpty())
        return std::nullopt;
    qint64 value = 0;
    for (QChar c : digits) {
        // Only ASCII digits: no sign, no fraction, no exponent, no spaces inside.
        if (c < u'0' || c > u'9')
            return std::nullopt;
        const int digit = c.unicode() - u'0';
        if (value > (std::numeric_limits<qint64>::max() - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    if (value > std::numeric_limits<qint64>::max() / factor)
        return std::nullopt;
    return value * factor;
}

QString formatDuration(qint64 milliseconds)
{
    if (milliseconds == 0)
        return u"0s"_s;
    if (milliseconds < 0)
        return u'-' + formatDuration(-milliseconds);
    for (auto it = std::rbegin(units); it != std::rend(units); ++it) {
        if (milliseconds % it->milliseconds == 0)
            return QString::number(milliseconds / it->milliseconds) + it->suffix;
    }
    return QString::number(milliseconds) + u"ms"_s;
}

}  // namespace Balancier
