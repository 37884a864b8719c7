#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>

#include <array>
#include <optional>

namespace Balancier {

/// One entry of a listener's trusted="..." list: the peers allowed to send
/// a PROXY protocol header. "10.0.0.0/8", "2001:db8::/32", or a bare
/// address ("127.0.0.1" is /32, "::1" is /128). An IPv4-mapped IPv6 range
/// ("::ffff:10.0.0.0/104") is kept as the IPv4 one, like client addresses.
///
/// Thread contract: a plain value; any thread.
struct ProxyTrust
{
    std::array<quint8, 16> bytes{};  ///< network order, host bits cleared; IPv4 uses the first 4
    int prefix = 0;  ///< bits that must match
    bool v6 = false;

    /// Parses one entry; nullopt with `why` set when it is not a CIDR.
    static std::optional<ProxyTrust> parse(QStringView text, QString *why);

    /// True when the address (4 bytes for IPv4, 16 for IPv6) is inside.
    bool contains(const quint8 *address, bool addressIsV6) const;

    friend bool operator==(const ProxyTrust &, const ProxyTrust &) = default;
};

}  // namespace Balancier
