#include "systemdnsresolver.h"

#include <QDnsLookup>
#include <QHostInfo>

namespace Balancier {

namespace {

QString lowerFirst(QString text)
{
    if (text.size() > 1 && text.at(0).isUpper() && !text.at(1).isUpper())
        text[0] = text.at(0).toLower();
    return text;
}

}  // namespace

SystemDnsResolver::SystemDnsResolver(QObject *parent)
    : QObject(parent)
{ }

SystemDnsResolver::~SystemDnsResolver() = default;

QString SystemDnsResolver::describe() const
{
    return QStringLiteral("system resolver");
}

void SystemDnsResolver::lookupAddresses(const QString &name, QObject *context, Callback done)
{
    // A and AAAA at once; the answer is given when both have come.
    struct Pending
    {
        DnsAnswer answer;
        int waiting = 2;
        bool anyFound = false;
        QString error;
    };
    auto pending = std::make_shared<Pending>();
    QPointer<QObject> guard = context;
    const bool hasContext = context != nullptr;
    const auto finish = [this, pending, guard, hasContext, name, done]() {
        if (--pending->waiting > 0)
            return;
        if (hasContext && !guard)
            return;
        if (pending->anyFound) {
            // IPv4 first: many backends listen on 0.0.0.0 only.
            std::stable_sort(pending->answer.addresses.begin(), pending->answer.addresses.end(),
                [](const DnsAddressRecord &a, const DnsAddressRecord &b) {
                    return a.address.protocol() == QAbstractSocket::IPv4Protocol
                        && b.address.protocol() != QAbstractSocket::IPv4Protocol;
                });
            done(pending->answer);
            return;
        }
        // Not in the DNS: /etc/hosts and the rest of nsswitch, without TTL.
        QHostInfo::lookupHost(name, guard ? guard.data() : this, [pending, done](const QHostInfo &info) {
            DnsAnswer answer;
            if (info.error() != QHostInfo::NoError) {
                answer.error = lowerFirst(info.errorString());
            } else {
                for (const QHostAddress &address : info.addresses())
                    answer.addresses.append({address, -1});
            }
            done(answer);
        });
    };
    for (const QDnsLookup::Type type : {QDnsLookup::A, QDnsLookup::AAAA}) {
        auto *lookup = new QDnsLookup(type, name, this);
        connect(lookup, &QDnsLookup::finished, this, [lookup, pending, finish] {
            if (lookup->error() == QDnsLookup::NoError) {
                for (const QDnsHostAddressRecord &record : lookup->hostAddressRecords()) {
                    pending->answer.addresses.append({record.value(), qint64(record.timeToLive())});
                    pending->anyFound = true;
                }
            }
            lookup->deleteLater();
            finish();
        });
        lookup->lookup();
    }
}

void SystemDnsResolver::lookupSrv(const QString &name, QObject *context, Callback done)
{
    QPointer<QObject> guard = context;
    const bool hasContext = context != nullptr;
    auto *lookup = new QDnsLookup(QDnsLookup::SRV, name, this);
    connect(lookup, &QDnsLookup::finished, this, [lookup, guard, hasContext, done] {
        lookup->deleteLater();
        if (hasContext && !guard)
            return;
        DnsAnswer answer;
        if (lookup->error() != QDnsLookup::NoError && lookup->error() != QDnsLookup::NotFoundError) {
            answer.error = lowerFirst(lookup->errorString());
        } else if (lookup->error() == QDnsLookup::NotFoundError) {
            answer.error = QStringLiteral("no such name (NXDOMAIN)");
        } else {
            for (const QDnsServiceRecord &record : lookup->serviceRecords()) {
                QString target = record.target();
                if (target.endsWith(u'.'))
                    target.chop(1);
                if (!target.isEmpty())
                    answer.srv.append({target, record.port(), record.priority(), record.weight(),
                        qint64(record.timeToLive())});
            }
        }
        done(answer);
    });
    lookup->lookup();
}

}  // namespace Balancier
