#include "tlsrouter.h"

#include "runtime/groupruntime.h"

namespace Balancier {

QByteArray TlsRouter::normalizedName(const QString &pattern)
{
    QByteArray name = pattern.trimmed().toLower().toLatin1();
    if (name.endsWith('.'))
        name.chop(1);
    return name;
}

bool TlsRouter::nameMatches(QByteArrayView pattern, QByteArrayView name)
{
    if (pattern.startsWith("*.")) {
        const QByteArrayView suffix = pattern.sliced(1);  // ".b.example"
        if (name.size() <= suffix.size() || !name.endsWith(suffix))
            return false;
        // Exactly one label before the suffix.
        return !name.first(name.size() - suffix.size()).contains('.');
    }
    return pattern == name;
}

bool TlsRouter::Route::matches(const ClientHello &hello) const
{
    if (!exact.isEmpty() || !suffixes.isEmpty()) {
        const QByteArray name = hello.serverName();
        if (name.isEmpty())
            return false;
        bool found = exact.contains(name);
        for (qsizetype i = 0; !found && i < suffixes.size(); ++i) {
            const QByteArray &suffix = suffixes.at(i);
            found = name.size() > suffix.size() && name.endsWith(suffix)
                && !QByteArrayView(name).first(name.size() - suffix.size()).contains('.');
        }
        if (!found)
            return false;
    }
    if (!alpn.isEmpty()) {
        bool found = false;
        for (qsizetype i = 0; !found && i < alpn.size(); ++i)
            found = hello.alpn().contains(alpn.at(i));
        if (!found)
            return false;
    }
    return true;
}

std::shared_ptr<const TlsRouter> TlsRouter::compile(const ServiceConfig &service,
    const std::function<std::shared_ptr<GroupRuntime>(const QString &)> &groupOf,
    const std::function<std::shared_ptr<Counter>(const QString &)> &counterOf)
{
    auto router = std::make_shared<TlsRouter>();
    router->m_peekTimeoutMs = service.peekTimeoutMs;
    router->m_peekSize = service.peekSize;
    router->m_defaultCounter = counterOf(defaultLabel());
    for (const RouteConfig &config : service.routes) {
        Route route;
        route.group = groupOf(config.group);
        if (!route.group)
            continue;  // the validator refuses this; a model built in code may still say it
        route.label = config.label();
        route.connections = counterOf(route.label);
        if (config.plain) {
            route.silenceMs = config.silenceMs;
            if (!router->m_plain.group)
                router->m_plain = std::move(route);
            continue;
        }
        for (const QString &pattern : config.sni) {
            const QByteArray name = normalizedName(pattern);
            if (name.startsWith("*."))
                route.suffixes.append(name.mid(1));
            else if (!name.isEmpty())
                route.exact.append(name);
        }
        for (const QString &protocol : config.alpn)
            route.alpn.append(protocol.trimmed().toLatin1());
        router->m_routes.append(std::move(route));
    }
    return router;
}

const TlsRouter::Route *TlsRouter::match(const ClientHello &hello) const
{
    for (const Route &route : m_routes) {
        if (route.matches(hello))
            return &route;
    }
    return nullptr;
}

}  // namespace Balancier
