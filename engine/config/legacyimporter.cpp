#include "legacyimporter.h"

#include "address.h"
#include "configlimits.h"
#include "configxmlstream.h"
#include "duration.h"
#include "schedulerregistry.h"

#include <QHostAddress>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

bool isLoopback(const QString &listen)
{
    const std::optional<Address> address = parseAddress(listen, true);
    if (!address)
        return true;  // the validator reports a bad address; no second message here
    if (address->host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    return QHostAddress(address->host).isLoopback();
}

}  // namespace

LegacyImporter::LegacyImporter(
    ConfigXmlStream &xml, ConfigDialect dialect, Config *config, QList<Diagnostic> *report)
    : m_xml(xml)
    , m_dialect(dialect)
    , m_config(config)
    , m_report(report)
{ }

QString LegacyImporter::programName() const
{
    return isPythonDirector() ? u"pythondirector"_s : u"txLoadBalancer"_s;
}

void LegacyImporter::note(SourcePos pos, const QString &element, const QString &message)
{
    m_report->append({Diagnostic::Severity::Note, m_xml.fileName(), pos.line, pos.column, element, message});
}

void LegacyImporter::warning(SourcePos pos, const QString &element, const QString &message)
{
    m_report->append(
        {Diagnostic::Severity::Warning, m_xml.fileName(), pos.line, pos.column, element, message});
}

bool LegacyImporter::claimSingle(bool *seen)
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

bool LegacyImporter::lenientBool(QStringView attribute, bool defaultValue)
{
    if (!m_xml.hasAttribute(attribute))
        return defaultValue;
    const QString text = m_xml.attribute(attribute);
    if (!isPythonDirector()) {
        // txLoadBalancer's rule: yes, 1, on, enable and true (any case) are
        // true, and everything else is false. Read the file as TX did, or
        // the wrong group goes live.
        const QString word = text.trimmed().toLower();
        static const QStringList trueWords = {u"yes"_s, u"1"_s, u"on"_s, u"enable"_s, u"true"_s};
        static const QStringList falseWords = {u"no"_s, u"0"_s, u"off"_s, u"disable"_s, u"false"_s};
        if (trueWords.contains(word))
            return true;
        if (!falseWords.contains(word)) {
            note(m_xml.attributePos(attribute), m_xml.describe(attribute),
                u"\""_s + text
                    + u"\" is not one of txLoadBalancer's true words (yes, 1, on, enable, true); read as "
                      u"\"no\", "
                      u"as txLoadBalancer does"_s);
        }
        return false;
    }
    if (const std::optional<bool> value = ConfigXmlStream::parseBool(text))
        return *value;
    note(m_xml.attributePos(attribute), m_xml.describe(attribute),
        u"\""_s + text + u"\" is not a boolean (yes, no, true, false, on, off, 1, 0); read as \"no\""_s);
    return false;
}

void LegacyImporter::parse()
{
    const QString root = isPythonDirector() ? u"pdconfig"_s : u"config"_s;
    const SourcePos rootPos = m_xml.elementPos();
    note(rootPos, u'<' + root + u'>',
        u"imported a "_s + programName() + u" <"_s + root
            + u"> file; saving it writes the native <balancier version=\"1\"> format"_s);
    m_xml.checkAttributes({});
    m_config->checkTimeMs = legacyCheckTimeMs;

    bool seenAdmin = false;
    bool seenLogging = false;
    bool seenManager = false;
    while (m_xml.readNextChild()) {
        if (m_xml.isElement(u"service")) {
            parseService();
        } else if (m_xml.isElement(u"admin")) {
            if (claimSingle(&seenAdmin)) {
                if (isPythonDirector())
                    parsePdAdmin();
                else
                    parseTxAdmin();
            }
        } else if (m_xml.isElement(u"logging")) {
            if (claimSingle(&seenLogging))
                parseLogging();
        } else if (isPythonDirector() && m_xml.isElement(u"checktime")) {
            if (claimSingle(&m_sawCheckTime))
                parseCheckTime();
        } else if (!isPythonDirector() && m_xml.isElement(u"manager")) {
            if (claimSingle(&seenManager))
                parseManager();
        } else if (!isPythonDirector() && m_xml.isElement(u"control")) {
            m_xml.checkAttributes({u"socket"_s});
            dropElement(u"the control socket is not supported; dropped (use the admin API)"_s);
        } else if (isPythonDirector()) {
            m_xml.rejectElement(root, {u"service"_s, u"admin"_s, u"logging"_s, u"checktime"_s});
        } else {
            m_xml.rejectElement(root, {u"service"_s, u"admin"_s, u"logging"_s, u"manager"_s, u"control"_s});
        }
    }

    if (!m_sawCheckTime) {
        const QString what = isPythonDirector() ? u"<checktime>"_s : u"<manager><hostCheck interval>"_s;
        note(rootPos, u'<' + root + u'>',
            u"no "_s + what + u": failed hosts are retried after "_s + formatDuration(legacyCheckTimeMs)
                + u", "_s + programName() + u"'s default; written as <checktime time=\""_s
                + formatDuration(legacyCheckTimeMs) + u"\"/>"_s);
    }
}

void LegacyImporter::dropElement(const QString &message)
{
    note(m_xml.elementPos(), u'<' + m_xml.name() + u'>', message);
    m_xml.skipElement();
}

void LegacyImporter::parseService()
{
    m_xml.checkAttributes({u"name"_s});
    ServiceConfig service;
    service.pos = m_xml.elementPos();
    const QString serviceElement = m_xml.describe();
    service.name = m_xml.requiredAttribute(u"name").value_or(QString());
    QList<EnableCandidate> enabled;
    while (m_xml.readNextChild()) {
        if (m_xml.isElement(u"listen")) {
            m_xml.checkAttributes({u"ip"_s});
            service.listeners.append(m_xml.requiredAttribute(u"ip").value_or(QString()));
            service.listenerPos.items.append(m_xml.elementPos());
            m_xml.readNoChildren();
        } else if (m_xml.isElement(u"group")) {
            parseGroup(service, enabled);
        } else if (m_xml.isElement(u"enable")) {
            m_xml.checkAttributes({u"group"_s});
            if (const std::optional<QString> group = m_xml.requiredAttribute(u"group"))
                enabled.append({*group, m_xml.elementPos(), m_xml.describe(u"group")});
            m_xml.readNoChildren();
        } else {
            m_xml.rejectElement(u"service", {u"listen"_s, u"group"_s, u"enable"_s});
        }
    }

    if (!enabled.isEmpty()) {
        const EnableCandidate &chosen = enabled.constFirst();
        service.enabledGroup = chosen.group;
        service.enablePos = chosen.pos;
        for (qsizetype i = 1; i < enabled.size(); ++i) {
            if (enabled.at(i).group != chosen.group) {
                warning(enabled.at(i).pos, enabled.at(i).element,
                    u"group \""_s + chosen.group
                        + u"\" is already enabled; a service has one live group, so \""_s
                        + enabled.at(i).group + u"\" stays a standby group"_s);
            }
        }
    } else if (!service.groups.isEmpty()) {
        service.enabledGroup = service.groups.constFirst().name;
        note(service.pos, serviceElement,
            u"no group is enabled; the first, \""_s + service.enabledGroup
                + u"\", is: written as <enable group=\""_s + service.enabledGroup + u"\"/>"_s);
    }
    m_config->services.append(service);
}

void LegacyImporter::mapScheduler(GroupConfig &group)
{
    if (!m_xml.hasAttribute(u"scheduler")) {
        note(m_xml.elementPos(), m_xml.describe(),
            u"no scheduler; using \""_s + group.scheduler + u"\" (written as scheduler=\""_s + group.scheduler
                + u"\")"_s);
        return;
    }
    const QString written = m_xml.attribute(u"scheduler");
    const QString canonical = SchedulerRegistry::canonicalName(written);
    if (canonical.isEmpty()) {
        group.scheduler = written;  // the validator reports it
        return;
    }
    group.scheduler = canonical;
    if (canonical != written) {
        note(m_xml.attributePos(u"scheduler"), m_xml.describe(u"scheduler"),
            u"scheduler \""_s + written + u"\" became \""_s + canonical + u'"');
    }
}

void LegacyImporter::parseGroup(ServiceConfig &service, QList<EnableCandidate> &enabled)
{
    if (isPythonDirector())
        m_xml.checkAttributes({u"name"_s, u"scheduler"_s});
    else
        m_xml.checkAttributes({u"name"_s, u"scheduler"_s, u"enable"_s});
    GroupConfig group;
    group.pos = m_xml.elementPos();
    group.name = m_xml.requiredAttribute(u"name").value_or(QString());
    mapScheduler(group);
    if (!isPythonDirector() && lenientBool(u"enable", false)) {
        const QString element = m_xml.describe(u"enable");
        enabled.append({group.name, m_xml.elementPos(), element});
        note(
            m_xml.attributePos(u"enable"), element, u"mapped to <enable group=\""_s + group.name + u"\"/>"_s);
    }
    while (m_xml.readNextChild()) {
        if (m_xml.isElement(u"host")) {
            parseHost(group);
        } else if (isPythonDirector() && m_xml.isElement(u"client")) {
            note(m_xml.elementPos(), m_xml.describe(), u"<client> is pythondirector's old name for <host>"_s);
            parseHost(group);
        } else {
            m_xml.rejectElement(u"group", {u"host"_s});
        }
    }
    service.groups.append(group);
}

void LegacyImporter::parseHost(GroupConfig &group)
{
    if (isPythonDirector())
        m_xml.checkAttributes({u"name"_s, u"ip"_s});
    else
        m_xml.checkAttributes({u"name"_s, u"ip"_s, u"weight"_s});
    HostConfig host;
    host.pos = m_xml.elementPos();
    if (m_xml.hasAttribute(u"name")) {
        host.name = m_xml.attribute(u"name");
    } else {
        // Both programs named such hosts after their position.
        host.name = (isPythonDirector() ? u"client."_s : u"host."_s) + QString::number(group.hosts.size());
        note(host.pos, m_xml.describe(), u"no name; named \""_s + host.name + u'"');
    }
    host.address = m_xml.requiredAttribute(u"ip").value_or(QString());
    if (!isPythonDirector())
        m_xml.readInt(u"weight", 0, ConfigLimits::maxWeight, &host.weight);
    m_xml.readNoChildren();
    group.hosts.append(host);
}

void LegacyImporter::parsePdAdmin()
{
    m_xml.checkAttributes({u"listen"_s, u"secure"_s});
    AdminConfig &admin = m_config->admin;
    admin.enabled = true;
    admin.pos = m_xml.elementPos();
    if (const std::optional<QString> listen = m_xml.requiredAttribute(u"listen"))
        admin.listen = *listen;
    const bool secure = lenientBool(u"secure", false);
    if (secure) {
        note(m_xml.attributePos(u"secure"), m_xml.describe(u"secure"),
            u"secure=\"yes\" asks for HTTPS, which needs a certificate and a key: add cert=\"...\" and "
            u"key=\"...\" (PEM files) to <admin>"_s);
    }
    if (!secure && !isLoopback(admin.listen)) {
        warnPlainAdmin(admin.listen);
    }
    QList<AdminUser> users;
    while (m_xml.readNextChild()) {
        if (m_xml.isElement(u"user"))
            parseUser(users);
        else
            m_xml.rejectElement(u"admin", {u"user"_s});
    }
    admin.users = users;
}

void LegacyImporter::parseTxAdmin()
{
    m_xml.checkAttributes({});
    const SourcePos adminPos = m_xml.elementPos();
    bool seenWeb = false;
    bool webEnabled = false;
    QList<AdminUser> users;
    while (m_xml.readNextChild()) {
        if (m_xml.isElement(u"user")) {
            parseUser(users);
        } else if (m_xml.isElement(u"web")) {
            if (claimSingle(&seenWeb))
                parseWeb(&webEnabled);
        } else if (m_xml.isElement(u"ssh")) {
            m_xml.checkAttributes({u"listen"_s, u"enable"_s});
            dropElement(u"the SSH manhole is not supported; dropped (use the admin API)"_s);
        } else {
            m_xml.rejectElement(u"admin", {u"web"_s, u"ssh"_s, u"user"_s});
        }
    }
    AdminConfig &admin = m_config->admin;
    if (!seenWeb) {
        note(adminPos, u"<admin>"_s,
            u"no <web> in <admin>: the admin API stays off and its users are not imported"_s);
    }
    if (!webEnabled) {
        // The native model has no "admin off but users kept" state.
        admin = AdminConfig();
        return;
    }
    admin.enabled = true;
    admin.pos = adminPos;
    admin.users = users;
}

void LegacyImporter::parseWeb(bool *webEnabled)
{
    m_xml.checkAttributes({u"listen"_s, u"enable"_s, u"secure"_s, u"refresh"_s});
    AdminConfig &admin = m_config->admin;
    // txLoadBalancer serves the web admin only with an explicit enable="true".
    *webEnabled = lenientBool(u"enable", false);
    if (!*webEnabled) {
        note(m_xml.hasAttribute(u"enable") ? m_xml.attributePos(u"enable") : m_xml.elementPos(),
            m_xml.describe(m_xml.hasAttribute(u"enable") ? u"enable" : QStringView()),
            m_xml.hasAttribute(u"enable")
                ? u"the web admin is disabled, so <admin> and its users are not imported"_s
                : u"no enable=\"true\": txLoadBalancer leaves the web admin off, so <admin> and its users "
                  u"are "
                  u"not imported (add enable=\"true\" to <web> and import again to keep them)"_s);
        m_xml.readNoChildren();
        return;
    }
    if (m_xml.hasAttribute(u"listen")) {
        admin.listen = m_xml.attribute(u"listen");
        note(m_xml.attributePos(u"listen"), m_xml.describe(u"listen"),
            u"mapped to <admin listen=\""_s + admin.listen + u"\">"_s);
    } else {
        note(m_xml.elementPos(), m_xml.describe(),
            u"no listen address; the admin API listens on "_s + admin.listen + u", the default"_s);
    }
    const bool secure = lenientBool(u"secure", false);
    if (secure) {
        note(m_xml.attributePos(u"secure"), m_xml.describe(u"secure"),
            u"secure=\"true\" asks for HTTPS, which needs a certificate and a key: add cert=\"...\" and "
            u"key=\"...\" (PEM files) to <admin>"_s);
    }
    if (!secure && !isLoopback(admin.listen)) {
        warnPlainAdmin(admin.listen);
    }
    if (m_xml.hasAttribute(u"refresh")) {
        note(m_xml.attributePos(u"refresh"), m_xml.describe(u"refresh"),
            u"refresh (the status page's reload period) is dropped; the admin API has no such setting"_s);
    }
    m_xml.readNoChildren();
}

void LegacyImporter::warnPlainAdmin(const QString &listen)
{
    // The legacy formats cannot say what Balancier needs here (cert and key,
    // or insecure="yes"): the report says what to change in the native file,
    // which `balancierd --import` writes all the same.
    warning(m_xml.attributePos(u"listen"), m_xml.describe(u"listen"),
        u"the admin API would serve plain HTTP on \""_s + listen
            + u"\", not a loopback address, and balancierd refuses to start so; in the native file, add "
              u"cert=\"…\" and key=\"…\" (PEM files) to <admin>, or listen on 127.0.0.1, or set "
              u"insecure=\"yes\" if plain HTTP there is really intended"_s);
}

void LegacyImporter::parseUser(QList<AdminUser> &users)
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
    users.append(user);
}

void LegacyImporter::parseLogging()
{
    m_xml.checkAttributes({u"file"_s});
    if (m_xml.hasAttribute(u"file"))
        m_config->logging.file = m_xml.attribute(u"file");
    m_xml.readNoChildren();
}

void LegacyImporter::parseCheckTime()
{
    m_xml.checkAttributes({u"time"_s});
    if (m_xml.requiredAttribute(u"time"))
        m_xml.readDuration(u"time", 0, ConfigLimits::maxDurationMs, &m_config->checkTimeMs);
    m_xml.readNoChildren();
}

void LegacyImporter::applyHostCheckInterval(qint64 intervalMs, SourcePos pos, const QString &element)
{
    // txLoadBalancer rechecked failed hosts every interval: the same wait
    // before a retry, and the same pace for probing a host that is down.
    m_sawCheckTime = true;
    m_config->checkTimeMs = intervalMs;
    m_config->health.downIntervalMs = intervalMs;
    const QString text = formatDuration(intervalMs);
    note(pos, element,
        u"mapped to <checktime time=\""_s + text + u"\"/> and <health downinterval=\""_s + text + u"\"/>"_s);
}

void LegacyImporter::parseManager()
{
    m_xml.checkAttributes({u"hostCheckInterval"_s});
    qint64 intervalMs = 0;
    if (m_xml.readDuration(u"hostCheckInterval", 1, ConfigLimits::maxDurationMs, &intervalMs))
        applyHostCheckInterval(
            intervalMs, m_xml.attributePos(u"hostCheckInterval"), m_xml.describe(u"hostCheckInterval"));
    bool seenHostCheck = false;
    bool seenConfigCheck = false;
    bool seenHeartbeat = false;
    while (m_xml.readNextChild()) {
        if (m_xml.isElement(u"hostCheck")) {
            if (claimSingle(&seenHostCheck))
                parseHostCheck();
        } else if (m_xml.isElement(u"configCheck")) {
            if (claimSingle(&seenConfigCheck)) {
                m_xml.checkAttributes({u"interval"_s, u"enable"_s});
                dropElement(u"configCheck (reload when the file changes) is dropped; reload with SIGHUP "
                            u"or the admin API"_s);
            }
        } else if (m_xml.isElement(u"heartbeat")) {
            if (claimSingle(&seenHeartbeat)) {
                m_xml.checkAttributes({u"interval"_s, u"enable"_s});
                dropElement(u"heartbeat is not supported; dropped"_s);
            }
        } else {
            m_xml.rejectElement(u"manager", {u"hostCheck"_s, u"configCheck"_s, u"heartbeat"_s});
        }
    }
}

void LegacyImporter::parseHostCheck()
{
    m_xml.checkAttributes({u"interval"_s, u"enable"_s});
    qint64 intervalMs = 0;
    if (m_xml.readDuration(u"interval", 1, ConfigLimits::maxDurationMs, &intervalMs))
        applyHostCheckInterval(intervalMs, m_xml.attributePos(u"interval"), m_xml.describe(u"interval"));
    if (!lenientBool(u"enable", true)) {
        m_config->health.active = false;
        note(m_xml.attributePos(u"enable"), m_xml.describe(u"enable"),
            u"host checks are off: mapped to <health active=\"no\"/>"_s);
    }
    m_xml.readNoChildren();
}

}  // namespace Balancier
