#include "configfield.h"

#include "config/cidr.h"
#include "config/configattributes.h"
#include "config/configreader.h"

#include "config/address.h"
#include "config/configlimits.h"
#include "config/decimal.h"
#include "config/discoverlimits.h"
#include "config/duration.h"
#include "config/passwordhash.h"
#include "config/proxytrust.h"
#include "config/routerules.h"
#include "config/schedulerregistry.h"
#include "config/schedulingoptions.h"

#include <QXmlStreamWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Balancier {

ServiceConfig *ConfigFields::service(Config &config, const ConfigItemRef &ref)
{
    return config.service(ref.service);
}

GroupConfig *ConfigFields::group(Config &config, const ConfigItemRef &ref)
{
    ServiceConfig *s = service(config, ref);
    return s ? s->group(ref.group) : nullptr;
}

HostConfig *ConfigFields::host(Config &config, const ConfigItemRef &ref)
{
    GroupConfig *g = group(config, ref);
    return g ? g->host(ref.name) : nullptr;
}

AdminUser *ConfigFields::user(Config &config, const ConfigItemRef &ref)
{
    for (AdminUser &user : config.admin.users) {
        if (user.name == ref.name)
            return &user;
    }
    return nullptr;
}

namespace {

// Getters read through the same accessors the setters write through; the
// const_cast only lets one accessor serve both, a getter never writes.
Config &mutableConfig(const Config &config)
{
    return const_cast<Config &>(config);
}

template<typename T>
using Access = std::function<T *(Config &, const ConfigItemRef &)>;

QString checkDuration(const QVariant &value, bool allowEmpty)
{
    const QString text = value.toString().trimmed();
    if (text.isEmpty())
        return allowEmpty ? QString() : ConfigFields::tr("Enter a duration, e.g. 30s.");
    const std::optional<qint64> ms = parseDuration(text);
    if (!ms)
        return ConfigFields::tr("\"%1\" is not a duration: use e.g. 500ms, 30s, 5m, 1h or 1d.").arg(text);
    if (*ms > ConfigLimits::maxDurationMs)
        return ConfigFields::tr("At most %1.").arg(formatDuration(ConfigLimits::maxDurationMs));
    return {};
}

ConfigField duration(const QString &key, const QString &label, const QString &help, Access<qint64> access)
{
    ConfigField field;
    field.key = key;
    field.label = label;
    field.help = help;
    field.type = ConfigField::Type::Duration;
    field.get = [access](const Config &c, const ConfigItemRef &r) -> QVariant {
        const qint64 *value = access(mutableConfig(c), r);
        return value ? QVariant(formatDuration(*value)) : QVariant();
    };
    field.set = [access](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (qint64 *value = access(c, r))
            *value = parseDuration(v.toString().trimmed()).value_or(*value);
    };
    field.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        return checkDuration(v, false);
    };
    return field;
}

ConfigField integer(const QString &key, const QString &label, const QString &help, int minimum, int maximum,
    Access<int> access)
{
    ConfigField field;
    field.key = key;
    field.label = label;
    field.help = help;
    field.type = ConfigField::Type::Integer;
    field.minimum = minimum;
    field.maximum = maximum;
    field.get = [access](const Config &c, const ConfigItemRef &r) -> QVariant {
        const int *value = access(mutableConfig(c), r);
        return value ? QVariant(*value) : QVariant();
    };
    field.set = [access](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (int *value = access(c, r))
            *value = v.toInt();
    };
    return field;
}

ConfigField boolean(const QString &key, const QString &label, const QString &help, Access<bool> access)
{
    ConfigField field;
    field.key = key;
    field.label = label;
    field.help = help;
    field.type = ConfigField::Type::Boolean;
    field.get = [access](const Config &c, const ConfigItemRef &r) -> QVariant {
        const bool *value = access(mutableConfig(c), r);
        return value ? QVariant(*value) : QVariant();
    };
    field.set = [access](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (bool *value = access(c, r))
            *value = v.toBool();
    };
    return field;
}

ConfigField text(const QString &key, const QString &label, const QString &help, Access<QString> access)
{
    ConfigField field;
    field.key = key;
    field.label = label;
    field.help = help;
    field.type = ConfigField::Type::Text;
    field.get = [access](const Config &c, const ConfigItemRef &r) -> QVariant {
        const QString *value = access(mutableConfig(c), r);
        return value ? QVariant(*value) : QVariant();
    };
    field.set = [access](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (QString *value = access(c, r))
            *value = v.toString().trimmed();
    };
    return field;
}

/// `duplicate` has %1 for the name.
QString checkName(
    const QVariant &value, const QStringList &others, const QString &empty, const QString &duplicate)
{
    const QString name = value.toString().trimmed();
    if (name.isEmpty())
        return empty;
    if (others.contains(name))
        return duplicate.arg(name);
    return {};
}

QString checkAddress(const QVariant &value, bool allowPortZero)
{
    QString error;
    if (!parseAddress(value.toString().trimmed(), allowPortZero, &error))
        return ConfigFields::tr("Not an address (%1): use host:port, e.g. 127.0.0.1:8080 or [::1]:80.")
            .arg(error);
    return {};
}

// ---- DNS discovery (docs/dns-discovery.md) ---------------------------------

/// A group's <discover srv interval>: an empty SRV name removes it.
void addDiscoverFields(QList<ConfigField> &fields)
{
    ConfigField srv;
    srv.key = u"discover.srv"_s;
    srv.label = ConfigFields::tr("DNS SRV discovery");
    srv.help
        = ConfigFields::tr("Take hosts from this DNS SRV record, kept in step with it (Consul, Kubernetes); "
                           "empty: none. Discovered hosts are not saved in the file.");
    srv.placeholder = ConfigFields::tr("_http._tcp.web.example.org");
    srv.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const GroupConfig *g = ConfigFields::group(mutableConfig(c), r);
        if (!g)
            return QVariant();
        return g->discover ? g->discover->srv : QString();
    };
    srv.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        GroupConfig *g = ConfigFields::group(c, r);
        if (!g)
            return;
        const QString name = v.toString().trimmed();
        if (name.isEmpty()) {
            g->discover.reset();
        } else {
            if (!g->discover)
                g->discover = DiscoverConfig{};
            g->discover->srv = name;
        }
    };
    srv.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        const QString name = v.toString().trimmed();
        if (name.isEmpty() || DiscoverLimits::srvNameProblem(name).isEmpty())
            return QString();
        return ConfigFields::tr("Enter a DNS name such as _http._tcp.web.example.org, or leave it empty.");
    };
    fields.append(srv);
    ConfigField interval = duration(u"discover.interval"_s, ConfigFields::tr("Discovery interval"),
        ConfigFields::tr("Longest wait between two SRV lookups; a shorter TTL wins, down to 1 s."),
        [](Config &c, const ConfigItemRef &r) {
            GroupConfig *g = ConfigFields::group(c, r);
            return g && g->discover ? &g->discover->intervalMs : nullptr;
        });
    interval.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        const std::optional<qint64> ms = parseDuration(v.toString().trimmed());
        if (ms && *ms >= DiscoverLimits::minIntervalMs && *ms <= DiscoverLimits::maxIntervalMs)
            return QString();
        return ConfigFields::tr("Enter a duration from %1 to %2.")
            .arg(
                formatDuration(DiscoverLimits::minIntervalMs), formatDuration(DiscoverLimits::maxIntervalMs));
    };
    interval.visible = [](const Config &c, const ConfigItemRef &r) {
        const GroupConfig *g = ConfigFields::group(mutableConfig(c), r);
        return g && g->discover;
    };
    fields.append(interval);
}

/// A host's resolve="first|all".
void addResolveField(QList<ConfigField> &fields)
{
    ConfigField resolve;
    resolve.key = u"resolve"_s;
    resolve.label = ConfigFields::tr("Name resolution");
    resolve.help
        = ConfigFields::tr("For an address that is a DNS name: connect to its first address, or make "
                           "each of its addresses a host of its own (discovered, not saved).");
    resolve.type = ConfigField::Type::Choice;
    resolve.choices = {u"first"_s, u"all"_s};
    resolve.choiceLabels = {ConfigFields::tr("First address"), ConfigFields::tr("Every address a host")};
    resolve.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const HostConfig *h = ConfigFields::host(mutableConfig(c), r);
        return h ? QVariant(hostResolveModeName(h->resolve)) : QVariant();
    };
    resolve.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (HostConfig *h = ConfigFields::host(c, r))
            h->resolve = hostResolveModeFromName(v.toString()).value_or(h->resolve);
    };
    fields.append(resolve);
}

// ---- Backup hosts and health actions (docs/configuration.md) ---------------

/// A Choice field of a group read and written through `name`/`fromName`.
template<typename E>
ConfigField groupChoice(const QString &key, const QString &label, const QString &help,
    const QStringList &choices, const QStringList &labels, E GroupConfig::*member, QString (*name)(E),
    std::optional<E> (*fromName)(QStringView))
{
    ConfigField field;
    field.key = key;
    field.label = label;
    field.help = help;
    field.type = ConfigField::Type::Choice;
    field.choices = choices;
    field.choiceLabels = labels;
    field.get = [member, name](const Config &c, const ConfigItemRef &r) -> QVariant {
        const GroupConfig *g = ConfigFields::group(mutableConfig(c), r);
        return g ? QVariant(name(g->*member)) : QVariant();
    };
    field.set = [member, fromName](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (GroupConfig *g = ConfigFields::group(c, r))
            g->*member = fromName(v.toString()).value_or(g->*member);
    };
    return field;
}

/// A group's ondown, onprimaryup and allbackups.
void addBackupGroupFields(QList<ConfigField> &fields)
{
    fields.append(groupChoice(u"ondown"_s, ConfigFields::tr("When a host goes down"),
        ConfigFields::tr("What happens to the open connections of a host that the health checks mark "
                         "down: they stay until they end, or they are cut at once so that clients "
                         "reconnect to a working host."),
        {u"none"_s, u"shutdown-sessions"_s},
        {ConfigFields::tr("Keep its connections"), ConfigFields::tr("Cut its connections")},
        &GroupConfig::onDown, &hostDownActionName, &hostDownActionFromName));
    fields.append(groupChoice(u"onprimaryup"_s, ConfigFields::tr("When a primary host is back"),
        ConfigFields::tr("What happens to the backup hosts' open connections when a primary host "
                         "comes back up: they stay (new connections go to the primary), or they are cut."),
        {u"none"_s, u"shutdown-backup-sessions"_s},
        {ConfigFields::tr("Keep backup connections"), ConfigFields::tr("Cut backup connections")},
        &GroupConfig::onPrimaryUp, &primaryUpActionName, &primaryUpActionFromName));
    fields.append(boolean(u"allbackups"_s, ConfigFields::tr("Use every backup host"),
        ConfigFields::tr("While no primary host is up: every backup host takes connections, not only the "
                         "first one that is up."),
        [](Config &c, const ConfigItemRef &r) {
            GroupConfig *g = ConfigFields::group(c, r);
            return g ? &g->allBackups : nullptr;
        }));
}

/// <settings dnsserver dnsinterval>.
void addDnsSettingsFields(QList<ConfigField> &fields)
{
    ConfigField server = text(u"dnsserver"_s, ConfigFields::tr("DNS server"),
        ConfigFields::tr("The name server asked for host names and SRV records (discovery); an IP "
                         "address with an optional port. Empty: the system's resolver."),
        [](Config &c, const ConfigItemRef &) { return &c.settings.dnsServer; });
    server.placeholder = ConfigFields::tr("system resolver");
    server.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        const QString text = v.toString().trimmed();
        QHostAddress address;
        quint16 port = 0;
        QString problem;
        if (text.isEmpty() || DiscoverLimits::parseDnsServer(text, &address, &port, &problem))
            return QString();
        return ConfigFields::tr("Not a name server address (%1): use an IP address with an optional port, "
                                "e.g. 192.0.2.53 or [2001:db8::53]:5353, or leave it empty.")
            .arg(problem);
    };
    fields.append(server);
    ConfigField interval = duration(u"dnsinterval"_s, ConfigFields::tr("DNS refresh interval"),
        ConfigFields::tr("Longest wait before a host name is looked up again; a shorter TTL wins."),
        [](Config &c, const ConfigItemRef &) { return &c.settings.dnsIntervalMs; });
    interval.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        const std::optional<qint64> ms = parseDuration(v.toString().trimmed());
        if (ms && *ms >= DiscoverLimits::minIntervalMs && *ms <= DiscoverLimits::maxIntervalMs)
            return QString();
        return ConfigFields::tr("Enter a duration from %1 to %2.")
            .arg(
                formatDuration(DiscoverLimits::minIntervalMs), formatDuration(DiscoverLimits::maxIntervalMs));
    };
    fields.append(interval);
}

// ---- Alerts (docs/alerts.md) ------------------------------------------------

/// `<alert url="..." events="host"/>`: the attributes a reader needs (those
/// that differ from what it takes when they are missing).
QString alertElement(const AlertConfig &alert)
{
    QString text;
    QXmlStreamWriter writer(&text);
    writer.writeEmptyElement(u"alert"_s);
    for (const ConfigAttributes::Attribute &attribute : ConfigAttributes::alertAttributes(alert)) {
        if (!attribute.absent || attribute.value != *attribute.absent)
            writer.writeAttribute(QString(attribute.name), attribute.value);
    }
    writer.writeEndDocument();
    return text;
}

/// Reads `<alert>` element texts with the config reader, which also runs the
/// validator's alert rules: the alerts, and the first error as "Alert 2: ...".
QString readAlerts(const QStringList &elements, QList<AlertConfig> *alerts)
{
    // One element a line, from line 2: a diagnostic's line names its alert.
    QByteArray xml = "<balancier version=\"1\">\n";
    for (const QString &element : elements) {
        QString line = element;
        line.replace(u'\n', u' ');
        xml += line.toUtf8() + '\n';
    }
    xml += "</balancier>\n";
    const LoadResult read = ConfigReader::readData(xml, u"alerts"_s, AdminFiles::Skipped);
    for (const Diagnostic &diagnostic : read.diagnostics) {
        // Others are about the surrounding document (it has no service).
        const int at = diagnostic.line - 2;
        if (diagnostic.severity != Diagnostic::Severity::Error || at < 0 || at >= elements.size())
            continue;
        // "<alert timeout>": the attribute at fault, named beside the alert.
        const QString &element = diagnostic.element;
        if (element.startsWith(u"<alert ") && element.endsWith(u'>'))
            return ConfigFields::tr("Alert %1, %2: %3")
                .arg(at + 1)
                .arg(element.mid(7, element.size() - 8), diagnostic.message);
        return ConfigFields::tr("Alert %1: %2").arg(at + 1).arg(diagnostic.message);
    }
    if (alerts)
        *alerts = read.config.alerts;
    if (read.config.alerts.size() != elements.size())
        return ConfigFields::tr("An alert could not be read.");
    return {};
}

QList<ConfigField> alertFields()
{
    ConfigField alerts;
    alerts.key = u"alerts"_s;
    alerts.label = ConfigFields::tr("Alerts");
    alerts.help = ConfigFields::tr(
        "Who is told when a host or group changes state, a config is applied or a certificate nears its "
        "expiry: each alert a webhook (POST of a JSON event) or a program, with its own filter, queue, "
        "rate limit and retries (docs/alerts.md).");
    alerts.type = ConfigField::Type::AlertList;
    alerts.get = [](const Config &c, const ConfigItemRef &) -> QVariant {
        QStringList out;
        for (const AlertConfig &alert : c.alerts)
            out.append(alertElement(alert));
        return out;
    };
    alerts.set = [](Config &c, ConfigItemRef &, const QVariant &v) {
        QList<AlertConfig> read;
        if (readAlerts(v.toStringList(), &read).isEmpty())
            c.alerts = read;
    };
    alerts.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        return readAlerts(v.toStringList(), nullptr);
    };
    return {alerts};
}

QList<ConfigField> settingsFields()
{
    QList<ConfigField> fields;
    fields.append(integer(u"workers"_s, ConfigFields::tr("Worker threads"),
        ConfigFields::tr("Proxy threads; 0 means one per CPU core."), 0, ConfigLimits::maxWorkers,
        [](Config &c, const ConfigItemRef &) { return &c.settings.workers; }));
    fields.append(integer(u"maxconns"_s, ConfigFields::tr("Connection limit"),
        ConfigFields::tr("Most client connections at once; 0 means no limit."), 0, 10000000,
        [](Config &c, const ConfigItemRef &) { return &c.settings.maxConnections; }));
    fields.append(duration(u"draintimeout"_s, ConfigFields::tr("Drain timeout"),
        ConfigFields::tr("How long open connections may finish when the balancer stops."),
        [](Config &c, const ConfigItemRef &) { return &c.settings.drainTimeoutMs; }));
    ConfigField persist;
    persist.key = u"persist"_s;
    persist.label = ConfigFields::tr("Save runtime changes");
    persist.type = ConfigField::Type::Choice;
    persist.choices = {u"manual"_s, u"auto"_s};
    persist.choiceLabels = {ConfigFields::tr("Only when asked"), ConfigFields::tr("At once (auto)")};
    persist.get = [](const Config &c, const ConfigItemRef &) -> QVariant {
        return c.settings.persist == PersistMode::Auto ? u"auto"_s : u"manual"_s;
    };
    persist.set = [](Config &c, ConfigItemRef &, const QVariant &v) {
        c.settings.persist = v.toString() == "auto"_L1 ? PersistMode::Auto : PersistMode::Manual;
    };
    fields.append(persist);
    fields.append(duration(u"checktime.time"_s, ConfigFields::tr("Retry failed hosts after"),
        ConfigFields::tr("Minimum time before a failed host is tried again."),
        [](Config &c, const ConfigItemRef &) { return &c.checkTimeMs; }));
    fields.append(duration(u"timeouts.connect"_s, ConfigFields::tr("Connect timeout"),
        ConfigFields::tr("Default for every service."),
        [](Config &c, const ConfigItemRef &) { return &c.timeouts.connectMs; }));
    fields.append(duration(u"timeouts.idle"_s, ConfigFields::tr("Idle timeout"),
        ConfigFields::tr("Default for every service; 0 means none."),
        [](Config &c, const ConfigItemRef &) { return &c.timeouts.idleMs; }));
    fields.append(boolean(u"health.active"_s, ConfigFields::tr("Probe hosts that are up"),
        ConfigFields::tr("Health checks while a host is up (down hosts are always probed)."),
        [](Config &c, const ConfigItemRef &) { return &c.health.active; }));
    fields.append(duration(u"health.interval"_s, ConfigFields::tr("Probe interval"), {},
        [](Config &c, const ConfigItemRef &) { return &c.health.intervalMs; }));
    fields.append(duration(u"health.timeout"_s, ConfigFields::tr("Probe timeout"), {},
        [](Config &c, const ConfigItemRef &) { return &c.health.timeoutMs; }));
    fields.append(integer(u"health.rise"_s, ConfigFields::tr("Successes to come back up"), {}, 1,
        ConfigLimits::maxRiseFall, [](Config &c, const ConfigItemRef &) { return &c.health.rise; }));
    fields.append(integer(u"health.fall"_s, ConfigFields::tr("Failures to go down"), {}, 1,
        ConfigLimits::maxRiseFall, [](Config &c, const ConfigItemRef &) { return &c.health.fall; }));
    fields.append(duration(u"health.downinterval"_s, ConfigFields::tr("Probe interval while down"), {},
        [](Config &c, const ConfigItemRef &) { return &c.health.downIntervalMs; }));
    fields.append(
        duration(u"health.aggressiveinterval"_s, ConfigFields::tr("Probe interval when all are down"), {},
            [](Config &c, const ConfigItemRef &) { return &c.health.aggressiveIntervalMs; }));
    ConfigField level;
    level.key = u"logging.level"_s;
    level.label = ConfigFields::tr("Log level");
    level.type = ConfigField::Type::Choice;
    level.choices = {u"debug"_s, u"info"_s, u"warning"_s, u"critical"_s};
    level.choiceLabels = {ConfigFields::tr("Debug"), ConfigFields::tr("Information"),
        ConfigFields::tr("Warning"), ConfigFields::tr("Critical")};
    level.get = [](const Config &c, const ConfigItemRef &) -> QVariant {
        return c.logging.level;
    };
    level.set = [](Config &c, ConfigItemRef &, const QVariant &v) {
        c.logging.level = v.toString();
    };
    fields.append(level);
    fields.append(text(u"logging.file"_s, ConfigFields::tr("Log file"),
        ConfigFields::tr("Empty: standard error (or the journal)."),
        [](Config &c, const ConfigItemRef &) { return &c.logging.file; }));
    fields.append(boolean(u"logging.connections"_s, ConfigFields::tr("Log every connection"),
        ConfigFields::tr("The connection log: one record per finished connection (docs/connection-log.md)."),
        [](Config &c, const ConfigItemRef &) { return &c.logging.connections; }));
    const auto loggingChoice = [](const QString &key, const QString &label, const QStringList &choices,
                                   const QStringList &labels, QString LoggingConfig::*member) {
        ConfigField field;
        field.key = key;
        field.label = label;
        field.type = ConfigField::Type::Choice;
        field.choices = choices;
        field.choiceLabels = labels;
        field.get = [member](const Config &c, const ConfigItemRef &) -> QVariant {
            return c.logging.*member;
        };
        field.set = [member](Config &c, ConfigItemRef &, const QVariant &v) {
            c.logging.*member = v.toString();
        };
        return field;
    };
    fields.append(
        loggingChoice(u"logging.format"_s, ConfigFields::tr("Connection log format"), {u"text"_s, u"json"_s},
            {ConfigFields::tr("Text (key=value)"), ConfigFields::tr("JSON lines")}, &LoggingConfig::format));
    fields.append(loggingChoice(u"logging.to"_s, ConfigFields::tr("Connection log destination"),
        {u"log"_s, u"syslog"_s}, {ConfigFields::tr("The balancer's log"), ConfigFields::tr("Syslog")},
        &LoggingConfig::to));
    fields.append(text(u"logging.syslog"_s, ConfigFields::tr("Syslog socket"),
        ConfigFields::tr("The UNIX datagram socket of the syslog daemon, for the syslog destination."),
        [](Config &c, const ConfigItemRef &) { return &c.logging.syslog; }));
    fields.append(duration(u"logging.interim"_s, ConfigFields::tr("Interim records every"),
        ConfigFields::tr("A record for connections still open, this often; 0: none."),
        [](Config &c, const ConfigItemRef &) { return &c.logging.interimMs; }));
    fields.append(boolean(u"logging.atconnect"_s, ConfigFields::tr("Log at connect"),
        ConfigFields::tr("A record also when the backend accepts, not only when the connection ends."),
        [](Config &c, const ConfigItemRef &) { return &c.logging.atConnect; }));
    // <ha>: present while either attribute is set (docs/high-availability.md).
    const auto haText
        = [](const QString &key, const QString &label, const QString &help, QString HaConfig::*member) {
              ConfigField field = text(
                  key, label, help, [member](Config &c, const ConfigItemRef &) { return &(c.ha.*member); });
              field.set = [member](Config &c, ConfigItemRef &, const QVariant &v) {
                  c.ha.*member = v.toString().trimmed();
                  c.ha.enabled = !c.ha.vip.isEmpty() || !c.ha.stateFile.isEmpty();
              };
              return field;
          };
    fields.append(haText(u"ha.vip"_s, ConfigFields::tr("Pair: virtual address"),
        ConfigFields::tr("The keepalived pair's virtual IP: on a local interface, this node is the master."),
        &HaConfig::vip));
    fields.append(haText(u"ha.statefile"_s, ConfigFields::tr("Pair: state file"),
        ConfigFields::tr(
            "Absolute path of the file keepalived's notify script writes MASTER, BACKUP or FAULT into; "
            "it decides the role when readable."),
        &HaConfig::stateFile));
    addDnsSettingsFields(fields);
    return fields;
}

QList<ConfigField> adminFields()
{
    QList<ConfigField> fields;
    fields.append(boolean(u"enabled"_s, ConfigFields::tr("Serve the admin API"), {},
        [](Config &c, const ConfigItemRef &) { return &c.admin.enabled; }));
    ConfigField listen = text(u"listen"_s, ConfigFields::tr("Listen on"),
        ConfigFields::tr("Loopback unless TLS is set up (or insecure is allowed)."),
        [](Config &c, const ConfigItemRef &) { return &c.admin.listen; });
    listen.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        return checkAddress(v, true);
    };
    fields.append(listen);
    fields.append(text(u"cert"_s, ConfigFields::tr("TLS certificate (PEM)"), {},
        [](Config &c, const ConfigItemRef &) { return &c.admin.tlsCertificate; }));
    fields.append(text(u"key"_s, ConfigFields::tr("TLS key (PEM)"), {},
        [](Config &c, const ConfigItemRef &) { return &c.admin.tlsKey; }));
    fields.append(boolean(u"insecure"_s, ConfigFields::tr("Allow plain HTTP on a public address"), {},
        [](Config &c, const ConfigItemRef &) { return &c.admin.allowInsecureRemote; }));
    fields.append(boolean(u"metricspublic"_s, ConfigFields::tr("Metrics without a password"), {},
        [](Config &c, const ConfigItemRef &) { return &c.admin.metricsPublic; }));
    fields.append(boolean(u"healthpublic"_s, ConfigFields::tr("Health check from any address"),
        ConfigFields::tr(
            "GET /api/v1/health answers clients that are not on loopback too (no password either way)."),
        [](Config &c, const ConfigItemRef &) { return &c.admin.healthPublic; }));
    return fields;
}

QList<ConfigField> userFields()
{
    QList<ConfigField> fields;
    ConfigField name = text(u"name"_s, ConfigFields::tr("Name"), {}, [](Config &c, const ConfigItemRef &r) {
        AdminUser *u = ConfigFields::user(c, r);
        return u ? &u->name : nullptr;
    });
    name.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (AdminUser *u = ConfigFields::user(c, r)) {
            u->name = v.toString().trimmed();
            r.name = u->name;
        }
    };
    name.check = [](const Config &c, const ConfigItemRef &r, const QVariant &v) {
        QStringList others;
        for (const AdminUser &u : c.admin.users) {
            if (u.name != r.name)
                others.append(u.name);
        }
        return checkName(v, others, ConfigFields::tr("A user needs a name."),
            ConfigFields::tr("Another user is already called \"%1\"."));
    };
    fields.append(name);
    ConfigField access;
    access.key = u"access"_s;
    access.label = ConfigFields::tr("Access");
    access.type = ConfigField::Type::Choice;
    access.choices = {u"full"_s, u"readonly"_s};
    access.choiceLabels = {ConfigFields::tr("Full"), ConfigFields::tr("Read-only")};
    access.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const AdminUser *u = ConfigFields::user(mutableConfig(c), r);
        return u ? QVariant(u->access == AdminUser::Access::Full ? u"full"_s : u"readonly"_s) : QVariant();
    };
    access.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (AdminUser *u = ConfigFields::user(c, r))
            u->access = v.toString() == "full"_L1 ? AdminUser::Access::Full : AdminUser::Access::ReadOnly;
    };
    fields.append(access);
    ConfigField password;
    password.key = u"password"_s;
    password.label = ConfigFields::tr("New password");
    password.help = ConfigFields::tr("Stored as a PBKDF2 hash; the password itself is never saved.");
    password.type = ConfigField::Type::Password;
    password.get = [](const Config &, const ConfigItemRef &) -> QVariant {
        return QString();
    };
    password.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (AdminUser *u = ConfigFields::user(c, r))
            u->passwordHash = PasswordHash::create(v.toString());
    };
    password.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        return v.toString().size() < 8 && !v.toString().isEmpty()
            ? ConfigFields::tr("Use at least 8 characters.")
            : QString();
    };
    fields.append(password);
    return fields;
}

/// A service's timeout override: empty inherits the top-level default.
ConfigField serviceTimeout(const QString &key, const QString &label, qint64 TimeoutConfig::*member)
{
    ConfigField field;
    field.key = key;
    field.label = label;
    field.help = ConfigFields::tr("Empty: the default from Settings.");
    field.placeholder = ConfigFields::tr("default");
    field.type = ConfigField::Type::Duration;
    field.get = [member](const Config &c, const ConfigItemRef &r) -> QVariant {
        const ServiceConfig *s = c.service(r.service);
        if (!s || !s->timeouts || (*s->timeouts).*member == c.timeouts.*member)
            return QString();
        return formatDuration((*s->timeouts).*member);
    };
    field.set = [member](Config &c, ConfigItemRef &r, const QVariant &v) {
        ServiceConfig *s = c.service(r.service);
        if (!s)
            return;
        TimeoutConfig timeouts = s->timeouts.value_or(c.timeouts);
        const QString value = v.toString().trimmed();
        timeouts.*member
            = value.isEmpty() ? c.timeouts.*member : parseDuration(value).value_or(timeouts.*member);
        if (timeouts == c.timeouts)
            s->timeouts.reset();
        else
            s->timeouts = timeouts;
    };
    field.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        return checkDuration(v, true);
    };
    return field;
}

bool hasAcl(const Config &c, const ConfigItemRef &r)
{
    const ServiceConfig *s = c.service(r.service);
    return s && s->acl.enabled;
}

bool hasLimit(const Config &c, const ConfigItemRef &r)
{
    const ServiceConfig *s = c.service(r.service);
    return s && s->limit.enabled;
}

QList<ConfigField> aclFields()
{
    ConfigField enabled;
    enabled.key = u"acl.enabled"_s;
    enabled.label = ConfigFields::tr("Access control");
    enabled.help = ConfigFields::tr("Accept or refuse clients by address; the first matching rule decides.");
    enabled.type = ConfigField::Type::Boolean;
    enabled.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        return hasAcl(c, r);
    };
    enabled.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (ServiceConfig *s = ConfigFields::service(c, r))
            s->acl.enabled = v.toBool();
    };

    ConfigField defaultAction;
    defaultAction.key = u"acl.default"_s;
    defaultAction.label = ConfigFields::tr("Default");
    defaultAction.help = ConfigFields::tr("What happens to a client that no rule matches.");
    defaultAction.type = ConfigField::Type::Choice;
    defaultAction.choices = {u"allow"_s, u"deny"_s};
    defaultAction.choiceLabels = {ConfigFields::tr("allow"), ConfigFields::tr("deny")};
    defaultAction.visible = hasAcl;
    defaultAction.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const ServiceConfig *s = c.service(r.service);
        return s && !s->acl.defaultAllow ? u"deny"_s : u"allow"_s;
    };
    defaultAction.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (ServiceConfig *s = ConfigFields::service(c, r))
            s->acl.defaultAllow = v.toString() != u"deny";
    };

    ConfigField rules;
    rules.key = u"acl.rules"_s;
    rules.label = ConfigFields::tr("Rules");
    rules.help = ConfigFields::tr("In order: the first rule whose addresses hold the client's decides.");
    rules.type = ConfigField::Type::RuleList;
    rules.visible = hasAcl;
    rules.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        QStringList out;
        if (const ServiceConfig *s = c.service(r.service)) {
            for (const AclRule &rule : s->acl.rules) {
                out.append((rule.action == AclRule::Action::Allow ? u"allow "_s : u"deny "_s)
                    + rule.from.join(u", "_s));
            }
        }
        return out;
    };
    rules.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        ServiceConfig *s = ConfigFields::service(c, r);
        if (!s)
            return;
        s->acl.rules.clear();
        for (const QString &text : v.toStringList()) {
            AclRule rule;
            rule.action
                = text.section(u' ', 0, 0) == u"allow" ? AclRule::Action::Allow : AclRule::Action::Deny;
            rule.from = Cidr::splitList(text.section(u' ', 1));
            s->acl.rules.append(rule);
        }
    };
    rules.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        const QStringList list = v.toStringList();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QStringList items = Cidr::splitList(list.at(i).section(u' ', 1));
            if (items.isEmpty())
                return ConfigFields::tr("Rule %1 has no address.").arg(i + 1);
            for (const QString &item : items) {
                if (!Cidr::parse(item))
                    return ConfigFields::tr("Rule %1: \"%2\" is not an address or prefix such as 10.0.0.0/8.")
                        .arg(i + 1)
                        .arg(item);
            }
        }
        return QString();
    };
    return {enabled, defaultAction, rules};
}

/// TLS routing (<route>, <service peektimeout peeksize>).
QList<ConfigField> routeFields()
{
    ConfigField routes;
    routes.key = u"routes"_s;
    routes.label = ConfigFields::tr("TLS routes");
    routes.help = ConfigFields::tr(
        "In order: the first route whose server names and ALPN protocols match the client's TLS hello "
        "decides; none does: the enabled group. Drag a route to move it.");
    routes.type = ConfigField::Type::RouteList;
    routes.dynamicChoices = [](const Config &c, const ConfigItemRef &r) {
        QStringList names;
        if (const ServiceConfig *s = c.service(r.service)) {
            for (const GroupConfig &group : s->groups)
                names.append(group.name);
        }
        return names;
    };
    routes.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        QStringList out;
        if (const ServiceConfig *s = c.service(r.service)) {
            for (const RouteConfig &route : s->routes) {
                QString text = route.label();
                if (route.plain && route.silenceMs != RouteConfig::defaultSilenceMs)
                    text += u" silence="_s + formatDuration(route.silenceMs);
                out.append(text + u" -> "_s + route.group);
            }
        }
        return out;
    };
    routes.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        ServiceConfig *s = ConfigFields::service(c, r);
        if (!s)
            return;
        s->routes.clear();
        for (const QString &text : v.toStringList()) {
            RouteConfig route;
            route.group = text.section(u" -> "_s, 1).trimmed();
            for (const QString &token : text.section(u" -> "_s, 0, 0).split(u' ', Qt::SkipEmptyParts)) {
                if (token == u"plain")
                    route.plain = true;
                else if (token.startsWith(u"sni="))
                    route.sni = token.mid(4).split(u',');
                else if (token.startsWith(u"alpn="))
                    route.alpn = token.mid(5).split(u',');
                else if (token.startsWith(u"silence="))
                    route.silenceMs = parseDuration(token.mid(8)).value_or(RouteConfig::defaultSilenceMs);
            }
            s->routes.append(route);
        }
    };
    routes.check = [](const Config &c, const ConfigItemRef &r, const QVariant &v) {
        // The rules of the file and the admin API (RouteRules), on a copy.
        const ServiceConfig *s = c.service(r.service);
        if (!s)
            return QString();
        const QStringList texts = v.toStringList();
        for (qsizetype i = 0; i < texts.size(); ++i) {
            for (const QString &token :
                texts.at(i).section(u" -> "_s, 0, 0).split(u' ', Qt::SkipEmptyParts)) {
                if (token.startsWith(u"silence=") && !parseDuration(token.mid(8)))
                    return ConfigFields::tr("Route %1: \"%2\" is not a duration: use e.g. 500ms or 2s.")
                        .arg(i + 1)
                        .arg(token.mid(8));
            }
        }
        Config copy;
        copy.services.append(*s);
        ConfigItemRef ref = r;
        const QList<ConfigField> fields = routeFields();
        fields.constFirst().set(copy, ref, v);
        const QList<RouteProblem> problems = RouteRules::problems(copy.services.constFirst());
        if (problems.isEmpty())
            return QString();
        const RouteProblem &first = problems.constFirst();
        return first.route < 0 ? first.message
                               : ConfigFields::tr("Route %1: %2").arg(first.route + 1).arg(first.message);
    };

    ConfigField peekTimeout;
    peekTimeout.key = u"peektimeout"_s;
    peekTimeout.label = ConfigFields::tr("Peek timeout");
    peekTimeout.help = ConfigFields::tr("With TLS routes: the whole TLS hello must arrive within this.");
    peekTimeout.type = ConfigField::Type::Duration;
    peekTimeout.visible = [](const Config &c, const ConfigItemRef &r) {
        const ServiceConfig *s = c.service(r.service);
        return s && !s->routes.isEmpty();
    };
    peekTimeout.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const ServiceConfig *s = c.service(r.service);
        return formatDuration(s ? s->peekTimeoutMs : ServiceConfig::defaultPeekTimeoutMs);
    };
    peekTimeout.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (ServiceConfig *s = ConfigFields::service(c, r))
            s->peekTimeoutMs = parseDuration(v.toString().trimmed()).value_or(s->peekTimeoutMs);
    };
    peekTimeout.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        return checkDuration(v, false);
    };

    ConfigField peekSize;
    peekSize.key = u"peeksize"_s;
    peekSize.label = ConfigFields::tr("Peek size (bytes)");
    peekSize.help = ConfigFields::tr("With TLS routes: the largest TLS hello read.");
    peekSize.type = ConfigField::Type::Integer;
    peekSize.minimum = ServiceConfig::minPeekSize;
    peekSize.maximum = ServiceConfig::maxPeekSize;
    peekSize.visible = peekTimeout.visible;
    peekSize.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const ServiceConfig *s = c.service(r.service);
        return s ? s->peekSize : ServiceConfig::defaultPeekSize;
    };
    peekSize.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (ServiceConfig *s = ConfigFields::service(c, r))
            s->peekSize = v.toInt();
    };
    return {routes, peekTimeout, peekSize};
}

ConfigField limitInt(const QString &attribute, const QString &label, const QString &help, int minimum,
    int maximum, int LimitConfig::*member)
{
    ConfigField field;
    field.key = u"limit."_s + attribute;
    field.label = label;
    field.help = help;
    field.type = ConfigField::Type::Integer;
    field.minimum = minimum;
    field.maximum = maximum;
    field.visible = hasLimit;
    field.get = [member](const Config &c, const ConfigItemRef &r) -> QVariant {
        const ServiceConfig *s = c.service(r.service);
        return s ? s->limit.*member : LimitConfig().*member;
    };
    field.set = [member](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (ServiceConfig *s = ConfigFields::service(c, r))
            s->limit.*member = v.toInt();
    };
    return field;
}

QList<ConfigField> limitFields()
{
    ConfigField enabled;
    enabled.key = u"limit.enabled"_s;
    enabled.label = ConfigFields::tr("Per-source limits");
    enabled.help = ConfigFields::tr("Limit the connections each client address (or prefix) may open.");
    enabled.type = ConfigField::Type::Boolean;
    enabled.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        return hasLimit(c, r);
    };
    enabled.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (ServiceConfig *s = ConfigFields::service(c, r))
            s->limit.enabled = v.toBool();
    };

    ConfigField rate;
    rate.key = u"limit.rate"_s;
    rate.label = ConfigFields::tr("New connections per source");
    rate.help = ConfigFields::tr("A rate such as 10/s or 600/m; empty: no rate limit.");
    rate.placeholder = ConfigFields::tr("none");
    rate.visible = hasLimit;
    rate.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const ServiceConfig *s = c.service(r.service);
        return s ? s->limit.rateText() : QString();
    };
    rate.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        ServiceConfig *s = ConfigFields::service(c, r);
        if (!s)
            return;
        const QString text = v.toString().trimmed();
        if (text.isEmpty()) {
            s->limit.rate = 0;
            s->limit.burst = 0;
            return;
        }
        LimitConfig::parseRate(text, &s->limit.rate, &s->limit.ratePeriodS, nullptr);
    };
    rate.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        const QString text = v.toString().trimmed();
        int count = 0;
        int period = 0;
        if (text.isEmpty() || LimitConfig::parseRate(text, &count, &period, nullptr))
            return QString();
        return ConfigFields::tr("Expected a rate such as 10/s or 600/m.");
    };

    ConfigField mode;
    mode.key = u"limit.mode"_s;
    mode.label = ConfigFields::tr("Mode");
    mode.help = ConfigFields::tr("Dry run refuses nothing: it counts and logs what enforcing would refuse.");
    mode.type = ConfigField::Type::Choice;
    mode.choices = {u"enforce"_s, u"dryrun"_s};
    mode.choiceLabels = {ConfigFields::tr("enforce"), ConfigFields::tr("dry run")};
    mode.visible = hasLimit;
    mode.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const ServiceConfig *s = c.service(r.service);
        return s && s->limit.dryRun ? u"dryrun"_s : u"enforce"_s;
    };
    mode.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (ServiceConfig *s = ConfigFields::service(c, r))
            s->limit.dryRun = v.toString() == u"dryrun";
    };

    return {enabled,
        limitInt(u"perip"_s, ConfigFields::tr("Open connections per source"),
            ConfigFields::tr("0: no limit on open connections."), 0, 1000000, &LimitConfig::perIp),
        rate,
        limitInt(u"burst"_s, ConfigFields::tr("Burst"),
            ConfigFields::tr("Connections a quiet source may open at once; 0: the rate's number."), 0,
            LimitConfig::maxRate, &LimitConfig::burst),
        limitInt(u"prefix"_s, ConfigFields::tr("IPv4 prefix"),
            ConfigFields::tr("Bits of an IPv4 address that name a source: 32 each address, 24 a /24."), 0, 32,
            &LimitConfig::prefix),
        limitInt(u"prefix6"_s, ConfigFields::tr("IPv6 prefix"),
            ConfigFields::tr("Bits of an IPv6 address that name a source: 64 a /64."), 0, 128,
            &LimitConfig::prefix6),
        mode,
        limitInt(u"table"_s, ConfigFields::tr("Tracked sources"),
            ConfigFields::tr("At most this many sources are remembered; the least recently seen go first."),
            LimitConfig::minTable, LimitConfig::maxTable, &LimitConfig::table)};
}

QList<ConfigField> serviceFields()
{
    QList<ConfigField> fields;
    ConfigField name;
    name.key = u"name"_s;
    name.label = ConfigFields::tr("Name");
    name.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const ServiceConfig *s = c.service(r.service);
        return s ? QVariant(s->name) : QVariant();
    };
    name.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (ServiceConfig *s = ConfigFields::service(c, r)) {
            s->name = v.toString().trimmed();
            r.service = s->name;
        }
    };
    name.check = [](const Config &c, const ConfigItemRef &r, const QVariant &v) {
        QStringList others;
        for (const ServiceConfig &s : c.services) {
            if (s.name != r.service)
                others.append(s.name);
        }
        return checkName(v, others, ConfigFields::tr("A service needs a name."),
            ConfigFields::tr("Another service is already called \"%1\"."));
    };
    fields.append(name);
    ConfigField enable;
    enable.key = u"enable"_s;
    enable.label = ConfigFields::tr("Enabled group");
    enable.help = ConfigFields::tr("New connections go to this group's hosts.");
    enable.type = ConfigField::Type::Choice;
    enable.dynamicChoices = [](const Config &c, const ConfigItemRef &r) {
        QStringList names;
        if (const ServiceConfig *s = c.service(r.service)) {
            for (const GroupConfig &g : s->groups)
                names.append(g.name);
        }
        return names;
    };
    enable.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const ServiceConfig *s = c.service(r.service);
        return s ? QVariant(s->enabledGroup) : QVariant();
    };
    enable.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (ServiceConfig *s = ConfigFields::service(c, r))
            s->enabledGroup = v.toString();
    };
    fields.append(enable);
    fields.append(serviceTimeout(
        u"timeouts.connect"_s, ConfigFields::tr("Connect timeout"), &TimeoutConfig::connectMs));
    fields.append(
        serviceTimeout(u"timeouts.idle"_s, ConfigFields::tr("Idle timeout"), &TimeoutConfig::idleMs));
    fields.append(aclFields());
    fields.append(limitFields());
    fields.append(routeFields());
    return fields;
}

/// TLS termination of a listener (<listen tls="terminate" cert key minversion
/// alpn clientca>). The options live beside the listener
/// (ServiceConfig::listenerTls); an entry is made when one is set and
/// dropped when TLS is off and nothing else is left. SNI certificates
/// (<cert> children) are kept as they are: the XML edits them.
QList<ConfigField> listenerTlsFields()
{
    const auto options = [](Config &c, const ConfigItemRef &r) -> ListenerTlsConfig * {
        ServiceConfig *s = ConfigFields::service(c, r);
        if (!s || !s->listeners.contains(r.name))
            return nullptr;
        if (ListenerTlsConfig *existing = s->tlsOptions(r.name))
            return existing;
        ListenerTlsConfig fresh;
        fresh.listener = r.name;
        s->listenerTls.append(fresh);
        return &s->listenerTls.last();
    };
    const auto prune = [](Config &c, const ConfigItemRef &r) {
        if (ServiceConfig *s = ConfigFields::service(c, r)) {
            s->listenerTls.removeIf([&r](const ListenerTlsConfig &o) {
                ListenerTlsConfig none;
                none.listener = r.name;
                none.pos = o.pos;
                return o.listener == r.name && o == none;
            });
        }
    };
    const auto current = [](const Config &c, const ConfigItemRef &r) {
        const ServiceConfig *s = c.service(r.service);
        const ListenerTlsConfig *o = s ? s->tlsOptions(r.name) : nullptr;
        return o ? *o : ListenerTlsConfig();
    };
    const auto text = [options, prune, current](const QString &key, const QString &label, const QString &help,
                          QString ListenerTlsConfig::*member) {
        ConfigField field;
        field.key = key;
        field.label = label;
        field.help = help;
        field.type = ConfigField::Type::Text;
        field.get = [current, member](const Config &c, const ConfigItemRef &r) -> QVariant {
            return current(c, r).*member;
        };
        field.set = [options, prune, member](Config &c, ConfigItemRef &r, const QVariant &v) {
            if (ListenerTlsConfig *o = options(c, r))
                o->*member = v.toString().trimmed();
            prune(c, r);
        };
        return field;
    };
    ConfigField tls;
    tls.key = u"tls"_s;
    tls.label = ConfigFields::tr("TLS");
    tls.help = ConfigFields::tr("Terminate TLS here: clients speak TLS to this listener and the backends "
                                "get plain TCP. Needs a certificate and its key.");
    tls.type = ConfigField::Type::Choice;
    tls.choices = {u"no"_s, u"terminate"_s};
    tls.choiceLabels = {ConfigFields::tr("No (plain TCP)"), ConfigFields::tr("Terminate")};
    tls.get = [current](const Config &c, const ConfigItemRef &r) -> QVariant {
        return current(c, r).terminate ? u"terminate"_s : u"no"_s;
    };
    tls.set = [options, prune](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (ListenerTlsConfig *o = options(c, r))
            o->terminate = v.toString() == u"terminate";
        prune(c, r);
    };
    ConfigField cert = text(u"cert"_s, ConfigFields::tr("Certificate file"),
        ConfigFields::tr(
            "PEM certificate, with its chain after it; a relative path is next to the config file. "
            "Reloaded when the file changes."),
        &ListenerTlsConfig::cert);
    ConfigField key = text(u"key"_s, ConfigFields::tr("Key file"),
        ConfigFields::tr("PEM private key of the certificate, without a passphrase."),
        &ListenerTlsConfig::key);
    ConfigField minVersion;
    minVersion.key = u"minversion"_s;
    minVersion.label = ConfigFields::tr("Minimum TLS version");
    minVersion.type = ConfigField::Type::Choice;
    minVersion.choices = {u"1.2"_s, u"1.3"_s};
    minVersion.choiceLabels = {ConfigFields::tr("TLS 1.2"), ConfigFields::tr("TLS 1.3")};
    minVersion.get = [current](const Config &c, const ConfigItemRef &r) -> QVariant {
        return current(c, r).minVersion;
    };
    minVersion.set = [options, prune](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (ListenerTlsConfig *o = options(c, r))
            o->minVersion = v.toString();
        prune(c, r);
    };
    ConfigField alpn;
    alpn.key = u"alpn"_s;
    alpn.label = ConfigFields::tr("ALPN protocols");
    alpn.help = ConfigFields::tr("Protocols offered to clients, in order of preference, comma-separated, "
                                 "e.g. h2, http/1.1.");
    alpn.type = ConfigField::Type::Text;
    alpn.get = [current](const Config &c, const ConfigItemRef &r) -> QVariant {
        return current(c, r).alpn.join(u", "_s);
    };
    alpn.set = [options, prune](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (ListenerTlsConfig *o = options(c, r)) {
            o->alpn.clear();
            for (const QString &part : v.toString().split(u',', Qt::SkipEmptyParts)) {
                if (!part.trimmed().isEmpty())
                    o->alpn.append(part.trimmed());
            }
        }
        prune(c, r);
    };
    ConfigField clientCa = text(u"clientca"_s, ConfigFields::tr("Client CA file"),
        ConfigFields::tr("PEM certificates of the authorities that sign client certificates; when set, "
                         "a client without a valid certificate is refused."),
        &ListenerTlsConfig::clientCa);
    return {tls, cert, key, minVersion, alpn, clientCa};
}

QList<ConfigField> listenerFields()
{
    ConfigField ip;
    ip.key = u"ip"_s;
    ip.label = ConfigFields::tr("Address");
    ip.help = ConfigFields::tr("*:port for every interface; port 0 lets the system choose.");
    ip.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const ServiceConfig *s = c.service(r.service);
        return s && s->listeners.contains(r.name) ? QVariant(r.name) : QVariant();
    };
    ip.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        ServiceConfig *s = ConfigFields::service(c, r);
        const qsizetype at = s ? s->listeners.indexOf(r.name) : -1;
        if (at < 0)
            return;
        s->listeners[at] = v.toString().trimmed();
        // optional="yes" and the PROXY options stay with the listener they were written on.
        if (const qsizetype optional = s->optionalListeners.indexOf(r.name); optional >= 0)
            s->optionalListeners[optional] = s->listeners.at(at);
        if (ListenerProxyConfig *proxy = s->proxyOptions(r.name))
            proxy->listener = s->listeners.at(at);
        if (ListenerTlsConfig *tls = s->tlsOptions(r.name))
            tls->listener = s->listeners.at(at);
        r.name = s->listeners.at(at);
    };
    ip.check = [](const Config &c, const ConfigItemRef &r, const QVariant &v) {
        const QString error = checkAddress(v, true);
        if (!error.isEmpty())
            return error;
        const ServiceConfig *s = c.service(r.service);
        if (s && v.toString().trimmed() != r.name && s->listeners.contains(v.toString().trimmed()))
            return ConfigFields::tr("The service already listens there.");
        return QString();
    };
    // The PROXY options live beside the listener (ServiceConfig::listenerProxy);
    // an entry is made when one is set and dropped when none is left.
    const auto options = [](Config &c, const ConfigItemRef &r) -> ListenerProxyConfig * {
        ServiceConfig *s = ConfigFields::service(c, r);
        if (!s || !s->listeners.contains(r.name))
            return nullptr;
        if (ListenerProxyConfig *existing = s->proxyOptions(r.name))
            return existing;
        ListenerProxyConfig fresh;
        fresh.listener = r.name;
        s->listenerProxy.append(fresh);
        return &s->listenerProxy.last();
    };
    const auto prune = [](Config &c, const ConfigItemRef &r) {
        if (ServiceConfig *s = ConfigFields::service(c, r)) {
            s->listenerProxy.removeIf([&r](const ListenerProxyConfig &o) {
                return o.listener == r.name && o == ListenerProxyConfig{r.name, 0, {}, 3000, o.pos};
            });
        }
    };
    const auto current = [](const Config &c, const ConfigItemRef &r) {
        const ServiceConfig *s = c.service(r.service);
        const ListenerProxyConfig *o = s ? s->proxyOptions(r.name) : nullptr;
        return o ? *o : ListenerProxyConfig();
    };
    ConfigField accept;
    accept.key = u"acceptproxy"_s;
    accept.label = ConfigFields::tr("Accept PROXY header");
    accept.help
        = ConfigFields::tr("Clients of this listener are proxies (HAProxy, a cloud load balancer) that "
                           "send a PROXY protocol header first; its address is then the client's.");
    accept.type = ConfigField::Type::Choice;
    accept.choices = {u"no"_s, u"v1"_s, u"v2"_s, u"v1,v2"_s};
    accept.choiceLabels = {ConfigFields::tr("No"), ConfigFields::tr("Version 1 (text)"),
        ConfigFields::tr("Version 2 (binary)"), ConfigFields::tr("Version 1 or 2")};
    accept.get = [current](const Config &c, const ConfigItemRef &r) -> QVariant {
        const ListenerProxyConfig o = current(c, r);
        return o.versions ? proxyVersionsName(o.versions) : u"no"_s;
    };
    accept.set = [options, prune](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (ListenerProxyConfig *o = options(c, r))
            o->versions = proxyVersionsFromName(v.toString()).value_or(0);
        prune(c, r);
    };
    ConfigField trusted;
    trusted.key = u"trusted"_s;
    trusted.label = ConfigFields::tr("Trusted proxies");
    trusted.help = ConfigFields::tr("Addresses or networks allowed to send a PROXY header, comma-separated, "
                                    "e.g. 127.0.0.1, 10.0.0.0/8; anyone else is refused.");
    trusted.type = ConfigField::Type::Text;
    trusted.get = [current](const Config &c, const ConfigItemRef &r) -> QVariant {
        return current(c, r).trusted.join(u", "_s);
    };
    trusted.set = [options, prune](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (ListenerProxyConfig *o = options(c, r)) {
            o->trusted.clear();
            for (const QString &part : v.toString().split(u',', Qt::SkipEmptyParts)) {
                if (!part.trimmed().isEmpty())
                    o->trusted.append(part.trimmed());
            }
        }
        prune(c, r);
    };
    trusted.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        for (const QString &part : v.toString().split(u',', Qt::SkipEmptyParts)) {
            if (part.trimmed().isEmpty())
                continue;
            if (!ProxyTrust::parse(part, nullptr))
                return ConfigFields::tr("\"%1\" is not an address or network: use e.g. 127.0.0.1, 10.0.0.0/8 "
                                        "or 2001:db8::/32.")
                    .arg(part.trimmed());
        }
        return QString();
    };
    ConfigField timeout = duration(u"proxytimeout"_s, ConfigFields::tr("PROXY header timeout"),
        ConfigFields::tr("The whole header must arrive within this; otherwise the connection is closed."),
        [options](Config &c, const ConfigItemRef &r) -> qint64 * {
            ListenerProxyConfig *o = options(c, r);
            return o ? &o->timeoutMs : nullptr;
        });
    timeout.get = [current](const Config &c, const ConfigItemRef &r) -> QVariant {
        return formatDuration(current(c, r).timeoutMs);
    };
    const auto setTimeout = timeout.set;
    timeout.set = [setTimeout, prune](Config &c, ConfigItemRef &r, const QVariant &v) {
        setTimeout(c, r, v);
        prune(c, r);
    };
    QList<ConfigField> fields{ip, accept, trusted, timeout};
    fields.append(listenerTlsFields());
    return fields;
}

QList<ConfigField> groupFeedbackFields();

QList<ConfigField> groupFields()
{
    QList<ConfigField> fields;
    ConfigField name;
    name.key = u"name"_s;
    name.label = ConfigFields::tr("Name");
    name.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const GroupConfig *g = ConfigFields::group(mutableConfig(c), r);
        return g ? QVariant(g->name) : QVariant();
    };
    name.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        ServiceConfig *s = ConfigFields::service(c, r);
        GroupConfig *g = ConfigFields::group(c, r);
        if (!s || !g)
            return;
        const QString newName = v.toString().trimmed();
        if (s->enabledGroup == g->name)
            s->enabledGroup = newName;
        g->name = newName;
        r.group = newName;
    };
    name.check = [](const Config &c, const ConfigItemRef &r, const QVariant &v) {
        QStringList others;
        if (const ServiceConfig *s = c.service(r.service)) {
            for (const GroupConfig &g : s->groups) {
                if (g.name != r.group)
                    others.append(g.name);
            }
        }
        return checkName(v, others, ConfigFields::tr("A group needs a name."),
            ConfigFields::tr("Another group is already called \"%1\"."));
    };
    fields.append(name);
    ConfigField scheduler;
    scheduler.key = u"scheduler"_s;
    scheduler.label = ConfigFields::tr("Scheduler");
    scheduler.type = ConfigField::Type::Choice;
    QStringList help;
    for (const SchedulerInfo &info : SchedulerRegistry::all()) {
        scheduler.choices.append(info.name);
        help.append(info.name + u": "_s + info.description);
    }
    scheduler.help = help.join(u'\n');
    scheduler.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const GroupConfig *g = ConfigFields::group(mutableConfig(c), r);
        return g ? QVariant(g->scheduler) : QVariant();
    };
    scheduler.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (GroupConfig *g = ConfigFields::group(c, r))
            g->scheduler = v.toString();
    };
    fields.append(scheduler);
    ConfigField proxy;
    proxy.key = u"proxy"_s;
    proxy.label = ConfigFields::tr("PROXY header");
    proxy.help = ConfigFields::tr(
        "Sent to the hosts before the client's bytes, so that they see the client's "
        "address; a host must expect it (HAProxy's accept-proxy, nginx's proxy_protocol).");
    proxy.type = ConfigField::Type::Choice;
    proxy.choices = {u"no"_s, u"v1"_s, u"v2"_s};
    proxy.choiceLabels = {ConfigFields::tr("None"), ConfigFields::tr("Version 1 (text)"),
        ConfigFields::tr("Version 2 (binary)")};
    proxy.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const GroupConfig *g = ConfigFields::group(mutableConfig(c), r);
        return g ? QVariant(proxySendModeName(g->proxy)) : QVariant();
    };
    proxy.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (GroupConfig *g = ConfigFields::group(c, r))
            g->proxy = proxySendModeFromName(v.toString()).value_or(g->proxy);
    };
    fields.append(proxy);
    fields.append(duration(u"stickytime"_s, ConfigFields::tr("Sticky time"),
        ConfigFields::tr("\"sticky\" scheduler: how long an idle client keeps its host."),
        [](Config &c, const ConfigItemRef &r) {
            GroupConfig *g = ConfigFields::group(c, r);
            return g ? &g->stickyTimeoutMs : nullptr;
        }));
    const auto isMaglev = [](const Config &c, const ConfigItemRef &r) {
        const GroupConfig *g = ConfigFields::group(mutableConfig(c), r);
        return g && SchedulerRegistry::canonicalName(g->scheduler) == u"maglev";
    };
    ConfigField tableSize = integer(u"tablesize"_s, ConfigFields::tr("Table size"),
        ConfigFields::tr(
            "\"maglev\" scheduler: entries of the lookup table, a prime number; at least 100 per "
            "host for an even spread."),
        ConfigLimits::minMaglevTableSize, ConfigLimits::maxMaglevTableSize,
        [](Config &c, const ConfigItemRef &r) {
            GroupConfig *g = ConfigFields::group(c, r);
            return g ? &g->maglevTableSize : nullptr;
        });
    tableSize.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        return SchedulingOptions::tableSizeProblem(v.toLongLong()).isEmpty()
            ? QString()
            : ConfigFields::tr("Enter a prime number from %1 to %2, such as %3.")
                  .arg(ConfigLimits::minMaglevTableSize)
                  .arg(ConfigLimits::maxMaglevTableSize)
                  .arg(SchedulingOptions::nextPrime(std::max<qint64>(v.toLongLong(), 251)));
    };
    tableSize.visible = isMaglev;
    fields.append(tableSize);
    ConfigField factor;
    factor.key = u"balancefactor"_s;
    factor.label = ConfigFields::tr("Balance factor");
    factor.help = ConfigFields::tr("\"maglev\" scheduler: bounded load. A host with more than this factor "
                                   "times its share of the connections is skipped. Empty: no bound.");
    factor.placeholder = ConfigFields::tr("no bound");
    factor.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const GroupConfig *g = ConfigFields::group(mutableConfig(c), r);
        if (!g)
            return QVariant();
        return g->balanceFactor > 0 ? QVariant(formatDecimal(g->balanceFactor)) : QVariant(QString());
    };
    factor.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (GroupConfig *g = ConfigFields::group(c, r)) {
            const QString text = v.toString().trimmed();
            g->balanceFactor = text.isEmpty() ? 0.0 : parseDecimal(text).value_or(g->balanceFactor);
        }
    };
    factor.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        const QString text = v.toString().trimmed();
        if (text.isEmpty())
            return QString();
        const std::optional<double> value = parseDecimal(text);
        if (value && *value > 0 && SchedulingOptions::balanceFactorProblem(*value).isEmpty())
            return QString();
        return ConfigFields::tr("Enter a number above 1 and at most 100, such as 1.25, or leave it empty.");
    };
    factor.visible = isMaglev;
    fields.append(factor);
    addBackupGroupFields(fields);
    addDiscoverFields(fields);
    fields.append(groupFeedbackFields());
    return fields;
}

/// agentsend as written in the XML: \r \n \t \\ and \xHH escapes.
QString escapeSend(const QByteArray &bytes)
{
    QString text;
    for (const char byte : bytes) {
        const auto c = static_cast<unsigned char>(byte);
        if (c == '\r')
            text += u"\\r"_s;
        else if (c == '\n')
            text += u"\\n"_s;
        else if (c == '\t')
            text += u"\\t"_s;
        else if (c == '\\')
            text += u"\\\\"_s;
        else if (c < 0x20 || c >= 0x7f)
            text += u"\\x%1"_s.arg(uint(c), 2, 16, QLatin1Char('0'));
        else
            text += QLatin1Char(byte);
    }
    return text;
}

QByteArray unescapeSend(const QString &text)
{
    QByteArray bytes;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (c == u'\\' && (next == u'r' || next == u'n' || next == u't' || next == u'\\')) {
            bytes += next == u'r' ? '\r' : next == u'n' ? '\n' : next == u't' ? '\t' : '\\';
            ++i;
        } else if (c == u'\\' && next == u'x' && i + 3 < text.size()) {
            bool ok = false;
            const int value = text.mid(i + 2, 2).toInt(&ok, 16);
            if (ok) {
                bytes += char(value);
                i += 3;
            } else {
                bytes += '\\';
            }
        } else {
            bytes += QString(c).toUtf8();
        }
    }
    return bytes;
}

QString checkSlowStart(const QVariant &value, bool allowEmpty)
{
    const QString text = value.toString().trimmed();
    if (text.isEmpty() && allowEmpty)
        return {};
    const std::optional<qint64> ms = parseDuration(text);
    if (!ms)
        return ConfigFields::tr("\"%1\" is not a duration: use e.g. 30s or 2m; 0 for none.").arg(text);
    if (*ms > ConfigLimits::maxSlowStartMs)
        return ConfigFields::tr("At most %1.").arg(formatDuration(ConfigLimits::maxSlowStartMs));
    return {};
}

QString checkAgentInterval(const QVariant &value, bool allowEmpty)
{
    const QString text = value.toString().trimmed();
    if (text.isEmpty() && allowEmpty)
        return {};
    const std::optional<qint64> ms = parseDuration(text);
    if (!ms || *ms < ConfigLimits::minAgentIntervalMs || *ms > ConfigLimits::maxAgentIntervalMs)
        return ConfigFields::tr("Enter a duration from %1 to %2, e.g. 2s.")
            .arg(formatDuration(ConfigLimits::minAgentIntervalMs),
                formatDuration(ConfigLimits::maxAgentIntervalMs));
    return {};
}

QString checkAgentPort(const QVariant &value, bool allowEmpty)
{
    const QString text = value.toString().trimmed();
    if (text.isEmpty() && allowEmpty)
        return {};
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port < 0 || port > 65535)
        return ConfigFields::tr("Enter a port from 1 to 65535, or 0 for no agent.");
    return {};
}

/// Slow start and agent check of a group (backend feedback).
QList<ConfigField> groupFeedbackFields()
{
    QList<ConfigField> fields;
    ConfigField slowStart = duration(u"slowstart"_s, ConfigFields::tr("Slow start"),
        ConfigFields::tr("A host that comes back (health up, back to ready, added) gets its weight over this "
                         "time, from almost nothing; 0 for none."),
        [](Config &c, const ConfigItemRef &r) {
            GroupConfig *g = ConfigFields::group(c, r);
            return g ? &g->slowStartMs : nullptr;
        });
    slowStart.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        return checkSlowStart(v, false);
    };
    fields.append(slowStart);
    ConfigField agent = integer(u"agent"_s, ConfigFields::tr("Agent port"),
        ConfigFields::tr("Port of the agent on each host (HAProxy's agent check): it answers a line that may "
                         "change the host's weight, limit, state or health; 0 for none."),
        0, 65535, [](Config &c, const ConfigItemRef &r) {
            GroupConfig *g = ConfigFields::group(c, r);
            return g ? &g->agent.port : nullptr;
        });
    fields.append(agent);
    ConfigField interval = duration(u"agentinterval"_s, ConfigFields::tr("Agent interval"),
        ConfigFields::tr("How often each agent is asked; also how long it has to answer."),
        [](Config &c, const ConfigItemRef &r) {
            GroupConfig *g = ConfigFields::group(c, r);
            return g ? &g->agent.intervalMs : nullptr;
        });
    interval.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        return checkAgentInterval(v, false);
    };
    fields.append(interval);
    ConfigField send;
    send.key = u"agentsend"_s;
    send.label = ConfigFields::tr("Agent request");
    send.help
        = ConfigFields::tr("Sent to the agent after connecting, with \\n for a line end; empty: nothing.");
    send.type = ConfigField::Type::Text;
    send.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const GroupConfig *g = ConfigFields::group(mutableConfig(c), r);
        return g ? QVariant(escapeSend(g->agent.send)) : QVariant();
    };
    send.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (GroupConfig *g = ConfigFields::group(c, r))
            g->agent.send = unescapeSend(v.toString());
    };
    fields.append(send);
    return fields;
}

/// The host's own slow start and agent check; empty: its group's.
QList<ConfigField> hostFeedbackFields()
{
    QList<ConfigField> fields;
    const QString asGroup = ConfigFields::tr("as the group");
    ConfigField slowStart;
    slowStart.key = u"slowstart"_s;
    slowStart.label = ConfigFields::tr("Slow start");
    slowStart.help = ConfigFields::tr("This host's own slow start; empty: the group's.");
    slowStart.type = ConfigField::Type::Duration;
    slowStart.placeholder = asGroup;
    slowStart.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const HostConfig *h = ConfigFields::host(mutableConfig(c), r);
        return h && h->slowStartMs ? QVariant(formatDuration(*h->slowStartMs)) : QVariant(QString());
    };
    slowStart.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (HostConfig *h = ConfigFields::host(c, r)) {
            const QString text = v.toString().trimmed();
            h->slowStartMs = text.isEmpty() ? std::nullopt : parseDuration(text);
        }
    };
    slowStart.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        return checkSlowStart(v, true);
    };
    fields.append(slowStart);
    ConfigField agent;
    agent.key = u"agent"_s;
    agent.label = ConfigFields::tr("Agent port");
    agent.help = ConfigFields::tr("This host's agent port; 0: no agent; empty: the group's.");
    agent.type = ConfigField::Type::Text;
    agent.placeholder = asGroup;
    agent.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const HostConfig *h = ConfigFields::host(mutableConfig(c), r);
        return h && h->agentPort ? QVariant(QString::number(*h->agentPort)) : QVariant(QString());
    };
    agent.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (HostConfig *h = ConfigFields::host(c, r)) {
            const QString text = v.toString().trimmed();
            h->agentPort = text.isEmpty() ? std::nullopt : std::optional<int>(text.toInt());
        }
    };
    agent.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        return checkAgentPort(v, true);
    };
    fields.append(agent);
    ConfigField interval;
    interval.key = u"agentinterval"_s;
    interval.label = ConfigFields::tr("Agent interval");
    interval.help = ConfigFields::tr("How often this host's agent is asked; empty: the group's.");
    interval.type = ConfigField::Type::Duration;
    interval.placeholder = asGroup;
    interval.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const HostConfig *h = ConfigFields::host(mutableConfig(c), r);
        return h && h->agentIntervalMs ? QVariant(formatDuration(*h->agentIntervalMs)) : QVariant(QString());
    };
    interval.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (HostConfig *h = ConfigFields::host(c, r)) {
            const QString text = v.toString().trimmed();
            h->agentIntervalMs = text.isEmpty() ? std::nullopt : parseDuration(text);
        }
    };
    interval.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        return checkAgentInterval(v, true);
    };
    fields.append(interval);
    ConfigField send;
    send.key = u"agentsend"_s;
    send.label = ConfigFields::tr("Agent request");
    send.help = ConfigFields::tr("Sent to this host's agent, with \\n for a line end; empty: the group's.");
    send.type = ConfigField::Type::Text;
    send.placeholder = asGroup;
    send.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const HostConfig *h = ConfigFields::host(mutableConfig(c), r);
        return h && h->agentSend ? QVariant(escapeSend(*h->agentSend)) : QVariant(QString());
    };
    send.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (HostConfig *h = ConfigFields::host(c, r)) {
            const QString text = v.toString();
            h->agentSend = text.isEmpty() ? std::nullopt : std::optional<QByteArray>(unescapeSend(text));
        }
    };
    fields.append(send);
    return fields;
}

QList<ConfigField> hostFields()
{
    QList<ConfigField> fields;
    ConfigField name = text(u"name"_s, ConfigFields::tr("Name"), {}, [](Config &c, const ConfigItemRef &r) {
        HostConfig *h = ConfigFields::host(c, r);
        return h ? &h->name : nullptr;
    });
    name.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (HostConfig *h = ConfigFields::host(c, r)) {
            h->name = v.toString().trimmed();
            r.name = h->name;
        }
    };
    name.check = [](const Config &c, const ConfigItemRef &r, const QVariant &v) {
        QStringList others;
        if (const GroupConfig *g = ConfigFields::group(mutableConfig(c), r)) {
            for (const HostConfig &h : g->hosts) {
                if (h.name != r.name)
                    others.append(h.name);
            }
        }
        return checkName(v, others, ConfigFields::tr("A host needs a name."),
            ConfigFields::tr("Another host is already called \"%1\"."));
    };
    fields.append(name);
    ConfigField ip = text(u"ip"_s, ConfigFields::tr("Address"), ConfigFields::tr("host:port of the backend."),
        [](Config &c, const ConfigItemRef &r) {
            HostConfig *h = ConfigFields::host(c, r);
            return h ? &h->address : nullptr;
        });
    ip.check = [](const Config &, const ConfigItemRef &, const QVariant &v) {
        return checkAddress(v, false);
    };
    fields.append(ip);
    fields.append(integer(u"weight"_s, ConfigFields::tr("Weight"),
        ConfigFields::tr("Share of new connections; 0 sends none."), 0, ConfigLimits::maxWeight,
        [](Config &c, const ConfigItemRef &r) {
            HostConfig *h = ConfigFields::host(c, r);
            return h ? &h->weight : nullptr;
        }));
    fields.append(integer(u"maxconns"_s, ConfigFields::tr("Connection limit"),
        ConfigFields::tr("Most open connections to this host; 0 means no limit."), 0, 10000000,
        [](Config &c, const ConfigItemRef &r) {
            HostConfig *h = ConfigFields::host(c, r);
            return h ? &h->maxConns : nullptr;
        }));
    ConfigField state;
    state.key = u"state"_s;
    state.label = ConfigFields::tr("State");
    state.type = ConfigField::Type::Choice;
    state.choices = {u"ready"_s, u"drain"_s, u"maintenance"_s};
    state.choiceLabels
        = {ConfigFields::tr("Ready"), ConfigFields::tr("Drain"), ConfigFields::tr("Maintenance")};
    state.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const HostConfig *h = ConfigFields::host(mutableConfig(c), r);
        return h ? QVariant(hostAdminStateName(h->adminState)) : QVariant();
    };
    state.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (HostConfig *h = ConfigFields::host(c, r))
            h->adminState = hostAdminStateFromName(v.toString()).value_or(h->adminState);
    };
    fields.append(state);
    ConfigField proxy;
    proxy.key = u"proxy"_s;
    proxy.label = ConfigFields::tr("PROXY header");
    proxy.help = ConfigFields::tr("What this host gets before the client's bytes; \"As the group\" follows "
                                  "the group's setting.");
    proxy.type = ConfigField::Type::Choice;
    proxy.choices = {u"group"_s, u"no"_s, u"v1"_s, u"v2"_s};
    proxy.choiceLabels = {ConfigFields::tr("As the group"), ConfigFields::tr("None"),
        ConfigFields::tr("Version 1 (text)"), ConfigFields::tr("Version 2 (binary)")};
    proxy.get = [](const Config &c, const ConfigItemRef &r) -> QVariant {
        const HostConfig *h = ConfigFields::host(mutableConfig(c), r);
        if (!h)
            return QVariant();
        return h->proxy ? proxySendModeName(*h->proxy) : u"group"_s;
    };
    proxy.set = [](Config &c, ConfigItemRef &r, const QVariant &v) {
        if (HostConfig *h = ConfigFields::host(c, r))
            h->proxy = proxySendModeFromName(v.toString());  // "group": none of its own
    };
    fields.append(proxy);
    fields.append(boolean(u"backup"_s, ConfigFields::tr("Backup host"),
        ConfigFields::tr("Takes connections only while no primary (non-backup) host of the group is up."),
        [](Config &c, const ConfigItemRef &r) {
            HostConfig *h = ConfigFields::host(c, r);
            return h ? &h->backup : nullptr;
        }));
    addResolveField(fields);
    fields.append(hostFeedbackFields());
    return fields;
}

}  // namespace

QList<ConfigField> ConfigFields::forKind(ConfigItemRef::Kind kind)
{
    switch (kind) {
    case ConfigItemRef::Kind::Settings:
        return settingsFields();
    case ConfigItemRef::Kind::Admin:
        return adminFields();
    case ConfigItemRef::Kind::User:
        return userFields();
    case ConfigItemRef::Kind::Service:
        return serviceFields();
    case ConfigItemRef::Kind::Listener:
        return listenerFields();
    case ConfigItemRef::Kind::Group:
        return groupFields();
    case ConfigItemRef::Kind::Host:
        return hostFields();
    case ConfigItemRef::Kind::Alerts:
        return alertFields();
    case ConfigItemRef::Kind::None:
        break;
    }
    return {};
}

}  // namespace Balancier
