#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

namespace Balancier {

/// One address record (A or AAAA) of a DNS answer.
struct DnsAddressRecord
{
    QHostAddress address;
    qint64 ttlS = -1;  ///< seconds; -1: unknown (the system's getaddrinfo gives none)
};

/// One SRV record: where a service runs, and how much of it.
struct DnsSrvRecord
{
    QString target;  ///< a host name (without the trailing dot) or a numeric address
    quint16 port = 0;
    quint16 priority = 0;
    quint16 weight = 0;
    qint64 ttlS = -1;
};

/// The answer to one lookup: records, or an error saying why there are none.
/// An empty answer without an error is "the name exists but has no such record".
struct DnsAnswer
{
    QString error;  ///< empty on success
    QList<DnsAddressRecord> addresses;
    QList<DnsSrvRecord> srv;

    bool ok() const { return error.isEmpty(); }
    /// The smallest TTL of the records in milliseconds; -1 when none is known.
    qint64 minTtlMs() const;
};

/// How names become addresses for the engine: A/AAAA and SRV lookups that
/// answer later, on the caller's thread, and never block it.
///
/// The seam of DNS discovery and host name resolution: production code uses
/// create() (the system's resolver, or a given name server over UDP), unit
/// tests a fake that answers what the test says.
///
/// Thread contract: control thread only; answers arrive there, through the
/// event loop. A lookup whose `context` is destroyed before the answer is
/// dropped silently.
class DnsResolver
{
    Q_DISABLE_COPY_MOVE(DnsResolver)

public:
    using Callback = std::function<void(const DnsAnswer &answer)>;

    DnsResolver() = default;
    virtual ~DnsResolver();

    /// Every A and AAAA record of `name`, IPv4 first.
    virtual void lookupAddresses(const QString &name, QObject *context, Callback done) = 0;
    /// Every SRV record of `name` ("_svc._tcp.example.org").
    virtual void lookupSrv(const QString &name, QObject *context, Callback done) = 0;
    /// What the resolver asks, for logs: "system resolver", "dns server 127.0.0.1:5353".
    virtual QString describe() const = 0;

    /// The production resolver: the system's when `server` is empty
    /// (QDnsLookup for SRV and A/AAAA with TTLs; QHostInfo when the name is
    /// not in the DNS, as "localhost" from /etc/hosts), else a UDP client of
    /// the name server `server` ("127.0.0.1:5353", "[::1]:53", "10.0.0.2";
    /// port 53 when none). Null, with the reason in `error`, when `server`
    /// is not an address.
    static std::shared_ptr<DnsResolver> create(const QString &server, QString *error = nullptr);
    /// "ADDR[:PORT]" as <settings dnsserver> takes it; false with a reason otherwise.
    static bool parseServer(const QString &text, QHostAddress *address, quint16 *port, QString *error);
};

}  // namespace Balancier
