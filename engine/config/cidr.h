#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>
#include <QtGlobal>

#include <array>
#include <optional>

namespace Balancier {

/// An address prefix as an <acl> rule or a trusted list writes it:
/// "10.0.0.0/8", "192.0.2.7" (/32), "2001:db8::/32", "::1" (/128). An
/// IPv4-mapped IPv6 prefix ("::ffff:10.0.0.0/104") is kept as the IPv4 one,
/// as IpEndpoint keeps such clients. Host bits after the prefix are refused
/// ("10.0.0.1/8" is a typing mistake more often than not).
///
/// Thread contract: a plain value; any thread.
struct Cidr
{
    std::array<quint8, 16> bytes{};  ///< network order; IPv4 uses the first 4
    bool v6 = false;
    int prefix = 0;

    /// nullopt with the reason in `error` for anything that is not a prefix.
    static std::optional<Cidr> parse(QStringView text, QString *error = nullptr);
    /// The items of a comma-separated list ("a, b"), trimmed; empty items kept
    /// (as empty strings) so that a check can name them.
    static QStringList splitList(QStringView text);

    int bits() const { return v6 ? 128 : 32; }
    /// "10.0.0.0/8", "2001:db8::/32", "192.0.2.7" for a whole address.
    QString toString() const;

    friend bool operator==(const Cidr &, const Cidr &) = default;
};

}  // namespace Balancier
