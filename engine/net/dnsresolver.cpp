#include "dnsresolver.h"

#include "config/discoverlimits.h"
#include "net/systemdnsresolver.h"
#include "net/udpdnsresolver.h"

namespace Balancier {

DnsResolver::~DnsResolver() = default;

qint64 DnsAnswer::minTtlMs() const
{
    qint64 least = -1;
    const auto take = [&least](qint64 ttlS) {
        if (ttlS >= 0 && (least < 0 || ttlS * 1000 < least))
            least = ttlS * 1000;
    };
    for (const DnsAddressRecord &record : addresses)
        take(record.ttlS);
    for (const DnsSrvRecord &record : srv)
        take(record.ttlS);
    return least;
}

bool DnsResolver::parseServer(const QString &text, QHostAddress *address, quint16 *port, QString *error)
{
    return DiscoverLimits::parseDnsServer(text, address, port, error);
}

std::shared_ptr<DnsResolver> DnsResolver::create(const QString &server, QString *error)
{
    if (server.trimmed().isEmpty())
        return std::make_shared<SystemDnsResolver>();
    QHostAddress address;
    quint16 port = 53;
    if (!parseServer(server, &address, &port, error))
        return {};
    return std::make_shared<UdpDnsResolver>(address, port);
}

}  // namespace Balancier
