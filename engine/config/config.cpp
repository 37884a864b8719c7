#include "config.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

// Returns const or non-const pointers to match the list it searches.
template<typename List>
auto findByName(List &items, QStringView name) -> decltype(items.data())
{
    for (auto &item : items) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

}  // namespace

QString LimitConfig::rateText() const
{
    if (rate <= 0)
        return {};
    return QString::number(rate) + (ratePeriodS == 60 ? QStringLiteral("/m") : QStringLiteral("/s"));
}

bool LimitConfig::parseRate(QStringView text, int *rateOut, int *periodS, QString *error)
{
    const QStringView trimmed = text.trimmed();
    const qsizetype slash = trimmed.indexOf(u'/');
    const auto fail = [&] {
        if (error) {
            *error = QStringLiteral("\"%1\" is not a rate; expected connections per second or minute, "
                                    "e.g. \"10/s\" or \"600/m\"")
                         .arg(text);
        }
        return false;
    };
    if (slash <= 0)
        return fail();
    const QStringView number = trimmed.left(slash).trimmed();
    const QStringView unit = trimmed.mid(slash + 1).trimmed();
    for (const QChar c : number) {
        if (!c.isDigit() || c.unicode() > 127)
            return fail();
    }
    bool ok = false;
    const qlonglong value = number.toLongLong(&ok);
    int period = 0;
    if (unit == u"s" || unit == u"sec")
        period = 1;
    else if (unit == u"m" || unit == u"min")
        period = 60;
    if (!ok || period == 0)
        return fail();
    if (value < 1 || value > maxRate) {
        if (error)
            *error = QStringLiteral("rate %1 is out of range; expected 1 to %2 connections per %3")
                         .arg(number)
                         .arg(maxRate)
                         .arg(period == 1 ? QStringLiteral("second") : QStringLiteral("minute"));
        return false;
    }
    *rateOut = int(value);
    *periodS = period;
    return true;
}

QString hostAdminStateName(HostAdminState state)
{
    switch (state) {
    case HostAdminState::Ready:
        return u"ready"_s;
    case HostAdminState::Drain:
        return u"drain"_s;
    case HostAdminState::Maintenance:
        return u"maintenance"_s;
    }
    return u"ready"_s;
}

std::optional<HostAdminState> hostAdminStateFromName(QStringView name)
{
    if (name == u"ready")
        return HostAdminState::Ready;
    if (name == u"drain")
        return HostAdminState::Drain;
    if (name == u"maintenance")
        return HostAdminState::Maintenance;
    return std::nullopt;
}

QString proxySendModeName(ProxySendMode mode)
{
    switch (mode) {
    case ProxySendMode::None:
        return u"no"_s;
    case ProxySendMode::V1:
        return u"v1"_s;
    case ProxySendMode::V2:
        return u"v2"_s;
    }
    return u"no"_s;
}

std::optional<ProxySendMode> proxySendModeFromName(QStringView name)
{
    if (name == u"no")
        return ProxySendMode::None;
    if (name == u"v1")
        return ProxySendMode::V1;
    if (name == u"v2")
        return ProxySendMode::V2;
    return std::nullopt;
}

QString hostResolveModeName(HostResolveMode mode)
{
    return mode == HostResolveMode::All ? u"all"_s : u"first"_s;
}

std::optional<HostResolveMode> hostResolveModeFromName(QStringView name)
{
    if (name == u"first")
        return HostResolveMode::First;
    if (name == u"all")
        return HostResolveMode::All;
    return std::nullopt;
}

QString hostDownActionName(HostDownAction action)
{
    return action == HostDownAction::ShutdownSessions ? u"shutdown-sessions"_s : u"none"_s;
}

std::optional<HostDownAction> hostDownActionFromName(QStringView name)
{
    if (name == u"none")
        return HostDownAction::None;
    if (name == u"shutdown-sessions")
        return HostDownAction::ShutdownSessions;
    return std::nullopt;
}

QString drainThenName(DrainThen then)
{
    switch (then) {
    case DrainThen::Remove:
        return u"remove"_s;
    case DrainThen::Maintenance:
        return u"maintenance"_s;
    case DrainThen::None:
        break;
    }
    return u"none"_s;
}

std::optional<DrainThen> drainThenFromName(QStringView name)
{
    if (name == u"none")
        return DrainThen::None;
    if (name == u"remove")
        return DrainThen::Remove;
    if (name == u"maintenance")
        return DrainThen::Maintenance;
    return std::nullopt;
}

QString primaryUpActionName(PrimaryUpAction action)
{
    return action == PrimaryUpAction::ShutdownBackupSessions ? u"shutdown-backup-sessions"_s : u"none"_s;
}

std::optional<PrimaryUpAction> primaryUpActionFromName(QStringView name)
{
    if (name == u"none")
        return PrimaryUpAction::None;
    if (name == u"shutdown-backup-sessions")
        return PrimaryUpAction::ShutdownBackupSessions;
    return std::nullopt;
}

QString proxyVersionsName(quint8 versions)
{
    QStringList names;
    if (versions & ListenerProxyConfig::V1)
        names.append(u"v1"_s);
    if (versions & ListenerProxyConfig::V2)
        names.append(u"v2"_s);
    return names.join(u',');
}

std::optional<quint8> proxyVersionsFromName(QStringView text)
{
    quint8 versions = 0;
    for (const QStringView part : text.split(u',')) {
        const QStringView word = part.trimmed();
        if (word == u"v1")
            versions |= ListenerProxyConfig::V1;
        else if (word == u"v2")
            versions |= ListenerProxyConfig::V2;
        else
            return std::nullopt;
    }
    return versions == 0 ? std::nullopt : std::optional<quint8>(versions);
}

const ListenerProxyConfig *ServiceConfig::proxyOptions(QStringView listener) const
{
    for (const ListenerProxyConfig &options : listenerProxy) {
        if (options.listener == listener)
            return &options;
    }
    return nullptr;
}

ListenerProxyConfig *ServiceConfig::proxyOptions(QStringView listener)
{
    for (ListenerProxyConfig &options : listenerProxy) {
        if (options.listener == listener)
            return &options;
    }
    return nullptr;
}

// TLS routing (<route>).

QString RouteConfig::label() const
{
    if (plain)
        return QStringLiteral("plain");
    QStringList parts;
    if (!sni.isEmpty())
        parts.append(QStringLiteral("sni=") + sni.join(u','));
    if (!alpn.isEmpty())
        parts.append(QStringLiteral("alpn=") + alpn.join(u','));
    return parts.join(u' ');
}

const RouteConfig *ServiceConfig::plainRoute() const
{
    for (const RouteConfig &route : routes) {
        if (route.plain)
            return &route;
    }
    return nullptr;
}

const ListenerTlsConfig *ServiceConfig::tlsOptions(QStringView listener) const
{
    for (const ListenerTlsConfig &options : listenerTls) {
        if (options.listener == listener)
            return &options;
    }
    return nullptr;
}

ListenerTlsConfig *ServiceConfig::tlsOptions(QStringView listener)
{
    for (ListenerTlsConfig &options : listenerTls) {
        if (options.listener == listener)
            return &options;
    }
    return nullptr;
}

QStringList ListenerTlsConfig::files() const
{
    QStringList out;
    const auto add = [&out](const QString &file) {
        if (!file.isEmpty() && !out.contains(file))
            out.append(file);
    };
    add(cert);
    add(key);
    add(clientCa);
    for (const TlsCertificateConfig &extra : certificates) {
        add(extra.file);
        add(extra.key);
    }
    return out;
}

const HostConfig *GroupConfig::host(QStringView hostName) const
{
    return findByName(hosts, hostName);
}

HostConfig *GroupConfig::host(QStringView hostName)
{
    return findByName(hosts, hostName);
}

const GroupConfig *ServiceConfig::group(QStringView groupName) const
{
    return findByName(groups, groupName);
}

GroupConfig *ServiceConfig::group(QStringView groupName)
{
    return findByName(groups, groupName);
}

const ServiceConfig *Config::service(QStringView serviceName) const
{
    return findByName(services, serviceName);
}

ServiceConfig *Config::service(QStringView serviceName)
{
    return findByName(services, serviceName);
}

HealthConfig Config::effectiveHealth(const ServiceConfig &serviceConfig, const GroupConfig &groupConfig) const
{
    // A stored override is complete (the reader resolves attribute-by-attribute
    // inheritance when it reads the file), so the nearest one wins outright.
    if (groupConfig.health)
        return *groupConfig.health;
    if (serviceConfig.health)
        return *serviceConfig.health;
    return health;
}

TimeoutConfig Config::effectiveTimeouts(const ServiceConfig &serviceConfig) const
{
    return serviceConfig.timeouts ? *serviceConfig.timeouts : timeouts;
}

// --- alerts (<alert>) ---

QString AlertConfig::displayName() const
{
    if (!exec.isEmpty())
        return u"exec "_s + exec;
    // Only scheme, host and port: a webhook's path or query is often its secret.
    const QUrl parsed(url);
    QString text = parsed.scheme() + u"://"_s + parsed.host();
    if (parsed.port() > 0)
        text += u':' + QString::number(parsed.port());
    return u"webhook "_s + text;
}

QString AlertConfig::rateText() const
{
    return QString::number(rate) + (ratePeriodS == 60 ? u"/m"_s : u"/s"_s);
}

namespace {

struct AlertKindName
{
    quint8 bit;
    QLatin1StringView name;
};
constexpr AlertKindName alertKindNames[] = {
    {AlertConfig::Host, QLatin1StringView("host")},
    {AlertConfig::Group, QLatin1StringView("group")},
    {AlertConfig::ConfigApplied, QLatin1StringView("config")},
    {AlertConfig::Cert, QLatin1StringView("cert")},
};

}  // namespace

QString alertKindsName(quint8 kinds)
{
    QStringList names;
    for (const AlertKindName &kind : alertKindNames) {
        if (kinds & kind.bit)
            names.append(kind.name);
    }
    return names.join(u',');
}

std::optional<quint8> alertKindsFromName(QStringView text, QString *bad)
{
    quint8 kinds = 0;
    for (QStringView word : text.split(u',')) {
        word = word.trimmed();
        if (word.isEmpty())
            continue;
        bool known = false;
        for (const AlertKindName &kind : alertKindNames) {
            if (word == kind.name) {
                kinds |= kind.bit;
                known = true;
            }
        }
        if (!known) {
            if (bad)
                *bad = word.toString();
            return std::nullopt;
        }
    }
    if (kinds == 0) {
        if (bad)
            bad->clear();
        return std::nullopt;
    }
    return kinds;
}

QString alertFormatName(AlertConfig::Format format)
{
    return format == AlertConfig::Format::Slack ? u"slack"_s : u"json"_s;
}

std::optional<AlertConfig::Format> alertFormatFromName(QStringView name)
{
    if (name == u"json")
        return AlertConfig::Format::Json;
    if (name == u"slack")
        return AlertConfig::Format::Slack;
    return std::nullopt;
}

}  // namespace Balancier
