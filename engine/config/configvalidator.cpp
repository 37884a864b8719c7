#include "configvalidator.h"

#include "routerules.h"

#include "address.h"
#include "cidr.h"
#include "config/adminlistencheck.h"
#include "config/passwordhash.h"
#include "config/proxytrust.h"
#include "configlimits.h"
#include "discoverlimits.h"
#include "duration.h"
#include "schedulerregistry.h"
#include "schedulingoptions.h"

#include <QDir>
#include <QHash>
#include <QHostAddress>
#include <QSet>
#include <QUrl>

#include <limits>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

// Element strings name the element, its name attribute when it has one and
// the attribute concerned: `<host name="a" ip>`. ConfigReader relies on the
// trailing ` attribute>` to leave out what it has already reported as a
// missing attribute, so keep that form.
QString elementText(QStringView tag, QStringView name = {}, QStringView attribute = {})
{
    QString out = u'<' + tag;
    if (attribute != u"name" && !name.isEmpty())
        out += u" name=\""_s + name + u'"';
    if (!attribute.isEmpty())
        out += u' ' + attribute;
    return out + u'>';
}

QString quote(QStringView text)
{
    return u'"' + text + u'"';
}

QString wholeRange(int minimum, int maximum)
{
    if (maximum == std::numeric_limits<int>::max())
        return u"a whole number >= "_s + QString::number(minimum);
    return u"a whole number from "_s + QString::number(minimum) + u" to "_s + QString::number(maximum);
}

/// Why `value` is out of its range ("-1 is negative; expected a whole number
/// from 0 to 10000"); empty when it is in.
QString rangeProblem(int value, int minimum, int maximum)
{
    if (value >= minimum && value <= maximum)
        return {};
    const QString what = value < 0 && minimum >= 0 ? u" is negative"_s
        : value < minimum                          ? u" is too small"_s
                                                   : u" is too large"_s;
    return QString::number(value) + what + u"; expected "_s + wholeRange(minimum, maximum);
}

bool isWildcard(const Address &address)
{
    return address.host == u"*" || address.host == u"::";
}

/// `text` with every character that is not plainly visible (control and
/// format characters, blanks other than the space) written as a backslash,
/// "u" and four hex digits, so that a message never carries them to a
/// terminal or a log.
QString printable(QStringView text)
{
    QString out;
    for (const QChar c : text) {
        const bool visible = c == u' '
            || (c.isPrint() && !c.isSpace() && c.category() != QChar::Other_Format && !c.isSurrogate());
        if (visible || c.isSurrogate())
            out += c;
        else
            out += u"\\u"_s + QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0');
    }
    return out;
}

QString describeCharacter(QChar c)
{
    const QString code = u"U+"_s + QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0');
    if (c == u' ')
        return u"a space"_s;
    if (c == u'\t')
        return u"a tab"_s;
    if (c == u'\n' || c == u'\r')
        return u"a line break"_s;
    if (c.isSpace())
        return u"a blank ("_s + code + u')';
    return u"a control character ("_s + code + u')';
}

bool isControl(QChar c)
{
    return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
}

/// What makes two backend addresses one backend (see hostAtSameAddress()).
QString backendKey(const Address &address)
{
    return address.host.toLower() + u' ' + QString::number(address.port);
}

}  // namespace

const HostConfig *hostAtSameAddress(
    const GroupConfig &group, const QString &address, const QString &exceptName)
{
    const std::optional<Address> wanted = parseAddress(address, false, nullptr);
    if (!wanted)
        return nullptr;
    for (const HostConfig &host : group.hosts) {
        if (host.name == exceptName)
            continue;
        const std::optional<Address> other = parseAddress(host.address, false, nullptr);
        if (other && backendKey(*other) == backendKey(*wanted))
            return &host;
    }
    return nullptr;
}

QString itemNameProblem(QStringView name)
{
    if (name == u"." || name == u"..") {
        return quote(name)
            + u" is not a name; expected a name other than . and .. (it is a segment of the admin API's "
              u"URLs, where . and .. mean a path step)"_s;
    }
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c.isSpace() || isControl(c)) {
            return quote(printable(name)) + u" contains "_s + describeCharacter(c) + u" at position "_s
                + QString::number(i + 1)
                + u"; expected a name without blanks or control characters (it is one word in "
                  u"/running.txt, in the logs and in the admin API's URLs)"_s;
        }
    }
    return {};
}

QString userNameProblem(QStringView name)
{
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (c == u':') {
            return quote(printable(name)) + u" contains ':' at position "_s + QString::number(i + 1)
                + u"; expected a name without ':' (HTTP Basic authentication splits the user name from the "
                  u"password there) and without control characters"_s;
        }
        if (isControl(c) || (c.isSpace() && c != u' ')) {
            return quote(printable(name)) + u" contains "_s + describeCharacter(c) + u" at position "_s
                + QString::number(i + 1) + u"; expected a name without ':' or control characters"_s;
        }
    }
    return {};
}

QList<HostValueProblem> hostValueProblems(const HostConfig &host)
{
    QList<HostValueProblem> problems;
    QString why;
    if (!parseAddress(host.address, false, &why))
        problems.append({u"ip"_s, why});
    if (QString problem = rangeProblem(host.weight, 0, ConfigLimits::maxWeight); !problem.isEmpty())
        problems.append({u"weight"_s, problem});
    if (QString problem = rangeProblem(host.maxConns, 0, std::numeric_limits<int>::max()); !problem.isEmpty())
        problems.append({u"maxconns"_s, problem});
    problems.append(
        backendFeedbackProblems(host.slowStartMs, host.agentPort, host.agentIntervalMs, host.agentSend));
    return problems;
}

QList<HostValueProblem> backendFeedbackProblems(std::optional<qint64> slowStartMs,
    std::optional<int> agentPort, std::optional<qint64> agentIntervalMs,
    const std::optional<QByteArray> &agentSend)
{
    QList<HostValueProblem> problems;
    const auto durationProblem = [](qint64 value, qint64 minimum, qint64 maximum) -> QString {
        if (value < minimum)
            return formatDuration(value) + u" is too short; expected at least "_s + formatDuration(minimum);
        if (value > maximum)
            return formatDuration(value) + u" is too long; expected at most "_s + formatDuration(maximum);
        return {};
    };
    if (slowStartMs) {
        if (QString problem = durationProblem(*slowStartMs, 0, ConfigLimits::maxSlowStartMs);
            !problem.isEmpty())
            problems.append({u"slowstart"_s, problem});
    }
    if (agentPort) {
        if (QString problem = rangeProblem(*agentPort, 0, 65535); !problem.isEmpty())
            problems.append({u"agent"_s, problem});
    }
    if (agentIntervalMs) {
        if (QString problem = durationProblem(
                *agentIntervalMs, ConfigLimits::minAgentIntervalMs, ConfigLimits::maxAgentIntervalMs);
            !problem.isEmpty())
            problems.append({u"agentinterval"_s, problem});
    }
    if (agentSend && agentSend->size() > ConfigLimits::maxAgentSendBytes)
        problems.append({u"agentsend"_s,
            u"is %1 bytes long; expected at most %2"_s.arg(agentSend->size())
                .arg(ConfigLimits::maxAgentSendBytes)});
    return problems;
}

namespace {

/// One validation pass over one model.
class Checker final
{
public:
    Checker(const Config &config, const QString &fileName, EmptyGroups emptyGroups, AdminFiles adminFiles)
        : m_config(config)
        , m_fileName(fileName)
        , m_emptyGroups(emptyGroups)
        , m_adminFiles(adminFiles)
    { }
    Q_DISABLE_COPY_MOVE(Checker)

    QList<Diagnostic> run();

private:
    struct Listener
    {
        Address address;
        SourcePos pos;
        QString owner;
    };

    void add(Diagnostic::Severity severity, SourcePos pos, const QString &context, const QString &element,
        const QString &message);
    void error(SourcePos pos, const QString &context, const QString &element, const QString &message)
    {
        add(Diagnostic::Severity::Error, pos, context, element, message);
    }
    QString firstDefined(SourcePos pos) const;

    void checkInt(
        int value, int minimum, int maximum, SourcePos pos, const QString &context, const QString &element);
    void checkDuration(
        qint64 value, qint64 minimum, SourcePos pos, const QString &context, const QString &element);
    void checkHealth(const HealthConfig &health, SourcePos pos, const QString &context);
    void checkTimeouts(const TimeoutConfig &timeouts, SourcePos pos, const QString &context);
    void checkAdmin();
    void checkHa();
    void checkAlerts();
    void checkService(const ServiceConfig &service);
    void checkListenerProxy(const ServiceConfig &service, const QString &context);
    void checkListenerTls(const ServiceConfig &service, const QString &context);
    void checkAcl(const AclConfig &acl, const QString &context);
    void checkLimit(const LimitConfig &limit, const QString &context);
    void checkRoutes(const ServiceConfig &service, const QString &context);
    void checkGroup(const ServiceConfig &service, const GroupConfig &group);
    void checkHost(const QString &context, const HostConfig &host);
    void checkLifecycle(const QString &context, const GroupConfig &group);
    // DNS discovery
    void checkDiscover(const GroupConfig &group, const QString &context);
    void checkDnsSettings();
    void checkDiscoverInterval(qint64 value, SourcePos pos, const QString &context, const QString &element);
    void addListener(const QString &text, SourcePos pos, const QString &context, const QString &element,
        const QString &owner);

    const Config &m_config;
    const QString &m_fileName;
    const EmptyGroups m_emptyGroups;
    const AdminFiles m_adminFiles;
    QList<Diagnostic> m_out;
    QList<Listener> m_listeners;
    /// The listeners of one port, indexed by what listenersClash() looks at,
    /// so that a file with many listeners is checked in linear time.
    struct PortListeners
    {
        QHash<QString, qsizetype> byHost;  // lower-case host -> first index in m_listeners
        qsizetype first = -1;
        qsizetype firstWildcard = -1;
        qsizetype firstIpv4Any = -1;
        qsizetype firstNotIpv6 = -1;
    };
    QHash<quint16, PortListeners> m_ports;
};

void Checker::add(Diagnostic::Severity severity, SourcePos pos, const QString &context,
    const QString &element, const QString &message)
{
    Diagnostic diagnostic;
    diagnostic.severity = severity;
    diagnostic.file = m_fileName;
    diagnostic.line = pos.line;
    diagnostic.column = pos.column;
    diagnostic.element = element;
    // Without a line number, say where the element sits in the tree instead.
    diagnostic.message = (pos.isValid() || context.isEmpty()) ? message : context + u": "_s + message;
    m_out.append(diagnostic);
}

QString Checker::firstDefined(SourcePos pos) const
{
    return pos.isValid() ? u" (first defined on line "_s + QString::number(pos.line) + u')' : QString();
}

void Checker::checkInt(
    int value, int minimum, int maximum, SourcePos pos, const QString &context, const QString &element)
{
    const QString problem = rangeProblem(value, minimum, maximum);
    if (!problem.isEmpty())
        error(pos, context, element, problem);
}

void Checker::checkDuration(
    qint64 value, qint64 minimum, SourcePos pos, const QString &context, const QString &element)
{
    if (value < minimum) {
        error(pos, context, element,
            formatDuration(value) + u" is too short; expected at least "_s + formatDuration(minimum));
    } else if (value > ConfigLimits::maxDurationMs) {
        error(pos, context, element,
            formatDuration(value) + u" is too long; expected at most "_s
                + formatDuration(ConfigLimits::maxDurationMs));
    }
}

void Checker::checkHealth(const HealthConfig &health, SourcePos pos, const QString &context)
{
    const auto element = [](QStringView attribute) {
        return elementText(u"health", {}, attribute);
    };
    checkDuration(health.intervalMs, 1, pos, context, element(u"interval"));
    checkDuration(health.timeoutMs, 1, pos, context, element(u"timeout"));
    checkInt(health.rise, 1, ConfigLimits::maxRiseFall, pos, context, element(u"rise"));
    checkInt(health.fall, 1, ConfigLimits::maxRiseFall, pos, context, element(u"fall"));
    checkDuration(health.downIntervalMs, 1, pos, context, element(u"downinterval"));
    checkDuration(health.aggressiveIntervalMs, 1, pos, context, element(u"aggressiveinterval"));
}

void Checker::checkTimeouts(const TimeoutConfig &timeouts, SourcePos pos, const QString &context)
{
    checkDuration(timeouts.connectMs, 1, pos, context, elementText(u"timeouts", {}, u"connect"));
    checkDuration(timeouts.idleMs, 0, pos, context, elementText(u"timeouts", {}, u"idle"));
}

void Checker::addListener(
    const QString &text, SourcePos pos, const QString &context, const QString &element, const QString &owner)
{
    QString why;
    const std::optional<Address> address = parseAddress(text, true, &why);
    if (!address) {
        error(pos, context, element, why);
        return;
    }
    // The earliest listener that would fight over the same port: one with
    // the same host, a wildcard on either side, or 0.0.0.0 against any
    // IPv4 address or host name. Port 0 never clashes (the OS picks).
    qsizetype clashing = -1;
    if (address->port != 0) {
        const auto it = m_ports.constFind(address->port);
        if (it != m_ports.cend()) {
            const auto consider = [&clashing](qsizetype index) {
                if (index >= 0 && (clashing < 0 || index < clashing))
                    clashing = index;
            };
            consider(it->byHost.value(address->host.toLower(), -1));
            consider(it->firstWildcard);
            if (isWildcard(*address))
                consider(it->first);
            if (address->host == u"0.0.0.0")
                consider(it->firstNotIpv6);
            if (!address->host.contains(u':'))
                consider(it->firstIpv4Any);
        }
    }
    if (clashing >= 0) {
        const Listener &other = m_listeners.at(clashing);
        const QString where
            = other.pos.isValid() ? u" (line "_s + QString::number(other.pos.line) + u')' : QString();
        const QString clash = other.address == *address
            ? u" is already used by "_s
            : u" clashes with "_s + other.address.toString() + u", already used by "_s;
        error(pos, context, element,
            text + clash + other.owner + where + u"; each listening address and port may be used once"_s);
        return;
    }
    if (address->port != 0) {
        const qsizetype index = m_listeners.size();
        PortListeners &port = m_ports[address->port];
        const auto note = [index](qsizetype &slot) {
            if (slot < 0)
                slot = index;
        };
        note(port.first);
        if (isWildcard(*address))
            note(port.firstWildcard);
        if (address->host == u"0.0.0.0")
            note(port.firstIpv4Any);
        if (!address->host.contains(u':'))
            note(port.firstNotIpv6);
        if (!port.byHost.contains(address->host.toLower()))
            port.byHost.insert(address->host.toLower(), index);
    }
    m_listeners.append({*address, pos, owner});
}

QList<Diagnostic> Checker::run()
{
    if (m_config.version != 1) {
        error({}, QString(), elementText(u"balancier", {}, u"version"),
            u"unsupported version "_s + QString::number(m_config.version) + u"; expected 1"_s);
    }
    const QString top = u"top-level defaults"_s;
    const SettingsConfig &settings = m_config.settings;
    checkInt(settings.workers, 0, ConfigLimits::maxWorkers, {}, u"settings"_s,
        elementText(u"settings", {}, u"workers"));
    checkInt(settings.maxConnections, 0, std::numeric_limits<int>::max(), {}, u"settings"_s,
        elementText(u"settings", {}, u"maxconns"));
    checkDuration(
        settings.drainTimeoutMs, 0, {}, u"settings"_s, elementText(u"settings", {}, u"draintimeout"));
    checkDnsSettings();
    checkDuration(m_config.checkTimeMs, 0, {}, QString(), elementText(u"checktime", {}, u"time"));
    checkHealth(m_config.health, {}, top);
    checkTimeouts(m_config.timeouts, {}, top);
    static const QStringList levels = {u"debug"_s, u"info"_s, u"warning"_s, u"critical"_s};
    if (!levels.contains(m_config.logging.level)) {
        error({}, QString(), elementText(u"logging", {}, u"level"),
            quote(m_config.logging.level) + u" is not valid; expected one of "_s + levels.join(u", "_s));
    }
    const LoggingConfig &logging = m_config.logging;
    static const QStringList formats = {u"text"_s, u"json"_s};
    if (!formats.contains(logging.format)) {
        error({}, QString(), elementText(u"logging", {}, u"format"),
            quote(logging.format) + u" is not valid; expected one of "_s + formats.join(u", "_s));
    }
    static const QStringList destinations = {u"log"_s, u"syslog"_s};
    if (!destinations.contains(logging.to)) {
        error({}, QString(), elementText(u"logging", {}, u"to"),
            quote(logging.to) + u" is not valid; expected one of "_s + destinations.join(u", "_s));
    }
    checkDuration(logging.interimMs, 0, {}, QString(), elementText(u"logging", {}, u"interim"));
    if (logging.interimMs > 0 && logging.interimMs < 1000) {
        error({}, QString(), elementText(u"logging", {}, u"interim"),
            u"an interim record every %1 ms is too often; expected 1s or more, or 0 for none"_s.arg(
                logging.interimMs));
    }
    if (logging.to == u"syslog") {
#ifdef _WIN32
        error({}, QString(), elementText(u"logging", {}, u"to"),
            u"syslog over a UNIX socket is not available on Windows; use to=\"log\""_s);
#else
        if (!logging.syslog.startsWith(u'/')) {
            error({}, QString(), elementText(u"logging", {}, u"syslog"),
                quote(logging.syslog) + u" is not an absolute path to a UNIX datagram socket"_s);
        } else if (logging.syslog.toLocal8Bit().size() >= 108) {
            error({}, QString(), elementText(u"logging", {}, u"syslog"),
                u"the socket path is longer than 107 bytes"_s);
        }
#endif
    }

    checkAdmin();
    checkHa();
    checkAlerts();

    QHash<QString, SourcePos> seen;
    for (const ServiceConfig &service : m_config.services) {
        if (service.name.isEmpty()) {
            error(service.pos, u"a service"_s, elementText(u"service", {}, u"name"),
                u"empty name; expected a service name"_s);
        } else if (const QString problem = itemNameProblem(service.name); !problem.isEmpty()) {
            error(service.pos, u"a service"_s, elementText(u"service", {}, u"name"), problem);
        } else if (seen.contains(service.name)) {
            error(service.pos, QString(), elementText(u"service", service.name),
                u"duplicate service name "_s + quote(service.name) + firstDefined(seen.value(service.name)));
        } else {
            seen.insert(service.name, service.pos);
        }
        checkService(service);
    }
    return m_out;
}

void Checker::checkHa()
{
    const HaConfig &ha = m_config.ha;
    if (!ha.enabled)
        return;
    const QString context = u"ha"_s;
    if (ha.vip.isEmpty() && ha.stateFile.isEmpty()) {
        error(ha.pos, context, u"<ha>"_s,
            u"neither vip nor statefile is set; give the pair's virtual address (vip=\"198.18.0.100\"), "
            "the file keepalived's notify script writes (statefile=\"/run/balancier/vrrp.state\"), or both"_s);
    }
    if (!ha.vip.isEmpty()) {
        QHostAddress address;
        // As everywhere in the config, an IPv4 address is four numbers ("1.2.3" is not one).
        if (!address.setAddress(ha.vip) || ha.vip.contains(u'%')
            || (address.protocol() == QAbstractSocket::IPv4Protocol && ha.vip.count(u'.') != 3)) {
            error(ha.pos, context, elementText(u"ha", {}, u"vip"),
                quote(ha.vip)
                    + u" is not an IP address; expected one such as 198.18.0.100 or 2001:db8::100, "
                      "without a port"_s);
        } else if (address.isLoopback() || address.isNull() || address == QHostAddress(QHostAddress::AnyIPv4)
            || address == QHostAddress(QHostAddress::AnyIPv6)) {
            error(ha.pos, context, elementText(u"ha", {}, u"vip"),
                quote(ha.vip)
                    + u" cannot be a virtual address: every node has it; expected the address keepalived "
                      "moves between the nodes"_s);
        }
    }
    if (!ha.stateFile.isEmpty() && QDir::isRelativePath(ha.stateFile)) {
        error(ha.pos, context, elementText(u"ha", {}, u"statefile"),
            quote(ha.stateFile)
                + u" is a relative path; expected an absolute one, as the notify script writes it "
                  "(for example /run/balancier/vrrp.state)"_s);
    }
}

void Checker::checkAlerts()
{
    checkInt(m_config.settings.history, 1, ConfigLimits::maxHistory, {}, u"settings"_s,
        elementText(u"settings", {}, u"history"));
    for (qsizetype i = 0; i < m_config.alerts.size(); ++i) {
        const AlertConfig &alert = m_config.alerts.at(i);
        const QString context = u"alert %1"_s.arg(i + 1);
        const auto element = [](QStringView attribute) {
            return elementText(u"alert", {}, attribute);
        };
        if (alert.url.isEmpty() == alert.exec.isEmpty()) {
            error(alert.pos, context, u"<alert>"_s,
                alert.url.isEmpty()
                    ? u"neither url nor exec is set; give a webhook (url=\"https://hooks.example/...\") "
                      "or a program to run (exec=\"/usr/local/bin/notify\")"_s
                    : u"both url and exec are set; an alert is a webhook or a program, give one of them"_s);
        }
        if (!alert.url.isEmpty()) {
            const QUrl url(alert.url, QUrl::StrictMode);
            const QString scheme = url.scheme().toLower();
            if (!url.isValid() || (scheme != u"http" && scheme != u"https") || url.host().isEmpty()) {
                // The URL itself is not repeated: it may hold a secret.
                error(alert.pos, context, element(u"url"),
                    url.isValid() && !scheme.isEmpty() && scheme != u"http" && scheme != u"https"
                        ? u"the scheme \"%1\" is not supported; expected an http:// or https:// URL"_s.arg(
                            scheme)
                        : u"not a URL with a host; expected one such as https://hooks.example.org/balancier"_s);
            }
        }
        if (!alert.exec.isEmpty() && QDir::isRelativePath(alert.exec)) {
            error(alert.pos, context, element(u"exec"),
                quote(alert.exec)
                    + u" is a relative path; expected the absolute path of a program "
                      "(it is run without a shell, with the event in BALANCIER_EVENT_* variables)"_s);
        }
        if (alert.events == 0 || (alert.events & ~quint8(AlertConfig::AllKinds)) != 0) {
            error(alert.pos, context, element(u"events"),
                u"expected a comma-separated list of host, group, config, cert"_s);
        }
        if (alert.timeoutMs < 1 || alert.timeoutMs > ConfigLimits::maxAlertTimeoutMs) {
            error(alert.pos, context, element(u"timeout"),
                formatDuration(alert.timeoutMs) + u" is out of range; expected 1ms to "_s
                    + formatDuration(ConfigLimits::maxAlertTimeoutMs));
        }
        if (alert.backoffMs < 1 || alert.backoffMs > ConfigLimits::maxAlertTimeoutMs) {
            error(alert.pos, context, element(u"backoff"),
                formatDuration(alert.backoffMs) + u" is out of range; expected 1ms to "_s
                    + formatDuration(ConfigLimits::maxAlertTimeoutMs));
        }
        checkInt(alert.retries, 0, ConfigLimits::maxAlertRetries, alert.pos, context, element(u"retries"));
        checkInt(alert.queue, 1, ConfigLimits::maxAlertQueue, alert.pos, context, element(u"queue"));
        if (alert.rate < 1 || alert.rate > LimitConfig::maxRate
            || (alert.ratePeriodS != 1 && alert.ratePeriodS != 60)) {
            error(alert.pos, context, element(u"ratelimit"),
                u"expected alerts per second or minute, e.g. \"1/s\" or \"60/m\""_s);
        }
        for (const QString &service : alert.services) {
            if (!m_config.service(service)) {
                add(Diagnostic::Severity::Warning, alert.pos, context, element(u"services"),
                    u"no service is named "_s + quote(service)
                        + u"; the alert hears of none of its events"_s);
            }
        }
    }
}

void Checker::checkAdmin()
{
    const AdminConfig &admin = m_config.admin;
    if (!admin.enabled)
        return;
    const QString context = u"admin"_s;
    addListener(admin.listen, admin.pos, context, elementText(u"admin", {}, u"listen"), u"the admin API"_s);
    // TLS files and the plain-HTTP address rule: the admin server's own check.
    m_out.append(checkAdminListen(admin, m_fileName, nullptr, m_adminFiles == AdminFiles::Checked));
    for (const QString &origin : admin.origins) {
        QString why;
        if (canonicalOrigin(origin, false, &why).isEmpty())
            error(admin.pos, context, elementText(u"admin", {}, u"origins"), why);
    }
    QHash<QString, SourcePos> seen;
    for (const AdminUser &user : admin.users) {
        const QString userContext = u"admin user "_s + quote(user.name);
        if (user.name.isEmpty()) {
            error(user.pos, u"an admin user"_s, elementText(u"user", {}, u"name"),
                u"empty name; expected a user name"_s);
        } else if (const QString problem = userNameProblem(user.name); !problem.isEmpty()) {
            error(user.pos, u"an admin user"_s, elementText(u"user", {}, u"name"), problem);
        } else if (seen.contains(user.name)) {
            error(user.pos, QString(), elementText(u"user", user.name),
                u"duplicate user name "_s + quote(user.name) + firstDefined(seen.value(user.name)));
        } else {
            seen.insert(user.name, user.pos);
        }
        const QString element = elementText(u"user", user.name, u"password");
        QString why;
        if (user.passwordHash.isEmpty()) {
            error(user.pos, userContext, element,
                u"empty password; expected a hash made with `balancierd --hash-password`"_s);
        } else if (PasswordHash::isLegacyCrypt(user.passwordHash)) {
            add(Diagnostic::Severity::Warning, user.pos, userContext, element,
                PasswordHash::legacyCryptWarning());
        } else if (!PasswordHash::isWellFormed(user.passwordHash, &why)) {
            error(user.pos, userContext, element, why + u"; make one with `balancierd --hash-password`"_s);
        }
    }
}

void Checker::checkAcl(const AclConfig &acl, const QString &context)
{
    for (qsizetype r = 0; r < acl.rules.size(); ++r) {
        const AclRule &rule = acl.rules.at(r);
        const QString tag = rule.action == AclRule::Action::Allow ? u"allow"_s : u"deny"_s;
        const SourcePos pos = rule.pos.isValid() ? rule.pos : acl.pos;
        const QString where = context + u": <acl> rule "_s + QString::number(r + 1);
        if (rule.from.isEmpty()) {
            error(pos, where, elementText(tag, {}, u"from"),
                u"empty list; expected addresses or prefixes such as 10.0.0.0/8, 2001:db8::/32"_s);
            continue;
        }
        for (qsizetype i = 0; i < rule.from.size(); ++i) {
            QString problem;
            if (!Cidr::parse(rule.from.at(i), &problem)) {
                error(pos, where, elementText(tag, {}, u"from"),
                    u"item "_s + QString::number(i + 1) + u" of "_s + QString::number(rule.from.size())
                        + u": "_s + printable(problem));
            }
        }
    }
}

void Checker::checkLimit(const LimitConfig &limit, const QString &context)
{
    const auto element = [](QStringView attribute) {
        return elementText(u"limit", {}, attribute);
    };
    checkInt(limit.perIp, 0, std::numeric_limits<int>::max(), limit.pos, context, element(u"perip"));
    checkInt(limit.prefix, 0, 32, limit.pos, context, element(u"prefix"));
    checkInt(limit.prefix6, 0, 128, limit.pos, context, element(u"prefix6"));
    checkInt(limit.rate, 0, LimitConfig::maxRate, limit.pos, context, element(u"rate"));
    if (limit.rate > 0 && limit.ratePeriodS != 1 && limit.ratePeriodS != 60)
        error(limit.pos, context, element(u"rate"), u"the period must be a second or a minute"_s);
    checkInt(limit.burst, 0, LimitConfig::maxRate, limit.pos, context, element(u"burst"));
    if (limit.burst > 0 && limit.rate <= 0)
        error(limit.pos, context, element(u"burst"),
            u"burst without rate; a burst is the room of a rate limit, e.g. rate=\"10/s\" burst=\"20\""_s);
    checkInt(
        limit.table, LimitConfig::minTable, LimitConfig::maxTable, limit.pos, context, element(u"table"));
    if (limit.perIp == 0 && limit.rate == 0)
        add(Diagnostic::Severity::Warning, limit.pos, context, element({}),
            u"neither perip nor rate is set: this <limit> limits nothing"_s);
}

void Checker::checkRoutes(const ServiceConfig &service, const QString &context)
{
    // The rules live in RouteRules, shared with the admin API (Operations::setRoutes).
    for (const RouteProblem &problem : RouteRules::problems(service)) {
        if (problem.route < 0) {
            error(service.pos, context, elementText(u"service", service.name, problem.attribute),
                printable(problem.message));
            continue;
        }
        const RouteConfig &route = service.routes.at(problem.route);
        const SourcePos pos = route.pos.isValid() ? route.pos : service.pos;
        QString message = printable(problem.message);
        if (problem.item >= 0)
            message = u"item "_s + QString::number(problem.item + 1) + u": "_s + message;
        error(pos, context + u": <route> "_s + QString::number(problem.route + 1),
            elementText(u"route", {}, problem.attribute), message);
    }
}

void Checker::checkService(const ServiceConfig &service)
{
    const QString context = u"service "_s + quote(service.name);
    const QString serviceElement = elementText(u"service", service.name);

    if (service.listeners.isEmpty())
        error(service.pos, context, serviceElement, u"no <listen>; a service needs at least one listener"_s);
    for (qsizetype i = 0; i < service.listeners.size(); ++i) {
        const SourcePos pos = service.listenerPos.value(i);
        addListener(service.listeners.at(i), pos, context, elementText(u"listen", {}, u"ip"),
            u"service "_s + quote(service.name));
    }
    checkListenerProxy(service, context);
    checkListenerTls(service, context);
    if (service.timeouts)
        checkTimeouts(*service.timeouts, service.pos, context);
    if (service.health)
        checkHealth(*service.health, service.pos, context);
    if (service.acl.enabled)
        checkAcl(service.acl, context);
    if (service.limit.enabled)
        checkLimit(service.limit, context);
    checkRoutes(service, context);

    QHash<QString, SourcePos> seen;
    qsizetype hostCount = 0;
    for (const GroupConfig &group : service.groups) {
        if (group.name.isEmpty()) {
            error(group.pos, context, elementText(u"group", {}, u"name"),
                u"empty name; expected a group name"_s);
        } else if (const QString problem = itemNameProblem(group.name); !problem.isEmpty()) {
            error(group.pos, context, elementText(u"group", {}, u"name"), problem);
        } else if (seen.contains(group.name)) {
            error(group.pos, context, elementText(u"group", group.name),
                u"duplicate group name "_s + quote(group.name) + firstDefined(seen.value(group.name)));
        } else {
            seen.insert(group.name, group.pos);
        }
        hostCount += group.hosts.size();
        if (group.discover)
            ++hostCount;  // DNS discovery: hosts come from an SRV record
        checkGroup(service, group);
    }

    if (hostCount == 0 && m_emptyGroups == EmptyGroups::Refused) {
        error(service.pos, context, serviceElement,
            u"no <host>; a service needs at least one host in a <group>"_s);
        return;
    }
    const SourcePos enablePos = service.enablePos.isValid() ? service.enablePos : service.pos;
    const QString enableElement = elementText(u"enable", {}, u"group");
    QStringList names;
    QSet<QString> named;  // a service may have many groups: keep this linear
    for (const GroupConfig &group : service.groups) {
        if (!named.contains(group.name)) {
            named.insert(group.name);
            names.append(quote(group.name));
        }
    }
    if (service.enabledGroup.isEmpty() && service.enablePos.isValid()) {
        error(
            enablePos, context, enableElement, u"empty group name; expected one of "_s + names.join(u", "_s));
    } else if (service.enabledGroup.isEmpty()) {
        error(
            service.pos, context, serviceElement, u"no group is enabled; expected <enable group=\"...\"/>"_s);
    } else if (const GroupConfig *enabled = service.group(service.enabledGroup); !enabled) {
        error(enablePos, context, enableElement,
            u"enabled group "_s + quote(service.enabledGroup) + u" does not exist; expected one of "_s
                + names.join(u", "_s));
    } else if (enabled->hosts.isEmpty() && !enabled->discover && m_emptyGroups == EmptyGroups::Refused) {
        error(enablePos, context, enableElement,
            u"enabled group "_s + quote(service.enabledGroup) + u" has no <host>"_s);
    }
}

/// The model's side of <listen tls="terminate">: what can be said without
/// reading a file. The files (readable, PEM, key matches), the versions and
/// the cipher strings are OpenSSL's to judge: Engine::check() builds the
/// context and reports at the same place.
void Checker::checkListenerTls(const ServiceConfig &service, const QString &context)
{
    QSet<QString> seen;
    for (const ListenerTlsConfig &options : service.listenerTls) {
        const qsizetype index = service.listeners.indexOf(options.listener);
        const SourcePos pos = options.pos.isValid() ? options.pos : service.listenerPos.value(index);
        const auto element = [](QStringView attribute) {
            return elementText(u"listen", {}, attribute);
        };
        const QString where = u"listener "_s + quote(options.listener) + u": "_s;
        if (index < 0) {
            error(pos, context, element(u"tls"),
                where + u"TLS options for a listener the service does not have"_s);
            continue;
        }
        if (seen.contains(options.listener)) {
            error(pos, context, element(u"tls"), where + u"TLS options given twice"_s);
            continue;
        }
        seen.insert(options.listener);
        if (!options.terminate)
            continue;
        if (options.cert.isEmpty())
            error(pos, context, element(u"cert"), where + u"tls=\"terminate\" needs cert=\"FILE\" (PEM)"_s);
        if (options.key.isEmpty())
            error(pos, context, element(u"key"), where + u"tls=\"terminate\" needs key=\"FILE\" (PEM)"_s);
        if (options.minVersion != u"1.2" && options.minVersion != u"1.3")
            error(pos, context, element(u"minversion"), where + u"minversion is 1.2 or 1.3"_s);
        if (options.handshakeTimeoutMs <= 0)
            error(pos, context, element(u"handshaketimeout"), where + u"handshaketimeout must be positive"_s);
        for (const QString &protocol : options.alpn) {
            if (protocol.isEmpty() || protocol.size() > 255
                || protocol.toLatin1().size() != protocol.toUtf8().size())
                error(pos, context, element(u"alpn"),
                    where + u"ALPN protocol names are 1 to 255 ASCII characters"_s);
        }
        if (const ListenerProxyConfig *proxy = service.proxyOptions(options.listener);
            proxy && proxy->acceptsProxy()) {
            error(pos, context, element(u"acceptproxy"),
                where
                    + u"acceptproxy with tls=\"terminate\" is not supported yet; put the PROXY header in "
                      u"front of "
                      u"a listener without TLS, or send it to the backend (<group proxy>)"_s);
        }
        for (const TlsCertificateConfig &certificate : options.certificates) {
            const SourcePos at = certificate.pos.isValid() ? certificate.pos : pos;
            if (certificate.sni.isEmpty())
                error(at, context, elementText(u"cert", {}, u"sni"),
                    where + u"<cert> needs sni=\"name,*.domain\""_s);
            for (const QString &name : certificate.sni) {
                const QString bare = name.startsWith(u"*.") ? name.mid(2) : name;
                if (bare.isEmpty() || bare.contains(u'*') || bare.contains(u' ')) {
                    error(at, context, elementText(u"cert", {}, u"sni"),
                        where + quote(name) + u" is not a server name; expected a.example or *.b.example"_s);
                }
            }
        }
    }
}

void Checker::checkListenerProxy(const ServiceConfig &service, const QString &context)
{
    QSet<QString> seen;
    for (const ListenerProxyConfig &options : service.listenerProxy) {
        const qsizetype index = service.listeners.indexOf(options.listener);
        const SourcePos pos = options.pos.isValid() ? options.pos : service.listenerPos.value(index);
        const auto element = [](QStringView attribute) {
            return elementText(u"listen", {}, attribute);
        };
        const QString where = u"listener "_s + quote(options.listener) + u": "_s;
        if (index < 0) {
            error(pos, context, element(u"acceptproxy"),
                where + u"PROXY protocol options for a listener the service does not have"_s);
            continue;
        }
        if (seen.contains(options.listener)) {
            error(pos, context, element(u"acceptproxy"), where + u"PROXY protocol options given twice"_s);
            continue;
        }
        seen.insert(options.listener);
        if (!options.acceptsProxy()) {
            if (!options.trusted.isEmpty()) {
                error(pos, context, element(u"trusted"),
                    where
                        + u"trusted without acceptproxy; add acceptproxy=\"v1,v2\" (or v1, or v2), or remove trusted"_s);
            }
            if (options.timeoutMs != ListenerProxyConfig().timeoutMs) {
                error(pos, context, element(u"proxytimeout"),
                    where
                        + u"proxytimeout without acceptproxy; add acceptproxy=\"v1,v2\", or remove proxytimeout"_s);
            }
            continue;
        }
        if (options.versions & ~quint8(ListenerProxyConfig::V1 | ListenerProxyConfig::V2)) {
            error(pos, context, element(u"acceptproxy"),
                where + u"unknown PROXY protocol version; expected v1, v2 or v1,v2"_s);
        }
        if (options.trusted.isEmpty()) {
            error(pos, context, element(u"trusted"),
                where
                    + u"acceptproxy needs trusted: the addresses of the proxies that may send a PROXY "
                      u"header, "
                      u"e.g. trusted=\"127.0.0.1,10.0.0.0/8\" (anyone else could claim any client address)"_s);
        }
        for (const QString &entry : options.trusted) {
            QString why;
            if (!ProxyTrust::parse(entry, &why))
                error(pos, context, element(u"trusted"), where + why);
        }
        checkDuration(options.timeoutMs, 1, pos, context, element(u"proxytimeout"));
    }
}

void Checker::checkGroup(const ServiceConfig &service, const GroupConfig &group)
{
    const QString context = u"service "_s + quote(service.name) + u", group "_s + quote(group.name);
    checkDiscover(group, context);
    if (SchedulerRegistry::canonicalName(group.scheduler).isEmpty()) {
        QStringList names;
        QStringList aliases;
        for (const SchedulerInfo &info : SchedulerRegistry::all()) {
            names.append(info.name);
            aliases.append(info.aliases);
        }
        error(group.pos, context, elementText(u"group", group.name, u"scheduler"),
            u"unknown scheduler "_s + quote(group.scheduler) + u"; expected one of "_s + names.join(u", "_s)
                + (aliases.isEmpty() ? QString()
                                     : u" (or a legacy alias: "_s + aliases.join(u", "_s) + u')'));
    }
    checkDuration(
        group.stickyTimeoutMs, 1, group.pos, context, elementText(u"group", group.name, u"stickytime"));
    if (const QString problem = SchedulingOptions::tableSizeProblem(group.maglevTableSize);
        !problem.isEmpty())
        error(group.pos, context, elementText(u"group", group.name, u"tablesize"), problem);
    if (const QString problem = SchedulingOptions::balanceFactorProblem(group.balanceFactor);
        !problem.isEmpty())
        error(group.pos, context, elementText(u"group", group.name, u"balancefactor"), problem);
    if (SchedulerRegistry::canonicalName(group.scheduler) == u"maglev"
        && qint64(group.hosts.size()) * 100 > group.maglevTableSize) {
        add(Diagnostic::Severity::Warning, group.pos, context,
            elementText(u"group", group.name, u"tablesize"),
            u"a table of "_s + QString::number(group.maglevTableSize) + u" entries for "_s
                + QString::number(group.hosts.size())
                + u" hosts spreads clients unevenly; Maglev needs at least 100 entries per host: "
                  u"choose a prime of at least "_s
                + QString::number(SchedulingOptions::nextPrime(qint64(group.hosts.size()) * 100)));
    }
    if (group.health)
        checkHealth(*group.health, group.pos, context);
    for (const HostValueProblem &problem : backendFeedbackProblems(
             group.slowStartMs, group.agent.port, group.agent.intervalMs, group.agent.send))
        error(group.pos, context, elementText(u"group", group.name, problem.attribute), problem.message);

    QHash<QString, SourcePos> seen;
    QHash<QString, const HostConfig *> addresses;  // normalized address -> first host there
    for (const HostConfig &host : group.hosts) {
        if (const std::optional<Address> address = parseAddress(host.address, false, nullptr)) {
            const QString key = backendKey(*address);
            if (const HostConfig *first = addresses.value(key)) {
                error(host.pos, context, elementText(u"host", host.name, u"ip"),
                    u"host "_s + quote(host.name) + u" has the address "_s + quote(host.address)
                        + u" of host "_s + quote(first->name) + u" in group "_s + quote(group.name)
                        + firstDefined(first->pos)
                        + u"; one backend listed twice would take twice its share: remove one"_s);
            } else {
                addresses.insert(key, &host);
            }
        }
        if (host.name.isEmpty()) {
            error(
                host.pos, context, elementText(u"host", {}, u"name"), u"empty name; expected a host name"_s);
        } else if (const QString problem = itemNameProblem(host.name); !problem.isEmpty()) {
            error(host.pos, context, elementText(u"host", {}, u"name"), problem);
        } else if (seen.contains(host.name)) {
            error(host.pos, context, elementText(u"host", host.name),
                u"duplicate host name "_s + quote(host.name) + u" in group "_s + quote(group.name)
                    + firstDefined(seen.value(host.name)));
        } else {
            seen.insert(host.name, host.pos);
        }
        checkHost(context + u", host "_s + quote(host.name), host);
    }
    checkLifecycle(context, group);
}

// Issue 16: backup hosts, onprimaryup, and guided drains.
void Checker::checkLifecycle(const QString &context, const GroupConfig &group)
{
    qsizetype backups = 0;
    for (const HostConfig &host : group.hosts) {
        backups += host.backup ? 1 : 0;
        if ((host.drainDeadlineMs > 0 || host.drainThen != DrainThen::None)
            && host.adminState != HostAdminState::Drain) {
            error(host.pos, context + u", host "_s + quote(host.name),
                elementText(
                    u"host", host.name, host.drainThen != DrainThen::None ? u"drainthen" : u"draindeadline"),
                u"draindeadline and drainthen belong to a guided drain: they need state=\"drain\"; remove "
                u"them "
                u"or set the state to drain"_s);
        }
    }
    if (backups > 0 && backups == group.hosts.size()) {
        add(Diagnostic::Severity::Warning, group.pos, context, elementText(u"group", group.name),
            u"every host of group "_s + quote(group.name)
                + u" is a backup: with no primary they always take clients, as primaries would; make one "
                  u"host a primary (remove backup=\"yes\")"_s);
    }
    if (backups == 0 && group.onPrimaryUp != PrimaryUpAction::None) {
        add(Diagnostic::Severity::Warning, group.pos, context,
            elementText(u"group", group.name, u"onprimaryup"),
            u"onprimaryup has no effect: group "_s + quote(group.name)
                + u" has no backup host (backup=\"yes\")"_s);
    }
    if (backups == 0 && group.allBackups) {
        add(Diagnostic::Severity::Warning, group.pos, context,
            elementText(u"group", group.name, u"allbackups"),
            u"allbackups has no effect: group "_s + quote(group.name)
                + u" has no backup host (backup=\"yes\")"_s);
    }
}

// ---- DNS discovery --------------------------------------------------------

void Checker::checkDiscover(const GroupConfig &group, const QString &context)
{
    if (!group.discover)
        return;
    const DiscoverConfig &discover = *group.discover;
    const SourcePos pos = discover.pos.isValid() ? discover.pos : group.pos;
    if (const QString problem = DiscoverLimits::srvNameProblem(discover.srv); !problem.isEmpty())
        error(pos, context, elementText(u"discover", {}, u"srv"), problem);
    checkDiscoverInterval(discover.intervalMs, pos, context, elementText(u"discover", {}, u"interval"));
}

void Checker::checkDnsSettings()
{
    const SettingsConfig &settings = m_config.settings;
    QHostAddress address;
    quint16 port = 0;
    QString problem;
    if (!settings.dnsServer.isEmpty()
        && !DiscoverLimits::parseDnsServer(settings.dnsServer, &address, &port, &problem))
        error({}, u"settings"_s, elementText(u"settings", {}, u"dnsserver"), problem);
    checkDiscoverInterval(
        settings.dnsIntervalMs, {}, u"settings"_s, elementText(u"settings", {}, u"dnsinterval"));
}

void Checker::checkDiscoverInterval(
    qint64 value, SourcePos pos, const QString &context, const QString &element)
{
    if (value < DiscoverLimits::minIntervalMs) {
        error(pos, context, element,
            formatDuration(value) + u" is too short; expected at least "_s
                + formatDuration(DiscoverLimits::minIntervalMs));
    } else if (value > DiscoverLimits::maxIntervalMs) {
        error(pos, context, element,
            formatDuration(value) + u" is too long; expected at most "_s
                + formatDuration(DiscoverLimits::maxIntervalMs));
    }
}

void Checker::checkHost(const QString &context, const HostConfig &host)
{
    for (const HostValueProblem &problem : hostValueProblems(host))
        error(host.pos, context, elementText(u"host", host.name, problem.attribute), problem.message);
}

}  // namespace

QList<Diagnostic> validateConfig(
    const Config &config, const QString &fileName, EmptyGroups emptyGroups, AdminFiles adminFiles)
{
    Checker checker(config, fileName, emptyGroups, adminFiles);
    return checker.run();
}

}  // namespace Balancier
