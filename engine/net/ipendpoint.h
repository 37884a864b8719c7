#pragma once

#include <QString>
#include <QtGlobal>

#include <array>

#include <sys/types.h>
#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <sys/socket.h>
#endif

namespace Balancier {

/// An IP address and port in 20 bytes, without allocation: what a session
/// knows about its client (the peer, or the address a PROXY header carried)
/// and what ACLs, limits, the log and the connection table look at. An
/// IPv4-mapped IPv6 address (a dual-stack listener's IPv4 client) is kept as
/// the plain IPv4 address, so that "10.0.0.0/8" matches it.
///
/// Thread contract: a plain value; any thread.
struct IpEndpoint
{
    std::array<quint8, 16> bytes{};  ///< network order; IPv4 uses the first 4
    quint16 port = 0;
    bool v6 = false;
    bool valid = false;  ///< false: unknown (another family, a LOCAL PROXY header)

    /// From what accept() or getsockname() returns; invalid for other families.
    static IpEndpoint from(const sockaddr_storage &address);
    static IpEndpoint fromV4(const quint8 *bytes4, quint16 port);
    static IpEndpoint fromV6(const quint8 *bytes16, quint16 port);

    int addressLength() const { return v6 ? 16 : 4; }
    /// "1.2.3.4:80", "[2001:db8::1]:80"; "unknown" when not valid.
    QString toString() const;
    /// The address alone: "1.2.3.4", "2001:db8::1".
    QString addressString() const;

    friend bool operator==(const IpEndpoint &, const IpEndpoint &) = default;
};

}  // namespace Balancier
