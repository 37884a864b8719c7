#include "dnsresolver.h"

#include "config/address.h"
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
    const QString trimmed = text.trimmed();
    QHostAddress plain;
    if (plain.setAddress(trimmed)) {  // "10.0.0.2", "::1": port 53
        *address = plain;
        *port = 53;
        return true;
    }
    QString why;
    const std::optional<Address> parsed = parseAddress(trimmed, false, &why);
    if (!parsed || !plain.setAddress(parsed->host) || parsed->port == 0) {
        if (error) {
            *error = QStringLiteral("\"%1\" is not a name server address; expected an IP address with an "
                                    "optional port, such as 127.0.0.1:8600 or [::1]:53")
                         .arg(text.left(60));
        }
        return false;
    }
    *address = plain;
    *port = parsed->port;
    return true;
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
