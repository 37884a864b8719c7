#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace Balancier {

/// "500ms", "2s", "5m", "1h", "1d"; a bare integer means seconds. Milliseconds out.
std::optional<qint64> parseDuration(QStringView text);

/// The shortest exact form: 1500 -> "1500ms", 120000 -> "2m", 0 -> "0s".
QString formatDuration(qint64 milliseconds);

}  // namespace Balancier
