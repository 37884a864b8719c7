#include "ipendpoint.h"

#include <QHostAddress>

#include <algorithm>
#include <cstring>

#ifndef _WIN32
#include <netinet/in.h>  // sockaddr_in; winsock2.h has it on Windows
#endif

namespace Balancier {

IpEndpoint IpEndpoint::fromV4(const quint8 *bytes4, quint16 port)
{
    IpEndpoint e;
    std::memcpy(e.bytes.data(), bytes4, 4);
    e.port = port;
    e.valid = true;
    return e;
}

IpEndpoint IpEndpoint::fromV6(const quint8 *bytes16, quint16 port)
{
    static constexpr quint8 mappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::equal(bytes16, bytes16 + 12, mappedPrefix))
        return fromV4(bytes16 + 12, port);
    IpEndpoint e;
    std::memcpy(e.bytes.data(), bytes16, 16);
    e.port = port;
    e.v6 = true;
    e.valid = true;
    return e;
}

IpEndpoint IpEndpoint::from(const sockaddr_storage &address)
{
    if (address.ss_family == AF_INET) {
        const auto *v4 = reinterpret_cast<const sockaddr_in *>(&address);
        return fromV4(reinterpret_cast<const quint8 *>(&v4->sin_addr), ntohs(v4->sin_port));
    }
    if (address.ss_family == AF_INET6) {
        const auto *v6 = reinterpret_cast<const sockaddr_in6 *>(&address);
        return fromV6(reinterpret_cast<const quint8 *>(&v6->sin6_addr), ntohs(v6->sin6_port));
    }
    return {};
}

QString IpEndpoint::addressString() const
{
    if (!valid)
        return QStringLiteral("unknown");
    if (v6) {
        Q_IPV6ADDR raw;
        std::memcpy(raw.c, bytes.data(), 16);
        return QHostAddress(raw).toString();
    }
    return QStringLiteral("%1.%2.%3.%4").arg(bytes[0]).arg(bytes[1]).arg(bytes[2]).arg(bytes[3]);
}

QString IpEndpoint::toString() const
{
    if (!valid)
        return QStringLiteral("unknown");
    return v6 ? QStringLiteral("[%1]:%2").arg(addressString()).arg(port)
              : QStringLiteral("%1:%2").arg(addressString()).arg(port);
}

}  // namespace Balancier
