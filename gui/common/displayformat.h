#pragma once

#include <QDateTime>
#include <QString>

namespace Balancier {

/// Numbers as the dashboard shows them, in the user's locale.
/// Thread contract: stateless.
class DisplayFormat final
{
public:
    DisplayFormat() = delete;

    /// "1.2 MB" (decimal units, like most network tools).
    static QString bytes(qint64 bytes);
    /// "1.2 MB/s"; empty below 0.05 B/s so that idle rows stay quiet.
    static QString rate(double bytesPerSecond);
    /// "12 s", "5 min", "3 h", "2 d" since `when`; empty for an invalid time.
    static QString since(const QDateTime &when, const QDateTime &now);
};

}  // namespace Balancier
