#include "clientkey.h"

#include "net/ipendpoint.h"
#include "scheduling/stablehash.h"

#include <algorithm>

#ifndef _WIN32
#include <netinet/in.h>  // sockaddr_in; winsock2.h has it on Windows
#endif

namespace Balancier::ClientKey {

quint64 ofBytes(const unsigned char *bytes, int length)
{
    return StableHash::fnv1a(bytes, length);
}

quint64 of(const IpEndpoint &client)
{
    return client.valid ? ofBytes(client.bytes.data(), client.addressLength()) : 0;
}

quint64 of(const sockaddr_storage &peer)
{
    if (peer.ss_family == AF_INET) {
        const auto *v4 = reinterpret_cast<const sockaddr_in *>(&peer);
        return ofBytes(reinterpret_cast<const unsigned char *>(&v4->sin_addr), 4);
    }
    if (peer.ss_family == AF_INET6) {
        const auto *v6 = reinterpret_cast<const sockaddr_in6 *>(&peer);
        const auto *bytes = reinterpret_cast<const unsigned char *>(&v6->sin6_addr);
        static constexpr unsigned char mappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        if (std::equal(bytes, bytes + 12, mappedPrefix))
            return ofBytes(bytes + 12, 4);
        return ofBytes(bytes, 16);
    }
    return 0;
}

}  // namespace Balancier::ClientKey
