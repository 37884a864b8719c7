#pragma once

#include "net/dnsresolver.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>

class QUdpSocket;

namespace Balancier {

/// A DNS client that asks one name server directly over UDP (RFC 1035),
/// without the system's resolver: <settings dnsserver="ADDR:PORT">. Used
/// where the server is not the system's (a Consul agent on port 8600, a
/// test's dnsmasq on a free port); QDnsLookup cannot be told a port before Qt 6.6.
///
/// Each lookup gets its own socket and a random id; an answer is taken only
/// from the server's address and port with that id and question. A lookup is
/// sent again once after `timeoutMs` without an answer, and fails after the
/// second. Truncated answers are taken as they are (no TCP fallback): keep
/// SRV sets under about 10 records, or use the system resolver.
///
/// Thread contract: control thread only, as DnsResolver.
class UdpDnsResolver final : public QObject, public DnsResolver
{
    Q_OBJECT

public:
    UdpDnsResolver(const QHostAddress &server, quint16 port, QObject *parent = nullptr);
    ~UdpDnsResolver() override;

    void lookupAddresses(const QString &name, QObject *context, Callback done) override;
    void lookupSrv(const QString &name, QObject *context, Callback done) override;
    QString describe() const override;

    /// The wait for an answer before one retry (default 1000 ms).
    void setTimeout(int ms) { m_timeoutMs = ms; }

    /// A query for `name` of `type` (1 A, 28 AAAA, 33 SRV) with `id`; empty
    /// when the name cannot be encoded (a label over 63 bytes, ...).
    static QByteArray buildQuery(quint16 id, const QString &name, quint16 type);
    /// Reads an answer to a query of `type` with `id` into `answer`; false
    /// when the datagram is not that answer (wrong id, malformed).
    static bool parseAnswer(const QByteArray &packet, quint16 id, quint16 type, DnsAnswer *answer);

private:
    struct Query;
    void start(const QString &name, const QList<quint16> &types, QObject *context, Callback done);
    void send(Query &query);
    void readAnswers(quint64 key);
    void expire(quint64 key);
    void finish(quint64 key);

    QHostAddress m_server;
    quint16 m_port = 53;
    int m_timeoutMs = 1000;
    quint64 m_nextKey = 1;
    QHash<quint64, std::shared_ptr<Query>> m_queries;
};

}  // namespace Balancier
