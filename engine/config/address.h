#pragma once

#include <QString>
#include <QStringView>
#include <optional>

namespace Balancier {

/// "host:port" as written in a config: "*:80", "0.0.0.0:80", "[::]:80",
/// "[::1]:80", "127.0.0.1:80", "backend.example:80".
struct Address
{
    QString host;  ///< without brackets; "*" for every interface
    quint16 port = 0;

    bool isAnyInterface() const;  ///< "*", "0.0.0.0" or "::"
    QString toString() const;  ///< brackets around IPv6 literals

    friend bool operator==(const Address &, const Address &) = default;
};

/// Parses an address; on failure returns nullopt and says why in `error`
/// ("missing port", "port 70000 outside 1-65535", ...). An address to listen
/// on (`forListening`) may have port 0 (the OS chooses) and be a wildcard
/// ("*", "0.0.0.0", "[::]"); an address to connect to (a backend) may not.
/// An IPv4 address is four decimal numbers ("1.2.3" is refused).
std::optional<Address> parseAddress(QStringView text, bool forListening, QString *error = nullptr);

/// A web origin in canonical form, "scheme://host:port" (http or https,
/// lower case, the scheme's default port written out, IPv6 in brackets);
/// empty when `url` is not one, and `error` says why. `allowPath` accepts a
/// full URL (a Referer) and keeps only its origin; without it, `url` must be
/// an origin alone (`<admin origins>`).
QString canonicalOrigin(const QString &url, bool allowPath, QString *error = nullptr);

}  // namespace Balancier
