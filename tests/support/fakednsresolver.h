#pragma once

#include "net/dnsresolver.h"

#include <QHash>
#include <QString>

/// A DnsResolver that answers what the test sets, on the next turn of the
/// event loop, and counts the questions: no test depends on the machine's DNS.
///
/// Thread contract: the test's thread only.
class FakeDnsResolver final : public Balancier::DnsResolver
{
public:
    FakeDnsResolver() = default;

    /// The answer to A/AAAA lookups of `name` (an error: DnsAnswer{error}).
    void setAddresses(const QString &name, const Balancier::DnsAnswer &answer);
    /// The answer to SRV lookups of `name`.
    void setSrv(const QString &name, const Balancier::DnsAnswer &answer);
    int addressLookups(const QString &name) const { return m_asked.value(u"a:" + name); }
    int srvLookups(const QString &name) const { return m_asked.value(u"srv:" + name); }

    void lookupAddresses(const QString &name, QObject *context, Callback done) override;
    void lookupSrv(const QString &name, QObject *context, Callback done) override;
    QString describe() const override { return QStringLiteral("fake resolver"); }

    /// An answer with these addresses, each with `ttlS`.
    static Balancier::DnsAnswer addresses(const QStringList &addresses, qint64 ttlS = 60);
    /// One SRV record.
    static Balancier::DnsSrvRecord srv(
        const QString &target, quint16 port, quint16 priority = 0, quint16 weight = 1, qint64 ttlS = 60);

private:
    void answer(const QString &key, QObject *context, Callback done);

    QHash<QString, Balancier::DnsAnswer> m_answers;
    QHash<QString, int> m_asked;
};
