#include "fakednsresolver.h"

#include <QTimer>

using namespace Balancier;

void FakeDnsResolver::setAddresses(const QString &name, const DnsAnswer &answer)
{
    m_answers.insert(u"a:" + name, answer);
}

void FakeDnsResolver::setSrv(const QString &name, const DnsAnswer &answer)
{
    m_answers.insert(u"srv:" + name, answer);
}

void FakeDnsResolver::lookupAddresses(const QString &name, QObject *context, Callback done)
{
    answer(u"a:" + name, context, std::move(done));
}

void FakeDnsResolver::lookupSrv(const QString &name, QObject *context, Callback done)
{
    answer(u"srv:" + name, context, std::move(done));
}

void FakeDnsResolver::answer(const QString &key, QObject *context, Callback done)
{
    ++m_asked[key];
    DnsAnswer result = m_answers.value(key);
    if (!m_answers.contains(key))
        result.error = QStringLiteral("no such name (NXDOMAIN)");
    // Later, as a real resolver: never inside the caller's call.
    QTimer::singleShot(0, context, [result, done = std::move(done)] { done(result); });
}

DnsAnswer FakeDnsResolver::addresses(const QStringList &addresses, qint64 ttlS)
{
    DnsAnswer answer;
    for (const QString &address : addresses)
        answer.addresses.append({QHostAddress(address), ttlS});
    return answer;
}

DnsSrvRecord FakeDnsResolver::srv(
    const QString &target, quint16 port, quint16 priority, quint16 weight, qint64 ttlS)
{
    return DnsSrvRecord{target, port, priority, weight, ttlS};
}
