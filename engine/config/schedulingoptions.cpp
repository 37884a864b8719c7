#include "schedulingoptions.h"

#include "configlimits.h"
#include "decimal.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Balancier::SchedulingOptions {

bool isPrime(qint64 value)
{
    if (value < 2)
        return false;
    if (value % 2 == 0)
        return value == 2;
    for (qint64 divisor = 3; divisor * divisor <= value; divisor += 2) {
        if (value % divisor == 0)
            return false;
    }
    return true;
}

qint64 nextPrime(qint64 value)
{
    qint64 candidate = std::max<qint64>(value, 2);
    while (!isPrime(candidate))
        ++candidate;
    return candidate;
}

QString tableSizeProblem(qint64 value)
{
    const QString range = u"a prime from "_s + QString::number(ConfigLimits::minMaglevTableSize) + u" to "_s
        + QString::number(ConfigLimits::maxMaglevTableSize) + u" (default 65537)"_s;
    if (value < ConfigLimits::minMaglevTableSize)
        return QString::number(value) + u" is too small; expected "_s + range;
    if (value > ConfigLimits::maxMaglevTableSize)
        return QString::number(value) + u" is too large; expected "_s + range;
    if (!isPrime(value)) {
        return QString::number(value) + u" is not a prime; expected "_s + range + u", for example "_s
            + QString::number(nextPrime(value));
    }
    return {};
}

QString balanceFactorProblem(double value)
{
    if (value == 0.0)
        return {};
    const QString range = u"a number above "_s + formatDecimal(ConfigLimits::minBalanceFactor) + u" up to "_s
        + formatDecimal(ConfigLimits::maxBalanceFactor) + u", such as 1.25"_s;
    if (!std::isfinite(value))
        return u"not a number; expected "_s + range;
    if (value <= ConfigLimits::minBalanceFactor)
        return formatDecimal(value) + u" is too small; expected "_s + range;
    if (value > ConfigLimits::maxBalanceFactor)
        return formatDecimal(value) + u" is too large; expected "_s + range;
    return {};
}

}  // namespace Balancier::SchedulingOptions
