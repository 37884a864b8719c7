#include "nativeconfigparser.h"

#include "cidr.h"
#include "configlimits.h"
#include "configxmlstream.h"
#include "decimal.h"
#include "discoverlimits.h"
#include "routerules.h"
#include "schedulerregistry.h"
#include "schedulingoptions.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

constexpr int intMax = std::numeric_limits<int>::max();

}  // namespace

NativeConfigParser::NativeConfigParser(ConfigXmlStream &xml, Config *config)
    : m_xml(xml)
    , m_config(config)
{ }

HealthConfig NativeConfigParser::HealthOverride::appliedTo(HealthConfig base) const
{
    base.intervalMs = intervalMs.value_or(base.intervalMs);
    base.timeoutMs = timeoutMs.value_or(base.timeoutMs);
    base.rise = rise.value_or(base.rise);
    base.fall = fall.value_or(base.fall);
    base.downIntervalMs = downIntervalMs.value_or(base.downIntervalMs);
    base.aggressiveIntervalMs = aggressiveIntervalMs.value_or(base.aggressiveIntervalMs);
    base.active = active.value_or(base.active);
    base.send = send.value_or(base.send);
    base.expect = expect.value_or(base.expect);
    return base;
}

TimeoutConfig NativeConfigParser::TimeoutOverride::appliedTo(TimeoutConfig base) const
{
    base.connectMs = connectMs.value_or(base.connectMs);
    base.idleMs = idleMs.value_or(base.idleMs);
    return base;
}

bool NativeConfigParser::readVersion()
{
    m_xml.checkAttributes({u"version"_s});
    const std::optional<QString> version = m_xml.requiredAttribute(u"version");
    if (!version)
        return false;
    if (version->trimmed() != u"1") {
        // A later format may mean something else by the same words: read nothing.
        m_xml.attributeError(
            u"version", u"unsupported version \""_s + *version + u"\"; this program reads version 1"_s);
        return false;
    }
    m_config->version = 1;
    return true;
}

bool NativeConfigParser::parse()
{
    if (!readVersion())
        return false;

    bool seenSettings = false;
    bool seenCheckTime = false;
    bool seenHealth = false;
    bool seenTimeouts = false;
    bool seenLogging = false;
    bool seenAdmin = false;
    bool seenHa = false;
    while (m_xml.readNextChild()) {
        if (m_xml.isElement(u"service")) {
            parseService();
        } else if (m_xml.isElement(u"settings")) {
            if (claimSingle(&seenSettings))
                parseSettings();
        } else if (m_xml.isElement(u"checktime")) {
            if (claimSingle(&seenCheckTime))
                parseCheckTime();
        } else if (m_xml.isElement(u"health")) {
            if (claimSingle(&seenHealth))
                m_health = parseHealth();
        } else if (m_xml.isElement(u"timeouts")) {
            if (claimSingle(&seenTimeouts))
                m_timeouts = parseTimeouts();
        } else if (m_xml.isElement(u"logging")) {
            if (claimSingle(&seenLogging))
                parseLogging();
        } else if (m_xml.isElement(u"admin")) {
            if (claimSingle(&seenAdmin))
                parseAdmin();
        } else if (m_xml.isElement(u"ha")) {
            if (claimSingle(&seenHa))
                parseHa();
        } else if (m_xml.isElement(u"alert")) {
            parseAlert();
        } else {
            m_xml.rejectElement(u"balancier",
                {u"settings"_s, u"checktime"_s, u"health"_s, u"timeouts"_s, u"logging"_s, u"admin"_s, u"ha"_s,
                    u"alert"_s, u"service"_s});
        }
    }
    resolveOverrides();
    return true;
}

bool NativeConfigParser::claimSingle(bool *seen)
{
    if (!*seen) {
        *seen = true;
        return true;
    }
    const QString tag = u'<' + m_xml.name() + u'>';
    m_xml.error(m_xml.elementPos(), tag, u"duplicate "_s + tag + u"; expected at most one here"_s);
    m_xml.skipElement();
    return false;
}

void NativeConfigParser::parseSettings()
{
    m_xml.checkAttributes({u"workers"_s, u"maxconns"_s, u"draintimeout"_s, u"persist"_s, u"history"_s,
        u"dnsserver"_s, u"dnsinterval"_s});
    SettingsConfig &settings = m_config->settings;
    m_xml.readInt(u"workers", 0, ConfigLimits::maxWorkers, &settings.workers);
    m_xml.readInt(u"maxconns", 0, intMax, &settings.maxConnections);
    m_xml.readDuration(u"draintimeout", 0, ConfigLimits::maxDurationMs, &settings.drainTimeoutMs);
    QString persist;
    if (m_xml.readChoice(u"persist", {u"manual"_s, u"auto"_s}, &persist))
        settings.persist = persist == u"auto" ? PersistMode::Auto : PersistMode::Manual;
    m_xml.readInt(u"history", 1, ConfigLimits::maxHistory, &settings.history);
    readDnsSettings(settings);
    m_xml.readNoChildren();
}

void NativeConfigParser::parseCheckTime()
{
    m_xml.checkAttributes({u"time"_s});
    if (m_xml.requiredAttribute(u"time"))
        m_xml.readDuration(u"time", 0, ConfigLimits::maxDurationMs, &m_config->checkTimeMs);
    m_xml.readNoChildren();
}

NativeConfigParser::HealthOverride NativeConfigParser::parseHealth()
{
    m_xml.checkAttributes({u"interval"_s, u"timeout"_s, u"rise"_s, u"fall"_s, u"downinterval"_s,
        u"aggressiveinterval"_s, u"active"_s, u"send"_s, u"expect"_s});
    HealthOverride result;
    const auto duration = [this](QStringView attribute, std::optional<qint64> *out) {
        qint64 value = 0;
        if (m_xml.readDuration(attribute, 1, ConfigLimits::maxDurationMs, &value))
            *out = value;
    };
    const auto count = [this](QStringView attribute, std::optional<int> *out) {
        int value = 0;
        if (m_xml.readInt(attribute, 1, ConfigLimits::maxRiseFall, &value))
            *out = value;
    };
    duration(u"interval", &result.intervalMs);
    duration(u"timeout", &result.timeoutMs);
    count(u"rise", &result.rise);
    count(u"fall", &result.fall);
    duration(u"downinterval", &result.downIntervalMs);
    duration(u"aggressiveinterval", &result.aggressiveIntervalMs);
    bool active = true;
    if (m_xml.readBool(u"active", &active))
        result.active = active;
    QByteArray bytes;
    if (m_xml.readEscapedBytes(u"send", &bytes))
        result.send = bytes;
    if (m_xml.readEscapedBytes(u"expect", &bytes))
        result.expect = bytes;
    m_xml.readNoChildren();
    return result;
}

NativeConfigParser::TimeoutOverride NativeConfigParser::parseTimeouts()
{
    m_xml.checkAttributes({u"connect"_s, u"idle"_s});
    TimeoutOverride result;
    qint64 value = 0;
    if (m_xml.readDuration(u"connect", 1, ConfigLimits::maxDurationMs, &value))
        result.connectMs = value;
    if (m_xml.readDuration(u"idle", 0, ConfigLimits::maxDurationMs, &value))
        result.idleMs = value;
    m_xml.readNoChildren();
    return result;
}

void NativeConfigParser::parseLogging()
{
    m_xml.checkAttributes({u"file"_s, u"level"_s, u"connections"_s, u"format"_s, u"to"_s, u"syslog"_s,
        u"interim"_s, u"atconnect"_s});
    LoggingConfig &logging = m_config->logging;
    if (m_xml.hasAttribute(u"file"))
        logging.file = m_xml.attribute(u"file");
    m_xml.readChoice(u"level", {u"debug"_s, u"info"_s, u"warning"_s, u"critical"_s}, &logging.level);
    m_xml.readBool(u"connections", &logging.connections);
    m_xml.readChoice(u"format", {u"text"_s, u"json"_s}, &logging.format);
    m_xml.readChoice(u"to", {u"log"_s, u"syslog"_s}, &logging.to);
    if (m_xml.hasAttribute(u"syslog"))
        logging.syslog = m_xml.attribute(u"syslog").trimmed();
    qint64 interim = 0;
    if (m_xml.readDuration(u"interim", 0, ConfigLimits::maxDurationMs, &interim))
        logging.interimMs = interim;
    m_xml.readBool(u"atconnect", &logging.atConnect);
    m_xml.readNoChildren();
}

void NativeConfigParser::parseAdmin()
{
    m_xml.checkAttributes({u"listen"_s, u"cert"_s, u"key"_s, u"insecure"_s, u"metricspublic"_s,
        u"healthpublic"_s, u"origins"_s});
    AdminConfig &admin = m_config->admin;
    admin.enabled = true;
    admin.pos = m_xml.elementPos();
    if (m_xml.hasAttribute(u"listen"))
        admin.listen = m_xml.attribute(u"listen");
    if (m_xml.hasAttribute(u"cert"))
        admin.tlsCertificate = m_xml.attribute(u"cert");
    if (m_xml.hasAttribute(u"key"))
        admin.tlsKey = m_xml.attribute(u"key");
    m_xml.readBool(u"insecure", &admin.allowInsecureRemote);
    m_xml.readBool(u"metricspublic", &admin.metricsPublic);
    m_xml.readBool(u"healthpublic", &admin.healthPublic);
    if (m_xml.hasAttribute(u"origins"))
        admin.origins = m_xml.attribute(u"origins").simplified().split(u' ', Qt::SkipEmptyParts);
    while (m_xml.readNextChild()) {
        if (m_xml.isElement(u"user"))
            parseUser();
        else
            m_xml.rejectElement(u"admin", {u"user"_s});
    }
}

void NativeConfigParser::parseHa()
{
    m_xml.checkAttributes({u"vip"_s, u"statefile"_s});
    HaConfig &ha = m_config->ha;
    ha.enabled = true;
    ha.pos = m_xml.elementPos();
    if (m_xml.hasAttribute(u"vip"))
        ha.vip = m_xml.attribute(u"vip").trimmed();
    if (m_xml.hasAttribute(u"statefile"))
        ha.stateFile = m_xml.attribute(u"statefile");
    m_xml.readNoChildren();
}

void NativeConfigParser::parseAlert()
{
    m_xml.checkAttributes({u"url"_s, u"exec"_s, u"events"_s, u"services"_s, u"groups"_s, u"timeout"_s,
        u"retries"_s, u"backoff"_s, u"ratelimit"_s, u"queue"_s, u"format"_s});
    AlertConfig alert;
    alert.pos = m_xml.elementPos();
    // Whether it has a url or an exec (one of them, and a good one) is the validator's.
    if (m_xml.hasAttribute(u"url"))
        alert.url = m_xml.attribute(u"url").trimmed();
    if (m_xml.hasAttribute(u"exec"))
        alert.exec = m_xml.attribute(u"exec").trimmed();
    if (m_xml.hasAttribute(u"events")) {
        QString bad;
        if (const std::optional<quint8> kinds = alertKindsFromName(m_xml.attribute(u"events"), &bad)) {
            alert.events = *kinds;
        } else {
            m_xml.attributeError(u"events",
                (bad.isEmpty() ? u"no event kind"_s : u"unknown event kind \""_s + bad + u'"')
                    + u"; expected a comma-separated list of host, group, config, cert"_s);
        }
    }
    const auto names = [this](QStringView attribute) {
        QStringList list;
        for (const QString &name : m_xml.attribute(attribute).split(u',', Qt::SkipEmptyParts)) {
            if (!name.trimmed().isEmpty())
                list.append(name.trimmed());
        }
        return list;
    };
    if (m_xml.hasAttribute(u"services"))
        alert.services = names(u"services");
    if (m_xml.hasAttribute(u"groups"))
        alert.groups = names(u"groups");
    m_xml.readDuration(u"timeout", 1, ConfigLimits::maxAlertTimeoutMs, &alert.timeoutMs);
    m_xml.readInt(u"retries", 0, ConfigLimits::maxAlertRetries, &alert.retries);
    m_xml.readDuration(u"backoff", 1, ConfigLimits::maxAlertTimeoutMs, &alert.backoffMs);
    if (m_xml.hasAttribute(u"ratelimit")) {
        QString why;
        int rate = 0;
        int period = 0;
        if (LimitConfig::parseRate(m_xml.attribute(u"ratelimit"), &rate, &period, &why)) {
            alert.rate = rate;
            alert.ratePeriodS = period;
        } else {
            m_xml.attributeError(u"ratelimit", why.replace(u"connections"_s, u"alerts"_s));
        }
    }
    m_xml.readInt(u"queue", 1, ConfigLimits::maxAlertQueue, &alert.queue);
    QString format;
    if (m_xml.readChoice(u"format", {u"json"_s, u"slack"_s}, &format))
        alert.format = alertFormatFromName(format).value_or(AlertConfig::Format::Json);
    m_xml.readNoChildren();
    m_config->alerts.append(alert);
}

void NativeConfigParser::parseUser()
{
    m_xml.checkAttributes({u"name"_s, u"password"_s, u"access"_s});
    AdminUser user;
    user.pos = m_xml.elementPos();
    user.name = m_xml.requiredAttribute(u"name").value_or(QString());
    user.passwordHash = m_xml.requiredAttribute(u"password").value_or(QString());
    QString access;
    if (m_xml.readChoice(u"access", {u"full"_s, u"readonly"_s}, &access))
        user.access = access == u"full" ? AdminUser::Access::Full : AdminUser::Access::ReadOnly;
    m_xml.readNoChildren();
    m_config->admin.users.append(user);
}

void NativeConfigParser::parseService()
{
    m_xml.checkAttributes({u"name"_s, u"peektimeout"_s, u"peeksize"_s});
    ServiceConfig service;
    ServiceOverrides overrides;
    service.pos = m_xml.elementPos();
    service.name = m_xml.requiredAttribute(u"name").value_or(QString());
    readPeekLimits(service);
    bool seenHealth = false;
    bool seenTimeouts = false;
    bool seenEnable = false;
    bool seenAcl = false;
    bool seenLimit = false;
    while (m_xml.readNextChild()) {
        if (m_xml.isElement(u"listen")) {
            m_xml.checkAttributes({u"ip"_s, u"optional"_s, u"acceptproxy"_s, u"trusted"_s, u"proxytimeout"_s,
                u"tls"_s, u"cert"_s, u"key"_s, u"minversion"_s, u"ciphers"_s, u"ciphersuites"_s, u"alpn"_s,
                u"clientca"_s, u"verifyclient"_s, u"handshaketimeout"_s});
            const QString address = m_xml.requiredAttribute(u"ip").value_or(QString());
            service.listeners.append(address);
            service.listenerPos.items.append(m_xml.elementPos());
            bool optional = false;
            if (m_xml.readBool(u"optional", &optional) && optional
                && !service.optionalListeners.contains(address))
                service.optionalListeners.append(address);
            readListenerProxy(service, address);
            readListenerTls(service, address);
        } else if (m_xml.isElement(u"group")) {
            parseGroup(service, overrides);
        } else if (m_xml.isElement(u"enable")) {
            if (claimSingle(&seenEnable)) {
                m_xml.checkAttributes({u"group"_s});
                service.enabledGroup = m_xml.requiredAttribute(u"group").value_or(QString());
                service.enablePos = m_xml.elementPos();
                m_xml.readNoChildren();
            }
        } else if (m_xml.isElement(u"health")) {
            if (claimSingle(&seenHealth))
                overrides.health = parseHealth();
        } else if (m_xml.isElement(u"timeouts")) {
            if (claimSingle(&seenTimeouts))
                overrides.timeouts = parseTimeouts();
        } else if (m_xml.isElement(u"acl")) {
            if (claimSingle(&seenAcl))
                parseAcl(service.acl);
        } else if (m_xml.isElement(u"limit")) {
            if (claimSingle(&seenLimit))
                parseLimit(service.limit);
        } else if (m_xml.isElement(u"route")) {
            parseRoute(service);
        } else {
            m_xml.rejectElement(u"service",
                {u"listen"_s, u"timeouts"_s, u"health"_s, u"acl"_s, u"limit"_s, u"route"_s, u"group"_s,
                    u"enable"_s});
        }
    }
    // Without <enable>, the first group is live (as pythondirector's
    // documentation suggested); the model always names it.
    if (!seenEnable && !service.groups.isEmpty())
        service.enabledGroup = service.groups.constFirst().name;
    m_config->services.append(service);
    m_serviceOverrides.append(overrides);
}

void NativeConfigParser::readListenerProxy(ServiceConfig &service, const QString &address)
{
    if (!m_xml.hasAttribute(u"acceptproxy") && !m_xml.hasAttribute(u"trusted")
        && !m_xml.hasAttribute(u"proxytimeout"))
        return;
    ListenerProxyConfig options;
    options.listener = address;
    options.pos = m_xml.elementPos();
    if (m_xml.hasAttribute(u"acceptproxy")) {
        const QString written = m_xml.attribute(u"acceptproxy");
        const std::optional<quint8> versions = proxyVersionsFromName(written);
        if (versions) {
            options.versions = *versions;
        } else if (written.trimmed() != u"no") {
            // Taken as both versions so that trusted and proxytimeout are not
            // reported as well: the file is refused for this one already.
            options.versions = ListenerProxyConfig::V1 | ListenerProxyConfig::V2;
            m_xml.attributeError(u"acceptproxy",
                u'"' + written.left(40)
                    + u"\" is not a list of PROXY protocol versions; expected v1, v2 or v1,v2 (or no)"_s);
        }
    }
    if (m_xml.hasAttribute(u"trusted")) {
        // Checked address by address, with the rest of the model, by the validator.
        for (const QString &part : m_xml.attribute(u"trusted").split(u',', Qt::SkipEmptyParts)) {
            if (!part.trimmed().isEmpty())
                options.trusted.append(part.trimmed());
        }
    }
    m_xml.readDuration(u"proxytimeout", 1, ConfigLimits::maxDurationMs, &options.timeoutMs);
    if (service.proxyOptions(address))
        return;  // a duplicate <listen>: the validator reports it
    service.listenerProxy.append(options);
}

void NativeConfigParser::readListenerTls(ServiceConfig &service, const QString &address)
{
    static const QStringList tlsAttributes{u"cert"_s, u"key"_s, u"minversion"_s, u"ciphers"_s,
        u"ciphersuites"_s, u"alpn"_s, u"clientca"_s, u"verifyclient"_s, u"handshaketimeout"_s};
    ListenerTlsConfig options;
    options.listener = address;
    options.pos = m_xml.elementPos();
    QString mode;
    if (m_xml.readChoice(u"tls", {u"terminate"_s, u"no"_s}, &mode))
        options.terminate = mode == u"terminate";
    const bool any = m_xml.hasAttribute(u"tls");
    if (!options.terminate) {
        for (const QString &attribute : tlsAttributes) {
            if (m_xml.hasAttribute(attribute))
                m_xml.attributeError(attribute, u"needs tls=\"terminate\" on this <listen>"_s);
        }
    }
    options.cert = m_xml.attribute(u"cert");
    options.key = m_xml.attribute(u"key");
    if (m_xml.readChoice(u"minversion", {u"1.2"_s, u"1.3"_s}, &mode))
        options.minVersion = mode;
    options.ciphers = m_xml.attribute(u"ciphers").trimmed();
    options.cipherSuites = m_xml.attribute(u"ciphersuites").trimmed();
    for (const QString &part : m_xml.attribute(u"alpn").split(u',', Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            options.alpn.append(part.trimmed());
    }
    options.clientCa = m_xml.attribute(u"clientca");
    m_xml.readBool(u"verifyclient", &options.verifyClient);
    m_xml.readDuration(u"handshaketimeout", 1, ConfigLimits::maxDurationMs, &options.handshakeTimeoutMs);
    while (m_xml.readNextChild()) {
        if (!m_xml.isElement(u"cert")) {
            m_xml.rejectElement(u"listen", {u"cert"_s});
            continue;
        }
        m_xml.checkAttributes({u"sni"_s, u"file"_s, u"key"_s});
        TlsCertificateConfig extra;
        extra.pos = m_xml.elementPos();
        for (const QString &part :
            m_xml.requiredAttribute(u"sni").value_or(QString()).split(u',', Qt::SkipEmptyParts)) {
            if (!part.trimmed().isEmpty())
                extra.sni.append(part.trimmed());
        }
        extra.file = m_xml.requiredAttribute(u"file").value_or(QString());
        extra.key = m_xml.requiredAttribute(u"key").value_or(QString());
        if (!options.terminate)
            m_xml.error(extra.pos, u"<cert>"_s, u"a <cert> needs tls=\"terminate\" on its <listen>"_s);
        options.certificates.append(extra);
        m_xml.readNoChildren();
    }
    if ((!options.terminate && !any) || service.tlsOptions(address))
        return;  // none, or a duplicate <listen>: the validator reports it
    service.listenerTls.append(options);
}

void NativeConfigParser::readProxySendMode(std::optional<ProxySendMode> *out)
{
    QString mode;
    if (m_xml.readChoice(u"proxy", {u"no"_s, u"v1"_s, u"v2"_s}, &mode))
        *out = proxySendModeFromName(mode);
}

void NativeConfigParser::parseAcl(AclConfig &acl)
{
    m_xml.checkAttributes({u"default"_s});
    acl.enabled = true;
    acl.pos = m_xml.elementPos();
    QString defaultAction;
    if (m_xml.readChoice(u"default", {u"allow"_s, u"deny"_s}, &defaultAction))
        acl.defaultAllow = defaultAction == u"allow";
    while (m_xml.readNextChild()) {
        const bool allow = m_xml.isElement(u"allow");
        if (allow || m_xml.isElement(u"deny")) {
            m_xml.checkAttributes({u"from"_s});
            AclRule rule;
            rule.action = allow ? AclRule::Action::Allow : AclRule::Action::Deny;
            // The items are checked by the validator, which names the one at
            // fault; the position is the attribute's, so that it points there.
            rule.pos = m_xml.hasAttribute(u"from") ? m_xml.attributePos(u"from") : m_xml.elementPos();
            rule.from = Cidr::splitList(m_xml.requiredAttribute(u"from").value_or(QString()));
            m_xml.readNoChildren();
            acl.rules.append(rule);
        } else {
            m_xml.rejectElement(u"acl", {u"allow"_s, u"deny"_s});
        }
    }
}

void NativeConfigParser::readPeekLimits(ServiceConfig &service)
{
    m_xml.readDuration(u"peektimeout", 1, ConfigLimits::maxDurationMs, &service.peekTimeoutMs);
    if (!m_xml.hasAttribute(u"peeksize"))
        return;
    const QString written = m_xml.attribute(u"peeksize");
    int bytes = 0;
    if (!RouteRules::parseSize(written, &bytes)) {
        m_xml.attributeError(
            u"peeksize", u'"' + written.left(40) + u"\" is not a size; expected bytes or KiB, e.g. 16k"_s);
    } else if (bytes < ServiceConfig::minPeekSize || bytes > ServiceConfig::maxPeekSize) {
        m_xml.attributeError(u"peeksize",
            u'"' + written.left(40) + u"\" is out of range; expected "_s
                + RouteRules::sizeText(ServiceConfig::minPeekSize) + u" to "_s
                + RouteRules::sizeText(ServiceConfig::maxPeekSize));
    } else {
        service.peekSize = bytes;
    }
}

void NativeConfigParser::parseRoute(ServiceConfig &service)
{
    m_xml.checkAttributes({u"sni"_s, u"alpn"_s, u"plain"_s, u"group"_s, u"silence"_s});
    RouteConfig route;
    route.pos = m_xml.elementPos();
    route.group = m_xml.requiredAttribute(u"group").value_or(QString());
    // Items are kept as written (trimmed), empty ones too: the validator
    // names the one at fault (RouteRules).
    const auto list = [this](QStringView attribute) {
        QStringList items;
        if (m_xml.hasAttribute(attribute)) {
            for (const QString &item : m_xml.attribute(attribute).split(u','))
                items.append(item.trimmed());
        }
        return items;
    };
    route.sni = list(u"sni");
    route.alpn = list(u"alpn");
    m_xml.readBool(u"plain", &route.plain);
    m_xml.readDuration(u"silence", 1, ConfigLimits::maxDurationMs, &route.silenceMs);
    m_xml.readNoChildren();
    service.routes.append(route);
}

void NativeConfigParser::parseLimit(LimitConfig &limit)
{
    m_xml.checkAttributes(
        {u"perip"_s, u"prefix"_s, u"prefix6"_s, u"rate"_s, u"burst"_s, u"mode"_s, u"table"_s});
    limit.enabled = true;
    limit.pos = m_xml.elementPos();
    m_xml.readInt(u"perip", 0, intMax, &limit.perIp);
    m_xml.readInt(u"prefix", 0, 32, &limit.prefix);
    m_xml.readInt(u"prefix6", 0, 128, &limit.prefix6);
    bool rateOk = true;
    if (m_xml.hasAttribute(u"rate")) {
        QString error;
        rateOk = LimitConfig::parseRate(m_xml.attribute(u"rate"), &limit.rate, &limit.ratePeriodS, &error);
        if (!rateOk)
            m_xml.attributeError(u"rate", error);
    }
    // Without a (readable) rate the validator says what a burst lacks,
    // unless the rate itself was wrong: one message is enough.
    if (rateOk)
        m_xml.readInt(u"burst", 1, LimitConfig::maxRate, &limit.burst);
    QString mode;
    if (m_xml.readChoice(u"mode", {u"enforce"_s, u"dryrun"_s}, &mode))
        limit.dryRun = mode == u"dryrun";
    m_xml.readInt(u"table", LimitConfig::minTable, LimitConfig::maxTable, &limit.table);
    m_xml.readNoChildren();
}

void NativeConfigParser::parseGroup(ServiceConfig &service, ServiceOverrides &overrides)
{
    m_xml.checkAttributes({u"name"_s, u"scheduler"_s, u"stickytime"_s, u"tablesize"_s, u"balancefactor"_s,
        u"proxy"_s, u"ondown"_s, u"onprimaryup"_s, u"allbackups"_s,
        // backend feedback
        u"slowstart"_s, u"agent"_s, u"agentinterval"_s, u"agentsend"_s});
    GroupConfig group;
    group.pos = m_xml.elementPos();
    group.name = m_xml.requiredAttribute(u"name").value_or(QString());
    if (m_xml.hasAttribute(u"scheduler")) {
        // Unknown names stay as written; the validator reports them.
        const QString written = m_xml.attribute(u"scheduler");
        const QString canonical = SchedulerRegistry::canonicalName(written);
        group.scheduler = canonical.isEmpty() ? written : canonical;
    }
    m_xml.readDuration(u"stickytime", 1, ConfigLimits::maxDurationMs, &group.stickyTimeoutMs);
    readMaglevOptions(group);
    std::optional<ProxySendMode> proxy;
    readProxySendMode(&proxy);
    group.proxy = proxy.value_or(ProxySendMode::None);
    readGroupLifecycle(group);
    readBackendFeedback(group);
    std::optional<HealthOverride> health;
    bool seenHealth = false;
    bool seenDiscover = false;
    while (m_xml.readNextChild()) {
        if (m_xml.isElement(u"host")) {
            parseHost(group);
        } else if (m_xml.isElement(u"health")) {
            if (claimSingle(&seenHealth))
                health = parseHealth();
        } else if (m_xml.isElement(u"discover")) {
            if (claimSingle(&seenDiscover))
                parseDiscover(group);
        } else {
            m_xml.rejectElement(u"group", {u"health"_s, u"discover"_s, u"host"_s});
        }
    }
    service.groups.append(group);
    overrides.groupHealth.append(health);
}

void NativeConfigParser::readMaglevOptions(GroupConfig &group)
{
    int tableSize = 0;
    if (m_xml.readInt(
            u"tablesize", ConfigLimits::minMaglevTableSize, ConfigLimits::maxMaglevTableSize, &tableSize)) {
        const QString problem = SchedulingOptions::tableSizeProblem(tableSize);
        if (problem.isEmpty())
            group.maglevTableSize = tableSize;
        else
            m_xml.attributeError(u"tablesize", problem);
    }
    if (m_xml.hasAttribute(u"balancefactor")) {
        const QString written = m_xml.attribute(u"balancefactor");
        const std::optional<double> factor = parseDecimal(written);
        const QString problem = !factor ? u'"' + written.left(40)
                + u"\" is not a decimal number; expected a number above 1 up to 100, such as 1.25"_s
                                        : SchedulingOptions::balanceFactorProblem(*factor);
        if (problem.isEmpty())
            group.balanceFactor = *factor;
        else
            m_xml.attributeError(u"balancefactor", problem);
    }
}

void NativeConfigParser::parseHost(GroupConfig &group)
{
    m_xml.checkAttributes({u"name"_s, u"ip"_s, u"weight"_s, u"maxconns"_s, u"state"_s, u"proxy"_s,
        u"backup"_s, u"draindeadline"_s, u"drainthen"_s, u"resolve"_s,
        // backend feedback
        u"slowstart"_s, u"agent"_s, u"agentinterval"_s, u"agentsend"_s});
    HostConfig host;
    host.pos = m_xml.elementPos();
    host.name = m_xml.requiredAttribute(u"name").value_or(QString());
    host.address = m_xml.requiredAttribute(u"ip").value_or(QString());
    m_xml.readInt(u"weight", 0, ConfigLimits::maxWeight, &host.weight);
    m_xml.readInt(u"maxconns", 0, intMax, &host.maxConns);
    QString state;
    if (m_xml.readChoice(u"state", {u"ready"_s, u"drain"_s, u"maintenance"_s}, &state))
        host.adminState = hostAdminStateFromName(state).value_or(HostAdminState::Ready);
    readProxySendMode(&host.proxy);
    readHostLifecycle(host);
    QString resolve;
    if (m_xml.readChoice(u"resolve", {u"first"_s, u"all"_s}, &resolve))
        host.resolve = hostResolveModeFromName(resolve).value_or(HostResolveMode::First);
    readBackendFeedback(host);
    m_xml.readNoChildren();
    group.hosts.append(host);
}

// Issue 16: ondown, onprimaryup, allbackups on <group>.
void NativeConfigParser::readGroupLifecycle(GroupConfig &group)
{
    QString word;
    if (m_xml.readChoice(u"ondown", {u"none"_s, u"shutdown-sessions"_s}, &word))
        group.onDown = hostDownActionFromName(word).value_or(HostDownAction::None);
    if (m_xml.readChoice(u"onprimaryup", {u"none"_s, u"shutdown-backup-sessions"_s}, &word))
        group.onPrimaryUp = primaryUpActionFromName(word).value_or(PrimaryUpAction::None);
    m_xml.readBool(u"allbackups", &group.allBackups);
}

// Issue 16: backup, draindeadline, drainthen on <host>.
void NativeConfigParser::readHostLifecycle(HostConfig &host)
{
    m_xml.readBool(u"backup", &host.backup);
    if (m_xml.hasAttribute(u"draindeadline")) {
        const QString written = m_xml.attribute(u"draindeadline");
        const QDateTime when = QDateTime::fromString(written, Qt::ISODate);
        if (!when.isValid() || when.timeSpec() == Qt::LocalTime)
            m_xml.attributeError(u"draindeadline",
                u'"' + written.left(40)
                    + u"\" is not a UTC time; expected ISO 8601 with a zone, such as 2026-01-31T14:05:00Z"_s);
        else
            host.drainDeadlineMs = when.toMSecsSinceEpoch();
    }
    QString then;
    if (m_xml.readChoice(u"drainthen", {u"none"_s, u"remove"_s, u"maintenance"_s}, &then))
        host.drainThen = drainThenFromName(then).value_or(DrainThen::None);
}

// ---- DNS discovery --------------------------------------------------------

void NativeConfigParser::readDnsSettings(SettingsConfig &settings)
{
    if (m_xml.hasAttribute(u"dnsserver")) {
        const QString written = m_xml.attribute(u"dnsserver");
        QHostAddress address;
        quint16 port = 0;
        QString problem;
        if (written.trimmed().isEmpty() || DiscoverLimits::parseDnsServer(written, &address, &port, &problem))
            settings.dnsServer = written.trimmed();
        else
            m_xml.attributeError(u"dnsserver", problem);
    }
    m_xml.readDuration(u"dnsinterval", DiscoverLimits::minIntervalMs, DiscoverLimits::maxIntervalMs,
        &settings.dnsIntervalMs);
}

void NativeConfigParser::parseDiscover(GroupConfig &group)
{
    m_xml.checkAttributes({u"srv"_s, u"interval"_s});
    DiscoverConfig discover;
    discover.pos = m_xml.elementPos();
    discover.srv = m_xml.requiredAttribute(u"srv").value_or(QString());
    if (!discover.srv.isEmpty()) {
        const QString problem = DiscoverLimits::srvNameProblem(discover.srv);
        if (!problem.isEmpty())
            m_xml.attributeError(u"srv", problem);
    }
    m_xml.readDuration(
        u"interval", DiscoverLimits::minIntervalMs, DiscoverLimits::maxIntervalMs, &discover.intervalMs);
    m_xml.readNoChildren();
    group.discover = discover;
}

void NativeConfigParser::readBackendFeedback(GroupConfig &group)
{
    m_xml.readDuration(u"slowstart", 0, ConfigLimits::maxSlowStartMs, &group.slowStartMs);
    m_xml.readInt(u"agent", 0, 65535, &group.agent.port);
    m_xml.readDuration(u"agentinterval", ConfigLimits::minAgentIntervalMs, ConfigLimits::maxAgentIntervalMs,
        &group.agent.intervalMs);
    QByteArray send;
    if (readAgentSend(&send))
        group.agent.send = send;
}

void NativeConfigParser::readBackendFeedback(HostConfig &host)
{
    qint64 duration = 0;
    if (m_xml.readDuration(u"slowstart", 0, ConfigLimits::maxSlowStartMs, &duration))
        host.slowStartMs = duration;
    int port = 0;
    // 0 on a host: no agent for it, whatever its group says.
    if (m_xml.readInt(u"agent", 0, 65535, &port))
        host.agentPort = port;
    if (m_xml.readDuration(
            u"agentinterval", ConfigLimits::minAgentIntervalMs, ConfigLimits::maxAgentIntervalMs, &duration))
        host.agentIntervalMs = duration;
    QByteArray send;
    if (readAgentSend(&send))
        host.agentSend = send;
}

bool NativeConfigParser::readAgentSend(QByteArray *out)
{
    QByteArray bytes;
    if (!m_xml.readEscapedBytes(u"agentsend", &bytes))
        return false;
    if (bytes.size() > ConfigLimits::maxAgentSendBytes) {
        m_xml.attributeError(u"agentsend",
            u"is %1 bytes long; expected at most %2"_s.arg(bytes.size())
                .arg(ConfigLimits::maxAgentSendBytes));
        return false;
    }
    *out = bytes;
    return true;
}

void NativeConfigParser::resolveOverrides()
{
    if (m_health)
        m_config->health = m_health->appliedTo(m_config->health);
    if (m_timeouts)
        m_config->timeouts = m_timeouts->appliedTo(m_config->timeouts);
    for (qsizetype s = 0; s < m_config->services.size(); ++s) {
        ServiceConfig &service = m_config->services[s];
        const ServiceOverrides &overrides = m_serviceOverrides.at(s);
        if (overrides.health)
            service.health = overrides.health->appliedTo(m_config->health);
        if (overrides.timeouts)
            service.timeouts = overrides.timeouts->appliedTo(m_config->timeouts);
        const HealthConfig serviceHealth = service.health.value_or(m_config->health);
        for (qsizetype g = 0; g < service.groups.size(); ++g) {
            if (const auto &groupHealth = overrides.groupHealth.at(g))
                service.groups[g].health = groupHealth->appliedTo(serviceHealth);
        }
    }
}

}  // namespace Balancier
