#include "config/configattributes.h"

#include "configxmlstream.h"
#include "decimal.h"
#include "duration.h"
#include "schedulerregistry.h"
#include "xmlnode.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Balancier::ConfigAttributes {

namespace {

QString escapeBytes(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size());
    for (const char byte : bytes) {
        const auto c = static_cast<unsigned char>(byte);
        switch (c) {
        case '\\':
            out += "\\\\"_L1;
            break;
        case '\r':
            out += "\\r"_L1;
            break;
        case '\n':
            out += "\\n"_L1;
            break;
        case '\t':
            out += "\\t"_L1;
            break;
        default:
            if (c >= 0x20 && c < 0x7f)
                out += QLatin1Char(byte);
            else
                out += "\\x"_L1 + QString::number(c, 16).toUpper().rightJustified(2, u'0');
        }
    }
    return out;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// The bytes a send/expect attribute stands for, read as the reader reads it.
std::optional<QByteArray> unescapeBytes(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= utf8.size())
            return std::nullopt;
        switch (utf8.at(i)) {
        case 'r':
            out += '\r';
            break;
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case '\\':
            out += '\\';
            break;
        case 'x': {
            const int high = i + 2 < utf8.size() ? hexValue(utf8.at(i + 1)) : -1;
            const int low = i + 2 < utf8.size() ? hexValue(utf8.at(i + 2)) : -1;
            if (high < 0 || low < 0)
                return std::nullopt;
            out += static_cast<char>(high * 16 + low);
            i += 2;
            break;
        }
        default:
            return std::nullopt;
        }
    }
    return out;
}

/// The value an attribute text stands for, as a comparable string; nullopt
/// when the text is not valid for its kind (then it differs from anything).
std::optional<QString> canonical(ValueKind kind, QStringView text)
{
    switch (kind) {
    case ValueKind::Text:
    case ValueKind::Keyword:
        return text.toString();
    case ValueKind::Integer: {
        // Digits with an optional minus, as the reader takes them.
        const QStringView digits = text.trimmed();
        const QStringView magnitude = digits.startsWith(u'-') ? digits.sliced(1) : digits;
        bool ok = !magnitude.isEmpty() && std::all_of(magnitude.begin(), magnitude.end(), [](QChar c) {
            return c >= u'0' && c <= u'9';
        });
        const qlonglong value = ok ? digits.toLongLong(&ok) : 0;
        return ok ? std::optional<QString>(QString::number(value)) : std::nullopt;
    }
    case ValueKind::Duration: {
        const std::optional<qint64> value = parseDuration(text);
        return value ? std::optional<QString>(QString::number(*value)) : std::nullopt;
    }
    case ValueKind::Boolean: {
        const std::optional<bool> value = ConfigXmlStream::parseBool(text);
        return value ? std::optional<QString>(*value ? u"1"_s : u"0"_s) : std::nullopt;
    }
    case ValueKind::Scheduler: {
        // An unknown name is kept as written, like the reader keeps it.
        const QString name = SchedulerRegistry::canonicalName(text);
        return name.isEmpty() ? text.toString() : name;
    }
    case ValueKind::Bytes: {
        const std::optional<QByteArray> bytes = unescapeBytes(text);
        return bytes ? std::optional<QString>(QString::fromLatin1(bytes->toHex())) : std::nullopt;
    }
    case ValueKind::Decimal: {
        const std::optional<double> value = parseDecimal(text);
        return value ? std::optional<QString>(formatDecimal(*value)) : std::nullopt;
    }
    case ValueKind::CommaList: {
        QStringList items;
        for (const QStringView item : text.split(u','))
            if (!item.trimmed().isEmpty())
                items.append(item.trimmed().toString());
        return items.join(u',');
    }
    case ValueKind::ProxyVersions: {
        if (text.trimmed() == u"no")
            return u"no"_s;
        const std::optional<quint8> versions = proxyVersionsFromName(text);
        return versions ? std::optional<QString>(proxyVersionsName(*versions)) : std::nullopt;
    }
    case ValueKind::AdminState: {
        const std::optional<HostAdminState> state = hostAdminStateFromName(text);
        return state ? std::optional<QString>(hostAdminStateName(*state)) : std::nullopt;
    }
    }
    return std::nullopt;
}

bool sameValue(ValueKind kind, QStringView a, QStringView b)
{
    const std::optional<QString> ca = canonical(kind, a);
    return ca && ca == canonical(kind, b);
}

}  // namespace

QString yesNo(bool value)
{
    return value ? u"yes"_s : u"no"_s;
}

/// Sets the attributes of `element` to what the model says. An attribute
/// already written keeps its spelling when it still reads the same; a
/// missing one is added only when the reader would otherwise infer a
/// different value, at its canonical place among the known attributes.
void applyAttributes(XmlNode &element, const QList<Attribute> &attributes, bool isNew)
{
    for (qsizetype i = 0; i < attributes.size(); ++i) {
        const Attribute &attribute = attributes.at(i);
        const qsizetype index = element.attributeIndex(attribute.name);
        if (index >= 0) {
            if (!sameValue(attribute.kind, element.attributes.at(index).value, attribute.value))
                element.attributes[index].value = attribute.value;
            continue;
        }
        const bool inferred
            = attribute.absent && sameValue(attribute.kind, *attribute.absent, attribute.value);
        if (inferred && !(isNew && attribute.alwaysWrite))
            continue;
        // After every known attribute that precedes it canonically.
        qsizetype position = 0;
        for (qsizetype j = 0; j < i; ++j)
            position = std::max(position, element.attributeIndex(attributes.at(j).name) + 1);
        element.insertAttribute(position, attribute.name, attribute.value);
    }
}

// ---- the attributes of each element ---------------------------------------

QList<Attribute> settingsAttributes(const SettingsConfig &settings)
{
    const SettingsConfig defaults;
    const auto persistName = [](PersistMode mode) {
        return mode == PersistMode::Auto ? u"auto"_s : u"manual"_s;
    };
    return {
        {"workers"_L1, ValueKind::Integer, QString::number(settings.workers),
            QString::number(defaults.workers)},
        {"maxconns"_L1, ValueKind::Integer, QString::number(settings.maxConnections),
            QString::number(defaults.maxConnections)},
        {"draintimeout"_L1, ValueKind::Duration, formatDuration(settings.drainTimeoutMs),
            formatDuration(defaults.drainTimeoutMs)},
        {"persist"_L1, ValueKind::Keyword, persistName(settings.persist), persistName(defaults.persist)},
        {"history"_L1, ValueKind::Integer, QString::number(settings.history),
            QString::number(defaults.history)},
        // DNS discovery
        {"dnsserver"_L1, ValueKind::Text, settings.dnsServer, defaults.dnsServer},
        {"dnsinterval"_L1, ValueKind::Duration, formatDuration(settings.dnsIntervalMs),
            formatDuration(defaults.dnsIntervalMs)},
    };
}

QList<Attribute> checkTimeAttributes(qint64 checkTimeMs)
{
    return {{"time"_L1, ValueKind::Duration, formatDuration(checkTimeMs), formatDuration(0)}};
}

/// `inherited`: what the element's parent level says, which a reader takes
/// for every attribute the element leaves out.
QList<Attribute> healthAttributes(const HealthConfig &health, const HealthConfig &inherited)
{
    return {
        {"interval"_L1, ValueKind::Duration, formatDuration(health.intervalMs),
            formatDuration(inherited.intervalMs)},
        {"timeout"_L1, ValueKind::Duration, formatDuration(health.timeoutMs),
            formatDuration(inherited.timeoutMs)},
        {"rise"_L1, ValueKind::Integer, QString::number(health.rise), QString::number(inherited.rise)},
        {"fall"_L1, ValueKind::Integer, QString::number(health.fall), QString::number(inherited.fall)},
        {"downinterval"_L1, ValueKind::Duration, formatDuration(health.downIntervalMs),
            formatDuration(inherited.downIntervalMs)},
        {"aggressiveinterval"_L1, ValueKind::Duration, formatDuration(health.aggressiveIntervalMs),
            formatDuration(inherited.aggressiveIntervalMs)},
        {"active"_L1, ValueKind::Boolean, yesNo(health.active), yesNo(inherited.active)},
        {"send"_L1, ValueKind::Bytes, escapeBytes(health.send), escapeBytes(inherited.send)},
        {"expect"_L1, ValueKind::Bytes, escapeBytes(health.expect), escapeBytes(inherited.expect)},
    };
}

QList<Attribute> timeoutAttributes(const TimeoutConfig &timeouts, const TimeoutConfig &inherited)
{
    return {
        {"connect"_L1, ValueKind::Duration, formatDuration(timeouts.connectMs),
            formatDuration(inherited.connectMs)},
        {"idle"_L1, ValueKind::Duration, formatDuration(timeouts.idleMs), formatDuration(inherited.idleMs)},
    };
}

QList<Attribute> loggingAttributes(const LoggingConfig &logging)
{
    const LoggingConfig defaults;
    return {
        {"file"_L1, ValueKind::Text, logging.file, defaults.file},
        {"level"_L1, ValueKind::Keyword, logging.level, defaults.level},
        {"connections"_L1, ValueKind::Boolean, yesNo(logging.connections), yesNo(defaults.connections)},
        {"format"_L1, ValueKind::Keyword, logging.format, defaults.format},
        {"interim"_L1, ValueKind::Duration, formatDuration(logging.interimMs),
            formatDuration(defaults.interimMs)},
        {"atconnect"_L1, ValueKind::Boolean, yesNo(logging.atConnect), yesNo(defaults.atConnect)},
        {"to"_L1, ValueKind::Keyword, logging.to, defaults.to},
        {"syslog"_L1, ValueKind::Text, logging.syslog, defaults.syslog},
    };
}

QList<Attribute> adminAttributes(const AdminConfig &admin)
{
    const AdminConfig defaults;
    return {
        {"listen"_L1, ValueKind::Text, admin.listen, defaults.listen, true},
        {"cert"_L1, ValueKind::Text, admin.tlsCertificate, defaults.tlsCertificate},
        {"key"_L1, ValueKind::Text, admin.tlsKey, defaults.tlsKey},
        {"insecure"_L1, ValueKind::Boolean, yesNo(admin.allowInsecureRemote),
            yesNo(defaults.allowInsecureRemote)},
        {"metricspublic"_L1, ValueKind::Boolean, yesNo(admin.metricsPublic), yesNo(defaults.metricsPublic)},
        {"healthpublic"_L1, ValueKind::Boolean, yesNo(admin.healthPublic), yesNo(defaults.healthPublic)},
        {"origins"_L1, ValueKind::Text, admin.origins.join(u' '), defaults.origins.join(u' ')},
    };
}

QList<Attribute> haAttributes(const HaConfig &ha)
{
    const HaConfig defaults;
    return {
        {"vip"_L1, ValueKind::Text, ha.vip, defaults.vip},
        {"statefile"_L1, ValueKind::Text, ha.stateFile, defaults.stateFile},
    };
}

QList<Attribute> alertAttributes(const AlertConfig &alert)
{
    const AlertConfig defaults;
    return {
        {"url"_L1, ValueKind::Text, alert.url, defaults.url},
        {"exec"_L1, ValueKind::Text, alert.exec, defaults.exec},
        {"events"_L1, ValueKind::CommaList, alertKindsName(alert.events), alertKindsName(defaults.events)},
        {"services"_L1, ValueKind::CommaList, alert.services.join(u','), QString()},
        {"groups"_L1, ValueKind::CommaList, alert.groups.join(u','), QString()},
        {"timeout"_L1, ValueKind::Duration, formatDuration(alert.timeoutMs),
            formatDuration(defaults.timeoutMs)},
        {"retries"_L1, ValueKind::Integer, QString::number(alert.retries), QString::number(defaults.retries)},
        {"backoff"_L1, ValueKind::Duration, formatDuration(alert.backoffMs),
            formatDuration(defaults.backoffMs)},
        {"ratelimit"_L1, ValueKind::Text, alert.rateText(), defaults.rateText()},
        {"queue"_L1, ValueKind::Integer, QString::number(alert.queue), QString::number(defaults.queue)},
        {"format"_L1, ValueKind::Keyword, alertFormatName(alert.format), alertFormatName(defaults.format)},
    };
}

QString accessName(AdminUser::Access access)
{
    return access == AdminUser::Access::Full ? u"full"_s : u"readonly"_s;
}

QList<Attribute> userAttributes(const AdminUser &user)
{
    return {
        {"name"_L1, ValueKind::Text, user.name, std::nullopt, true},
        {"password"_L1, ValueKind::Text, user.passwordHash, std::nullopt, true},
        {"access"_L1, ValueKind::Keyword, accessName(user.access), accessName(AdminUser().access), true},
    };
}

QList<Attribute> aclAttributes(const AclConfig &acl)
{
    return {{"default"_L1, ValueKind::Keyword, acl.defaultAllow ? u"allow"_s : u"deny"_s, u"allow"_s, true}};
}

QList<Attribute> limitAttributes(const LimitConfig &limit)
{
    const LimitConfig defaults;
    QList<Attribute> out = {
        {"perip"_L1, ValueKind::Integer, QString::number(limit.perIp), QString::number(defaults.perIp)},
        {"prefix"_L1, ValueKind::Integer, QString::number(limit.prefix), QString::number(defaults.prefix)},
        {"prefix6"_L1, ValueKind::Integer, QString::number(limit.prefix6), QString::number(defaults.prefix6)},
    };
    // rate and burst have no written default: they are there or not (syncLimit removes them).
    if (limit.rate > 0)
        out.append({"rate"_L1, ValueKind::Text, limit.rateText(), std::nullopt, true});
    if (limit.burst > 0)
        out.append({"burst"_L1, ValueKind::Integer, QString::number(limit.burst), std::nullopt, true});
    out.append({"mode"_L1, ValueKind::Keyword, limit.dryRun ? u"dryrun"_s : u"enforce"_s, u"enforce"_s});
    out.append(
        {"table"_L1, ValueKind::Integer, QString::number(limit.table), QString::number(defaults.table)});
    return out;
}

QList<Attribute> groupAttributes(const GroupConfig &group)
{
    const GroupConfig defaults;
    return {
        {"name"_L1, ValueKind::Text, group.name, std::nullopt, true},
        {"scheduler"_L1, ValueKind::Scheduler, group.scheduler, defaults.scheduler},
        {"stickytime"_L1, ValueKind::Duration, formatDuration(group.stickyTimeoutMs),
            formatDuration(defaults.stickyTimeoutMs)},
        {"tablesize"_L1, ValueKind::Integer, QString::number(group.maglevTableSize),
            QString::number(defaults.maglevTableSize)},
        {"balancefactor"_L1, ValueKind::Decimal, formatDecimal(group.balanceFactor),
            formatDecimal(defaults.balanceFactor)},
        {"proxy"_L1, ValueKind::Keyword, proxySendModeName(group.proxy), proxySendModeName(defaults.proxy)},
        // Issue 16: backups and health changes.
        {"ondown"_L1, ValueKind::Keyword, hostDownActionName(group.onDown),
            hostDownActionName(defaults.onDown)},
        {"onprimaryup"_L1, ValueKind::Keyword, primaryUpActionName(group.onPrimaryUp),
            primaryUpActionName(defaults.onPrimaryUp)},
        {"allbackups"_L1, ValueKind::Boolean, yesNo(group.allBackups), yesNo(defaults.allBackups)},
        // backend feedback
        {"slowstart"_L1, ValueKind::Duration, formatDuration(group.slowStartMs),
            formatDuration(defaults.slowStartMs)},
        {"agent"_L1, ValueKind::Integer, QString::number(group.agent.port),
            QString::number(defaults.agent.port)},
        {"agentinterval"_L1, ValueKind::Duration, formatDuration(group.agent.intervalMs),
            formatDuration(defaults.agent.intervalMs)},
        {"agentsend"_L1, ValueKind::Bytes, escapeBytes(group.agent.send), escapeBytes(defaults.agent.send)},
    };
}

QList<Attribute> hostAttributes(const HostConfig &host)
{
    const HostConfig defaults;
    QList<Attribute> attributes{
        {"name"_L1, ValueKind::Text, host.name, std::nullopt, true},
        {"ip"_L1, ValueKind::Text, host.address, std::nullopt, true},
        {"weight"_L1, ValueKind::Integer, QString::number(host.weight), QString::number(defaults.weight)},
        {"maxconns"_L1, ValueKind::Integer, QString::number(host.maxConns),
            QString::number(defaults.maxConns)},
        {"state"_L1, ValueKind::AdminState, hostAdminStateName(host.adminState),
            hostAdminStateName(defaults.adminState)},
    };
    // DNS discovery
    attributes.append({"resolve"_L1, ValueKind::Keyword, hostResolveModeName(host.resolve),
        hostResolveModeName(defaults.resolve)});
    // proxy: written only when the host has its own choice (syncHost removes it otherwise).
    if (host.proxy)
        attributes.append(
            {"proxy"_L1, ValueKind::Keyword, proxySendModeName(*host.proxy), std::nullopt, true});
    // Issue 16: a backup host; a guided drain's deadline and action (written
    // only while there is one: syncHost removes them otherwise).
    attributes.append({"backup"_L1, ValueKind::Boolean, yesNo(host.backup), yesNo(defaults.backup)});
    if (host.drainDeadlineMs > 0)
        attributes.append({"draindeadline"_L1, ValueKind::Text,
            QDateTime::fromMSecsSinceEpoch(host.drainDeadlineMs, QTimeZone::utc()).toString(Qt::ISODate),
            std::nullopt, true});
    if (host.drainThen != DrainThen::None)
        attributes.append(
            {"drainthen"_L1, ValueKind::Keyword, drainThenName(host.drainThen), std::nullopt, true});
    // backend feedback: each written only when the host has its own (syncHost removes the others).
    if (host.slowStartMs)
        attributes.append(
            {"slowstart"_L1, ValueKind::Duration, formatDuration(*host.slowStartMs), std::nullopt, true});
    if (host.agentPort)
        attributes.append(
            {"agent"_L1, ValueKind::Integer, QString::number(*host.agentPort), std::nullopt, true});
    if (host.agentIntervalMs)
        attributes.append({"agentinterval"_L1, ValueKind::Duration, formatDuration(*host.agentIntervalMs),
            std::nullopt, true});
    if (host.agentSend)
        attributes.append(
            {"agentsend"_L1, ValueKind::Bytes, escapeBytes(*host.agentSend), std::nullopt, true});
    return attributes;
}

QList<Attribute> discoverAttributes(const DiscoverConfig &discover)
{
    const DiscoverConfig defaults;
    return {
        {"srv"_L1, ValueKind::Text, discover.srv, std::nullopt, true},
        {"interval"_L1, ValueKind::Duration, formatDuration(discover.intervalMs),
            formatDuration(defaults.intervalMs)},
    };
}

QList<Attribute> listenAttributes(
    const QString &listener, bool optional, const ListenerProxyConfig *proxy, const ListenerTlsConfig *tls)
{
    const ListenerProxyConfig defaults;
    const ListenerProxyConfig &options = proxy ? *proxy : defaults;
    QList<Attribute> attributes{
        {"ip"_L1, ValueKind::Text, listener, std::nullopt, true},
        {"optional"_L1, ValueKind::Boolean, yesNo(optional), u"no"_s},
        {"acceptproxy"_L1, ValueKind::ProxyVersions,
            options.versions ? proxyVersionsName(options.versions) : u"no"_s, u"no"_s},
        {"trusted"_L1, ValueKind::CommaList, options.trusted.join(u','), QString()},
        {"proxytimeout"_L1, ValueKind::Duration, formatDuration(options.timeoutMs),
            formatDuration(defaults.timeoutMs)},
    };
    if (tls) {
        const ListenerTlsConfig none;
        attributes += QList<Attribute>{
            {"tls"_L1, ValueKind::Keyword, tls->terminate ? u"terminate"_s : u"no"_s, u"no"_s, true},
            {"cert"_L1, ValueKind::Text, tls->cert, QString()},
            {"key"_L1, ValueKind::Text, tls->key, QString()},
            {"minversion"_L1, ValueKind::Keyword, tls->minVersion, none.minVersion},
            {"ciphers"_L1, ValueKind::Text, tls->ciphers, QString()},
            {"ciphersuites"_L1, ValueKind::Text, tls->cipherSuites, QString()},
            {"alpn"_L1, ValueKind::CommaList, tls->alpn.join(u','), QString()},
            {"clientca"_L1, ValueKind::Text, tls->clientCa, QString()},
            {"verifyclient"_L1, ValueKind::Boolean, yesNo(tls->verifyClient), yesNo(none.verifyClient)},
            {"handshaketimeout"_L1, ValueKind::Duration, formatDuration(tls->handshakeTimeoutMs),
                formatDuration(none.handshakeTimeoutMs)},
        };
    }
    return attributes;
}

QList<Attribute> tlsCertificateAttributes(const TlsCertificateConfig &certificate)
{
    return {
        {"sni"_L1, ValueKind::CommaList, certificate.sni.join(u','), std::nullopt, true},
        {"file"_L1, ValueKind::Text, certificate.file, std::nullopt, true},
        {"key"_L1, ValueKind::Text, certificate.key, std::nullopt, true},
    };
}

}  // namespace Balancier::ConfigAttributes
