#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Balancier {

/// A plain decimal number as a config writes it: digits with at most one
/// '.', no sign, no exponent, no locale ("1.25", "2", "1.5"). nullopt for
/// anything else, so "nan", "1e3" and "1,5" are refused where they stand.
std::optional<double> parseDecimal(QStringView text);

/// The shortest text that reads back as the same value: 1.25 -> "1.25", 2 -> "2".
QString formatDecimal(double value);

}  // namespace Balancier
