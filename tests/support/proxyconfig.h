#pragma once

#include "config/config.h"

namespace Balancier {
class Engine;
}

#include <QList>
#include <QString>

/// Configs for data-plane tests: one service "svc" listening on
/// 127.0.0.1:0, one group "g", two workers, and active health checks off
/// so that no probe connection disturbs the backends' counts (a host
/// marked down is still probed, every `downinterval`).
///
/// Thread contract: plain functions; start() from the engine's thread.
class ProxyConfig final
{
public:
    ProxyConfig() = delete;

    static Balancier::HostConfig host(
        const QString &name, const QString &address, int weight = 1, int maxConns = 0);
    static Balancier::GroupConfig group(const QString &name, const QList<Balancier::HostConfig> &hosts,
        const QString &scheduler = QStringLiteral("roundrobin"));
    static Balancier::Config make(
        const QList<Balancier::HostConfig> &hosts, const QString &scheduler = QStringLiteral("roundrobin"));

    /// Health settings with short intervals: a down host comes back within a
    /// few hundred milliseconds of answering again.
    static Balancier::HealthConfig fastHealth();

    /// Applies `config` to `engine`; the port of its first listener, or 0
    /// (with the errors logged) when the apply failed.
    static quint16 start(Balancier::Engine &engine, const Balancier::Config &config);
    /// A port on 127.0.0.1 where nothing listens (it was free a moment ago).
    static quint16 unusedPort();
    /// "127.0.0.1:<port>".
    static QString loopback(quint16 port);
};
