#pragma once

#include "net/dnsresolver.h"

#include <QObject>

namespace Balancier {

/// The system's resolver: QDnsLookup (which runs res_query on Qt's thread
/// pool, never on the caller's thread) for SRV and for A/AAAA, whose records
/// carry TTLs. A name the DNS does not know is then asked of QHostInfo
/// (getaddrinfo: /etc/hosts, nsswitch), which gives no TTL: "localhost"
/// keeps working.
///
/// Thread contract: control thread only, as DnsResolver.
class SystemDnsResolver final : public QObject, public DnsResolver
{
    Q_OBJECT

public:
    explicit SystemDnsResolver(QObject *parent = nullptr);
    ~SystemDnsResolver() override;

    void lookupAddresses(const QString &name, QObject *context, Callback done) override;
    void lookupSrv(const QString &name, QObject *context, Callback done) override;
    QString describe() const override;
};

}  // namespace Balancier
