#include "proxyconfig.h"

#include "engine.h"
#include "stubbackend.h"

#include <QDebug>

using namespace Balancier;

HostConfig ProxyConfig::host(const QString &name, const QString &address, int weight, int maxConns)
{
    HostConfig host;
    host.name = name;
    host.address = address;
    host.weight = weight;
    host.maxConns = maxConns;
    return host;
}

GroupConfig ProxyConfig::group(const QString &name, const QList<HostConfig> &hosts, const QString &scheduler)
{
    GroupConfig group;
    group.name = name;
    group.scheduler = scheduler;
    group.hosts = hosts;
    return group;
}

Config ProxyConfig::make(const QList<HostConfig> &hosts, const QString &scheduler)
{
    ServiceConfig service;
    service.name = QStringLiteral("svc");
    service.listeners = {QStringLiteral("127.0.0.1:0")};
    service.groups = {group(QStringLiteral("g"), hosts, scheduler)};
    service.enabledGroup = QStringLiteral("g");
    Config config;
    config.settings.workers = 2;
    config.health.active = false;
    config.services = {service};
    return config;
}

HealthConfig ProxyConfig::fastHealth()
{
    HealthConfig health;
    health.intervalMs = 100;
    health.timeoutMs = 500;
    health.rise = 1;
    health.fall = 1;
    health.downIntervalMs = 100;
    health.aggressiveIntervalMs = 50;
    health.active = false;
    return health;
}

quint16 ProxyConfig::start(Engine &engine, const Config &config)
{
    const ApplyResult result = engine.apply(config);
    if (!result.ok) {
        qWarning().noquote() << "apply failed:" << result.errorString();
        return 0;
    }
    const QList<BoundListener> listeners = engine.listeners();
    return listeners.isEmpty() ? 0 : listeners.constFirst().port;
}

quint16 ProxyConfig::unusedPort()
{
    StubBackend probe(QStringLiteral("probe"));
    return probe.listen() ? probe.port() : 0;
}

QString ProxyConfig::loopback(quint16 port)
{
    return QStringLiteral("127.0.0.1:%1").arg(port);
}
