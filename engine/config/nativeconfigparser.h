#pragma once

#include "config.h"

#include <QList>
#include <optional>

namespace Balancier {

class ConfigXmlStream;

/// Reads the native <balancier version="1"> format into a Config. The
/// stream is positioned on the root element; every problem is reported
/// through the stream, and the parse goes on to find the others.
///
/// <health> and <timeouts> override the level above attribute by attribute,
/// wherever they stand in the file; the parser keeps each override apart and
/// resolves them at the end into the complete values the model stores.
///
/// Thread contract: a local object of one parse, used by one thread.
class NativeConfigParser final
{
public:
    NativeConfigParser(ConfigXmlStream &xml, Config *config);
    Q_DISABLE_COPY_MOVE(NativeConfigParser)

    /// False when the file is not version 1 and nothing else was read.
    bool parse();

private:
    struct HealthOverride
    {
        std::optional<qint64> intervalMs;
        std::optional<qint64> timeoutMs;
        std::optional<int> rise;
        std::optional<int> fall;
        std::optional<qint64> downIntervalMs;
        std::optional<qint64> aggressiveIntervalMs;
        std::optional<bool> active;
        std::optional<QByteArray> send;
        std::optional<QByteArray> expect;

        HealthConfig appliedTo(HealthConfig base) const;
    };

    struct TimeoutOverride
    {
        std::optional<qint64> connectMs;
        std::optional<qint64> idleMs;

        TimeoutConfig appliedTo(TimeoutConfig base) const;
    };

    struct ServiceOverrides
    {
        std::optional<HealthOverride> health;
        std::optional<TimeoutOverride> timeouts;
        QList<std::optional<HealthOverride>> groupHealth;  // parallel to the service's groups
    };

    bool readVersion();
    bool claimSingle(bool *seen);
    void parseSettings();
    void parseCheckTime();
    HealthOverride parseHealth();
    TimeoutOverride parseTimeouts();
    void parseLogging();
    void parseHa();
    void parseAlert();
    void parseAdmin();
    void parseUser();
    void parseService();
    void parseGroup(ServiceConfig &service, ServiceOverrides &overrides);
    void parseAcl(AclConfig &acl);
    void parseLimit(LimitConfig &limit);
    /// <service peektimeout peeksize> (TLS routing).
    void readPeekLimits(ServiceConfig &service);
    /// <route> inside <service> (TLS routing), appended in the file's order.
    void parseRoute(ServiceConfig &service);
    void readMaglevOptions(GroupConfig &group);
    void readGroupLifecycle(GroupConfig &group);
    void readHostLifecycle(HostConfig &host);
    // DNS discovery
    void readDnsSettings(SettingsConfig &settings);
    void parseDiscover(GroupConfig &group);
    /// slowstart, agent, agentinterval, agentsend on a <group> or a <host>.
    void readBackendFeedback(GroupConfig &group);
    void readBackendFeedback(HostConfig &host);
    bool readAgentSend(QByteArray *out);
    /// acceptproxy, trusted and proxytimeout of the current <listen>.
    void readListenerProxy(ServiceConfig &service, const QString &address);
    /// tls="terminate" and its attributes on <listen>, and its <cert>
    /// children (which it reads: the caller does not call readNoChildren()).
    void readListenerTls(ServiceConfig &service, const QString &address);
    /// proxy="no|v1|v2" of the current <group> or <host>.
    void readProxySendMode(std::optional<ProxySendMode> *out);
    void parseHost(GroupConfig &group);
    void resolveOverrides();

    ConfigXmlStream &m_xml;
    Config *m_config;
    std::optional<HealthOverride> m_health;
    std::optional<TimeoutOverride> m_timeouts;
    QList<ServiceOverrides> m_serviceOverrides;  // parallel to m_config->services
};

}  // namespace Balancier
