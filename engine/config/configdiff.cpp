#include "configdiff.h"

#include "decimal.h"
#include "duration.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QTimeZone>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

using Kind = ConfigChange::Kind;

/// One field that differs, with readable values.
struct FieldChange
{
    QString field;
    QString before;
    QString after;
};

using FieldChanges = QList<FieldChange>;

const QString hidden = u"(hidden)"_s;

QString text(const QString &value)
{
    return value.isEmpty() ? u"(none)"_s : value;
}

QString yesNo(bool value)
{
    return value ? u"yes"_s : u"no"_s;
}

/// send/expect as the config writes them, quoted so that spaces show.
QString quotedBytes(const QByteArray &bytes)
{
    QString out = u"\""_s;
    for (const char byte : bytes) {
        const auto c = static_cast<unsigned char>(byte);
        if (c == '\\')
            out += "\\\\"_L1;
        else if (c == '\r')
            out += "\\r"_L1;
        else if (c == '\n')
            out += "\\n"_L1;
        else if (c == '\t')
            out += "\\t"_L1;
        else if (c >= 0x20 && c < 0x7f)
            out += QLatin1Char(byte);
        else
            out += "\\x"_L1 + QString::number(c, 16).toUpper().rightJustified(2, u'0');
    }
    return out + u'"';
}

template<typename T, typename Format>
void compare(FieldChanges &changes, const QString &field, const T &before, const T &after, Format format)
{
    if (!(before == after))
        changes.append({field, format(before), format(after)});
}

void compareInt(FieldChanges &changes, const QString &field, qint64 before, qint64 after)
{
    compare(changes, field, before, after, [](qint64 v) { return QString::number(v); });
}

void compareDuration(FieldChanges &changes, const QString &field, qint64 before, qint64 after)
{
    compare(changes, field, before, after, formatDuration);
}

void compareBool(FieldChanges &changes, const QString &field, bool before, bool after)
{
    compare(changes, field, before, after, yesNo);
}

void compareText(FieldChanges &changes, const QString &field, const QString &before, const QString &after)
{
    compare(changes, field, before, after, text);
}

FieldChanges healthChanges(const HealthConfig &a, const HealthConfig &b)
{
    FieldChanges changes;
    compareDuration(changes, u"interval"_s, a.intervalMs, b.intervalMs);
    compareDuration(changes, u"timeout"_s, a.timeoutMs, b.timeoutMs);
    compareInt(changes, u"rise"_s, a.rise, b.rise);
    compareInt(changes, u"fall"_s, a.fall, b.fall);
    compareDuration(changes, u"downinterval"_s, a.downIntervalMs, b.downIntervalMs);
    compareDuration(changes, u"aggressiveinterval"_s, a.aggressiveIntervalMs, b.aggressiveIntervalMs);
    compareBool(changes, u"active"_s, a.active, b.active);
    compare(changes, u"send"_s, a.send, b.send, quotedBytes);
    compare(changes, u"expect"_s, a.expect, b.expect, quotedBytes);
    return changes;
}

FieldChanges timeoutChanges(const TimeoutConfig &a, const TimeoutConfig &b)
{
    FieldChanges changes;
    compareDuration(changes, u"connect"_s, a.connectMs, b.connectMs);
    compareDuration(changes, u"idle"_s, a.idleMs, b.idleMs);
    return changes;
}

/// Changes made at one level of an inherited setting (a service's or a
/// group's override). When the override appears or goes away, what counts is
/// how the values in force at that level moved; when that did not move, the
/// change is the override itself.
template<typename T, typename Fields>
FieldChanges overrideChanges(const std::optional<T> &before, const T &inheritedBefore,
    const std::optional<T> &after, const T &inheritedAfter, Fields fields)
{
    if (!before && !after)
        return {};
    if (before && after)
        return fields(*before, *after);
    FieldChanges changes = fields(before.value_or(inheritedBefore), after.value_or(inheritedAfter));
    if (changes.isEmpty())
        changes.append({u"override"_s, yesNo(before.has_value()), yesNo(after.has_value())});
    return changes;
}

QString persistName(PersistMode mode)
{
    return mode == PersistMode::Auto ? u"auto"_s : u"manual"_s;
}

QString accessName(AdminUser::Access access)
{
    return access == AdminUser::Access::Full ? u"full"_s : u"readonly"_s;
}

/// Collects the changes in the order they are found.
struct DiffBuilder
{
    QList<ConfigChange> changes;

    void add(Kind kind, const QString &service, const QString &group, const QString &name,
        const QString &before = {}, const QString &after = {})
    {
        changes.append({kind, service, group, name, {}, before, after});
    }

    /// One change for several fields: a single field keeps its bare values,
    /// several are written "field value, field value".
    void addFields(Kind kind, const QString &service, const QString &group, const QString &name,
        const FieldChanges &fields)
    {
        if (fields.isEmpty())
            return;
        ConfigChange change{kind, service, group, name, {}, {}, {}};
        if (fields.size() == 1) {
            change.fields = {fields.first().field};
            change.before = fields.first().before;
            change.after = fields.first().after;
        } else {
            QStringList before;
            QStringList after;
            for (const FieldChange &field : fields) {
                change.fields.append(field.field);
                before.append(field.field + u' ' + field.before);
                after.append(field.field + u' ' + field.after);
            }
            change.before = before.join(u", "_s);
            change.after = after.join(u", "_s);
        }
        changes.append(change);
    }
};

/// Items of two lists matched by name. A repeated name (which the
/// validator refuses) counts once, at its first place.
template<typename T>
struct Matching
{
    QList<const T *> removed;  ///< in `running` order
    QList<const T *> added;  ///< in `next` order
    QList<std::pair<const T *, const T *>> kept;  ///< (running, next), in `next` order
};

template<typename T>
QHash<QString, const T *> indexByName(const QList<T> &items)
{
    QHash<QString, const T *> index;
    index.reserve(items.size());
    for (const T &item : items) {
        if (!index.contains(item.name))
            index.insert(item.name, &item);
    }
    return index;
}

template<typename T>
Matching<T> matchByName(const QList<T> &running, const QList<T> &next)
{
    const QHash<QString, const T *> runningIndex = indexByName(running);
    const QHash<QString, const T *> nextIndex = indexByName(next);
    Matching<T> matching;
    for (const T &item : running) {
        if (runningIndex.value(item.name) == &item && !nextIndex.contains(item.name))
            matching.removed.append(&item);
    }
    for (const T &item : next) {
        if (nextIndex.value(item.name) != &item)
            continue;
        if (const T *old = runningIndex.value(item.name))
            matching.kept.append(std::pair(old, &item));
        else
            matching.added.append(&item);
    }
    return matching;
}

/// Items of `from` with no item of the same value in `in`, counting
/// repeats (a listener written twice and then once is one removal).
QStringList missing(const QStringList &from, const QStringList &in)
{
    // Counted in a hash: a file may list many listeners, and a dry run must stay quick.
    QHash<QString, qsizetype> rest;
    for (const QString &item : in)
        ++rest[item];
    QStringList out;
    for (const QString &item : from) {
        const auto it = rest.find(item);
        if (it == rest.end() || *it == 0)
            out.append(item);
        else
            --*it;
    }
    return out;
}

QString aclRuleKey(const AclRule &rule)
{
    return (rule.action == AclRule::Action::Allow ? u"allow "_s : u"deny "_s) + rule.from.join(u',');
}

/// More rules than this coming or going at once are one change with the counts.
constexpr qsizetype maxListedAclRules = 50;

void diffAcl(DiffBuilder &diff, const QString &service, const AclConfig &old, const AclConfig &acl)
{
    FieldChanges fields;
    compareBool(fields, u"enabled"_s, old.enabled, acl.enabled);
    if (old.enabled && acl.enabled)
        compare(fields, u"default"_s, old.defaultAllow, acl.defaultAllow,
            [](bool allow) { return allow ? u"allow"_s : u"deny"_s; });
    // Rules have no names: matched by what they say, counting repeats.
    QHash<QString, qsizetype> newCount;
    for (const AclRule &rule : acl.rules)
        ++newCount[aclRuleKey(rule)];
    QHash<QString, qsizetype> oldCount;
    for (const AclRule &rule : old.rules)
        ++oldCount[aclRuleKey(rule)];
    QList<const AclRule *> removed;
    QStringList keptOld;
    {
        QHash<QString, qsizetype> rest = newCount;
        for (const AclRule &rule : old.rules) {
            const QString key = aclRuleKey(rule);
            auto it = rest.find(key);
            if (it == rest.end() || *it == 0) {
                removed.append(&rule);
            } else {
                --*it;
                keptOld.append(key);
            }
        }
    }
    QList<const AclRule *> added;
    QStringList keptNew;
    {
        QHash<QString, qsizetype> rest = oldCount;
        for (const AclRule &rule : acl.rules) {
            const QString key = aclRuleKey(rule);
            auto it = rest.find(key);
            if (it == rest.end() || *it == 0) {
                added.append(&rule);
            } else {
                --*it;
                keptNew.append(key);
            }
        }
    }
    if (keptOld != keptNew)
        fields.append({u"order"_s, u"old order"_s, u"new order"_s});
    const bool summarise = removed.size() + added.size() > maxListedAclRules;
    if (summarise) {
        fields.append({u"rules"_s, QString::number(old.rules.size()) + u" rules"_s,
            QString::number(acl.rules.size()) + u" rules"_s});
    }
    diff.addFields(Kind::AclChanged, service, {}, u"acl"_s, fields);
    if (summarise)
        return;
    const auto actionName = [](const AclRule &rule) {
        return rule.action == AclRule::Action::Allow ? u"allow"_s : u"deny"_s;
    };
    for (const AclRule *rule : removed)
        diff.add(Kind::AclRuleRemoved, service, {}, actionName(*rule), rule->from.join(u','));
    for (const AclRule *rule : added)
        diff.add(Kind::AclRuleAdded, service, {}, actionName(*rule), {}, rule->from.join(u','));
}

/// TLS routes have no names: matched by label (what they match), in order.
void diffRoutes(DiffBuilder &diff, const ServiceConfig &old, const ServiceConfig &service)
{
    FieldChanges fields;
    compareDuration(fields, u"peektimeout"_s, old.peekTimeoutMs, service.peekTimeoutMs);
    compareInt(fields, u"peeksize"_s, old.peekSize, service.peekSize);
    QList<bool> taken(old.routes.size(), false);
    QList<qsizetype> keptOld;  // old indices of kept routes, in new order
    QList<const RouteConfig *> added;
    for (const RouteConfig &route : service.routes) {
        qsizetype match = -1;
        for (qsizetype i = 0; i < old.routes.size() && match < 0; ++i) {
            if (!taken.at(i) && old.routes.at(i).label() == route.label())
                match = i;
        }
        if (match < 0) {
            added.append(&route);
            continue;
        }
        taken[match] = true;
        keptOld.append(match);
        FieldChanges changes;
        compareText(changes, u"group"_s, old.routes.at(match).group, route.group);
        compareDuration(changes, u"silence"_s, old.routes.at(match).silenceMs, route.silenceMs);
        diff.addFields(Kind::RouteChanged, service.name, {}, route.label(), changes);
    }
    if (!std::is_sorted(keptOld.cbegin(), keptOld.cend()))
        fields.append({u"order"_s, u"old order"_s, u"new order"_s});
    diff.addFields(Kind::RoutesChanged, service.name, {}, u"routes"_s, fields);
    for (qsizetype i = 0; i < old.routes.size(); ++i) {
        if (!taken.at(i))
            diff.add(Kind::RouteRemoved, service.name, {}, old.routes.at(i).label(), old.routes.at(i).group);
    }
    for (const RouteConfig *route : added)
        diff.add(Kind::RouteAdded, service.name, {}, route->label(), {}, route->group);
}

/// TLS termination of a kept listener (<listen tls cert key ...> and its
/// <cert> children): the next handshake uses them, on the same sockets.
void compareListenerTls(
    FieldChanges &changes, const ListenerTlsConfig *oldTls, const ListenerTlsConfig *newTls)
{
    const ListenerTlsConfig none;
    const ListenerTlsConfig &before = oldTls ? *oldTls : none;
    const ListenerTlsConfig &after = newTls ? *newTls : none;
    compareText(changes, u"tls"_s, before.terminate ? u"terminate"_s : u"no"_s,
        after.terminate ? u"terminate"_s : u"no"_s);
    if (!before.terminate && !after.terminate)
        return;
    compareText(changes, u"cert"_s, before.cert, after.cert);
    compareText(changes, u"key"_s, before.key, after.key);
    compareText(changes, u"minversion"_s, before.minVersion, after.minVersion);
    compareText(changes, u"ciphers"_s, before.ciphers, after.ciphers);
    compareText(changes, u"ciphersuites"_s, before.cipherSuites, after.cipherSuites);
    compareText(changes, u"alpn"_s, before.alpn.join(u','), after.alpn.join(u','));
    compareText(changes, u"clientca"_s, before.clientCa, after.clientCa);
    compareBool(changes, u"verifyclient"_s, before.verifyClient, after.verifyClient);
    compareDuration(changes, u"handshaketimeout"_s, before.handshakeTimeoutMs, after.handshakeTimeoutMs);
    const auto certificates = [](const ListenerTlsConfig &tls) {
        QStringList out;
        for (const TlsCertificateConfig &certificate : tls.certificates)
            out.append(certificate.sni.join(u',') + u'=' + certificate.file);
        return out.join(u"; "_s);
    };
    compareText(changes, u"certificates"_s, certificates(before), certificates(after));
}

FieldChanges limitChanges(const LimitConfig &a, const LimitConfig &b)
{
    FieldChanges changes;
    compareBool(changes, u"enabled"_s, a.enabled, b.enabled);
    compareInt(changes, u"perip"_s, a.perIp, b.perIp);
    compareInt(changes, u"prefix"_s, a.prefix, b.prefix);
    compareInt(changes, u"prefix6"_s, a.prefix6, b.prefix6);
    compareText(changes, u"rate"_s, a.rateText(), b.rateText());
    compareInt(changes, u"burst"_s, a.burst, b.burst);
    compare(changes, u"mode"_s, a.dryRun, b.dryRun,
        [](bool dryRun) { return dryRun ? u"dryrun"_s : u"enforce"_s; });
    compareInt(changes, u"table"_s, a.table, b.table);
    return changes;
}

}  // namespace

QString ConfigChange::description() const
{
    QStringList context;
    if (!service.isEmpty())
        context.append(u"service "_s + service);
    if (!group.isEmpty())
        context.append(u"group "_s + group);
    const QString where = context.join(u": "_s);

    QString changed;
    if (fields.size() == 1 && fields.first() == "password"_L1)
        changed = u"password changed"_s;
    else if (fields.size() == 1)
        changed = fields.first() + u' ' + before + u" -> "_s + after;
    else
        changed = before + u" -> "_s + after;

    switch (kind) {
    case Kind::ServiceAdded:
        return u"service "_s + service + u" added"_s;
    case Kind::ServiceRemoved:
        return u"service "_s + service + u" removed"_s;
    case Kind::ListenerAdded:
        return where + u": listener "_s + name + u" added"_s;
    case Kind::ListenerRemoved:
        return where + u": listener "_s + name + u" removed"_s;
    case Kind::GroupAdded:
        return where + u" added"_s;
    case Kind::GroupRemoved:
        return where + u" removed"_s;
    case Kind::GroupEnabled:
        return where + u": enabled group "_s + text(before) + u" -> "_s + text(after);
    case Kind::SchedulerChanged:
        return where + u": "_s + changed;
    case Kind::GroupHealthChanged:
        return where + u": health: "_s + changed;
    case Kind::HostAdded:
        return where + u": host "_s + name + u" added ("_s + after + u')';
    case Kind::HostRemoved:
        return where + u": host "_s + name + u" removed"_s;
    case Kind::HostChanged:
        return where + u": host "_s + name + u": "_s + changed;
    case Kind::UserAdded:
        return u"admin: user "_s + name + u" added ("_s + after + u')';
    case Kind::UserRemoved:
        return u"admin: user "_s + name + u" removed"_s;
    case Kind::UserChanged:
        return u"admin: user "_s + name + u": "_s + changed;
    case Kind::ServiceSettingsChanged:
        return where + u": "_s + name + u": "_s + changed;
    case Kind::GroupProxyChanged:
        return where + u": PROXY header: "_s + changed;
    case Kind::GroupDiscoverChanged:
        return where + u": DNS discovery: "_s + changed;
    case Kind::GroupFeedbackChanged:
        return where + u": backend feedback: "_s + changed;
    case Kind::AclRuleAdded:
        return name + u' ' + after + u" added to service "_s + service + u"'s ACL"_s;
    case Kind::AclRuleRemoved:
        return name + u' ' + before + u" removed from service "_s + service + u"'s ACL"_s;
    case Kind::AclChanged:
        return where + u": ACL: "_s + changed;
    case Kind::GroupLifecycleChanged:
        return where + u": "_s + changed;
    case Kind::RouteAdded:
        return where + u": route "_s + name + u" -> group "_s + after + u" added"_s;
    case Kind::RouteRemoved:
        return where + u": route "_s + name + u" -> group "_s + before + u" removed"_s;
    case Kind::RouteChanged:
        return where + u": route "_s + name + u": "_s + changed;
    case Kind::RoutesChanged:
        return where + u": routes: "_s + changed;
    case Kind::AlertAdded:
        return u"alert "_s + name + u" added ("_s + after + u')';
    case Kind::AlertRemoved:
        return u"alert "_s + name + u" removed ("_s + before + u')';
    case Kind::AlertChanged:
        return u"alert "_s + name + u": "_s + changed;
    case Kind::SettingsChanged: {
        const QString area = name == "health"_L1 ? u"default health"_s
            : name == "timeouts"_L1              ? u"default timeouts"_s
                                                 : name;
        return area + u": "_s + changed;
    }
    }
    return changed;
}

/// The <alert>s by position: the changed fields of the kept ones, then the
/// removed ones, then the added ones. A URL is never shown whole.
void alertChanges(DiffBuilder &diff, const QList<AlertConfig> &running, const QList<AlertConfig> &next)
{
    const qsizetype kept = qMin(running.size(), next.size());
    for (qsizetype i = 0; i < kept; ++i) {
        const AlertConfig &a = running.at(i);
        const AlertConfig &b = next.at(i);
        FieldChanges fields;
        if (a.url != b.url) {
            const bool sameShown = a.displayName() == b.displayName();
            fields.append({u"url"_s, sameShown || a.url.isEmpty() ? u"(hidden)"_s : a.displayName(),
                sameShown || b.url.isEmpty() ? u"(hidden)"_s : b.displayName()});
            if (a.url.isEmpty())
                fields.last().before = text({});
            if (b.url.isEmpty())
                fields.last().after = text({});
        }
        compareText(fields, u"exec"_s, a.exec, b.exec);
        compareText(fields, u"events"_s, alertKindsName(a.events), alertKindsName(b.events));
        compareText(fields, u"services"_s, a.services.join(u','), b.services.join(u','));
        compareText(fields, u"groups"_s, a.groups.join(u','), b.groups.join(u','));
        compareDuration(fields, u"timeout"_s, a.timeoutMs, b.timeoutMs);
        compareInt(fields, u"retries"_s, a.retries, b.retries);
        compareDuration(fields, u"backoff"_s, a.backoffMs, b.backoffMs);
        compareText(fields, u"ratelimit"_s, a.rateText(), b.rateText());
        compareInt(fields, u"queue"_s, a.queue, b.queue);
        compareText(fields, u"format"_s, alertFormatName(a.format), alertFormatName(b.format));
        diff.addFields(Kind::AlertChanged, {}, {}, QString::number(i + 1), fields);
    }
    for (qsizetype i = kept; i < running.size(); ++i)
        diff.add(Kind::AlertRemoved, {}, {}, QString::number(i + 1), running.at(i).displayName());
    for (qsizetype i = kept; i < next.size(); ++i)
        diff.add(Kind::AlertAdded, {}, {}, QString::number(i + 1), {}, next.at(i).displayName());
}

QList<ConfigChange> diffConfigs(const Config &running, const Config &next)
{
    DiffBuilder diff;

    // Services. Removals first: a replacement may want the same port.
    const Matching<ServiceConfig> services = matchByName(running.services, next.services);
    for (const ServiceConfig *service : services.removed)
        diff.add(Kind::ServiceRemoved, service->name, {}, {});
    for (const ServiceConfig *service : services.added)
        diff.add(Kind::ServiceAdded, service->name, {}, {});

    // Listeners.
    for (const auto &[old, service] : services.kept) {
        for (const QString &listener : missing(old->listeners, service->listeners))
            diff.add(Kind::ListenerRemoved, service->name, {}, listener);
        for (const QString &listener : missing(service->listeners, old->listeners))
            diff.add(Kind::ListenerAdded, service->name, {}, listener);
    }

    // Groups, their scheduling and health, and which one is enabled.
    QList<std::pair<const ServiceConfig *, Matching<GroupConfig>>> groupsByService;
    for (const auto &[old, service] : services.kept) {
        const Matching<GroupConfig> groups = matchByName(old->groups, service->groups);
        groupsByService.append(std::pair(service, groups));
        for (const GroupConfig *group : groups.removed)
            diff.add(Kind::GroupRemoved, service->name, group->name, {});
        for (const GroupConfig *group : groups.added)
            diff.add(Kind::GroupAdded, service->name, group->name, {});
        const HealthConfig oldServiceHealth = old->health.value_or(running.health);
        const HealthConfig newServiceHealth = service->health.value_or(next.health);
        for (const auto &[oldGroup, group] : groups.kept) {
            FieldChanges scheduling;
            compareText(scheduling, u"scheduler"_s, oldGroup->scheduler, group->scheduler);
            compareDuration(scheduling, u"stickytime"_s, oldGroup->stickyTimeoutMs, group->stickyTimeoutMs);
            compareInt(scheduling, u"tablesize"_s, oldGroup->maglevTableSize, group->maglevTableSize);
            compare(
                scheduling, u"balancefactor"_s, oldGroup->balanceFactor, group->balanceFactor, formatDecimal);
            diff.addFields(Kind::SchedulerChanged, service->name, group->name, {}, scheduling);
            diff.addFields(Kind::GroupHealthChanged, service->name, group->name, {},
                overrideChanges(
                    oldGroup->health, oldServiceHealth, group->health, newServiceHealth, healthChanges));
        }
        // DNS discovery
        for (const auto &[oldGroup, group] : groups.kept) {
            FieldChanges discover;
            const auto srvName = [](const std::optional<DiscoverConfig> &value) {
                return value ? value->srv : u"none"_s;
            };
            compare(discover, u"srv"_s, oldGroup->discover, group->discover, srvName);
            if (oldGroup->discover && group->discover)
                compareDuration(
                    discover, u"interval"_s, oldGroup->discover->intervalMs, group->discover->intervalMs);
            diff.addFields(Kind::GroupDiscoverChanged, service->name, group->name, {}, discover);
        }
        for (const auto &[oldGroup, group] : groups.kept) {
            FieldChanges proxy;
            compare(proxy, u"proxy"_s, oldGroup->proxy, group->proxy, proxySendModeName);
            diff.addFields(Kind::GroupProxyChanged, service->name, group->name, {}, proxy);
        }
        // Issue 16: backups and what a health change does.
        for (const auto &[oldGroup, group] : groups.kept) {
            FieldChanges lifecycle;
            compare(lifecycle, u"ondown"_s, oldGroup->onDown, group->onDown, hostDownActionName);
            compare(
                lifecycle, u"onprimaryup"_s, oldGroup->onPrimaryUp, group->onPrimaryUp, primaryUpActionName);
            compare(lifecycle, u"allbackups"_s, oldGroup->allBackups, group->allBackups, yesNo);
            diff.addFields(Kind::GroupLifecycleChanged, service->name, group->name, {}, lifecycle);
        }
        for (const auto &[oldGroup, group] : groups.kept) {
            FieldChanges feedback;
            compareDuration(feedback, u"slowstart"_s, oldGroup->slowStartMs, group->slowStartMs);
            compareInt(feedback, u"agent"_s, oldGroup->agent.port, group->agent.port);
            compareDuration(
                feedback, u"agentinterval"_s, oldGroup->agent.intervalMs, group->agent.intervalMs);
            compare(feedback, u"agentsend"_s, oldGroup->agent.send, group->agent.send, quotedBytes);
            diff.addFields(Kind::GroupFeedbackChanged, service->name, group->name, {}, feedback);
        }
        if (old->enabledGroup != service->enabledGroup) {
            diff.changes.append({Kind::GroupEnabled, service->name, {}, {}, {u"enabled"_s}, old->enabledGroup,
                service->enabledGroup});
        }
    }

    // Hosts of the groups that stay.
    for (const auto &[service, groups] : groupsByService) {
        for (const auto &[oldGroup, group] : groups.kept) {
            const Matching<HostConfig> hosts = matchByName(oldGroup->hosts, group->hosts);
            for (const HostConfig *host : hosts.removed)
                diff.add(Kind::HostRemoved, service->name, group->name, host->name, host->address);
            for (const HostConfig *host : hosts.added)
                diff.add(Kind::HostAdded, service->name, group->name, host->name, {}, host->address);
            for (const auto &[oldHost, host] : hosts.kept) {
                FieldChanges fields;
                // The address is compared too: a host that keeps its name
                // but moves is a different backend.
                compareText(fields, u"address"_s, oldHost->address, host->address);
                compareInt(fields, u"weight"_s, oldHost->weight, host->weight);
                compareInt(fields, u"maxconns"_s, oldHost->maxConns, host->maxConns);
                compare(fields, u"state"_s, oldHost->adminState, host->adminState, hostAdminStateName);
                const auto proxyName = [](const std::optional<ProxySendMode> &mode) {
                    return mode ? proxySendModeName(*mode) : u"group"_s;
                };
                compare(fields, u"proxy"_s, oldHost->proxy, host->proxy, proxyName);
                // Issue 16: a backup; a guided drain's deadline and action.
                compare(fields, u"backup"_s, oldHost->backup, host->backup, yesNo);
                const auto deadlineText = [](qint64 ms) {
                    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate)
                                  : u"none"_s;
                };
                compare(fields, u"draindeadline"_s, oldHost->drainDeadlineMs, host->drainDeadlineMs,
                    deadlineText);
                compare(fields, u"drainthen"_s, oldHost->drainThen, host->drainThen, drainThenName);
                compare(fields, u"resolve"_s, oldHost->resolve, host->resolve, hostResolveModeName);
                // backend feedback: "group" when the host follows its group
                const auto ownDuration = [](const std::optional<qint64> &value) {
                    return value ? formatDuration(*value) : u"group"_s;
                };
                compare(fields, u"slowstart"_s, oldHost->slowStartMs, host->slowStartMs, ownDuration);
                compare(fields, u"agent"_s, oldHost->agentPort, host->agentPort,
                    [](const std::optional<int> &port) {
                        return port ? QString::number(*port) : u"group"_s;
                    });
                compare(
                    fields, u"agentinterval"_s, oldHost->agentIntervalMs, host->agentIntervalMs, ownDuration);
                compare(fields, u"agentsend"_s, oldHost->agentSend, host->agentSend,
                    [](const std::optional<QByteArray> &send) {
                        return send ? quotedBytes(*send) : u"group"_s;
                    });
                diff.addFields(Kind::HostChanged, service->name, group->name, host->name, fields);
            }
        }
    }

    // Admin users. A password hash is never shown, only that it changed.
    const Matching<AdminUser> users = matchByName(running.admin.users, next.admin.users);
    for (const AdminUser *user : users.removed)
        diff.add(Kind::UserRemoved, {}, {}, user->name, accessName(user->access));
    for (const AdminUser *user : users.added)
        diff.add(Kind::UserAdded, {}, {}, user->name, {}, accessName(user->access));
    for (const auto &[oldUser, user] : users.kept) {
        FieldChanges fields;
        if (oldUser->passwordHash != user->passwordHash)
            fields.append({u"password"_s, hidden, hidden});
        compare(fields, u"access"_s, oldUser->access, user->access, accessName);
        diff.addFields(Kind::UserChanged, {}, {}, user->name, fields);
    }

    // Service settings, then the top level.
    for (const auto &[old, service] : services.kept) {
        diff.addFields(Kind::ServiceSettingsChanged, service->name, {}, u"timeouts"_s,
            overrideChanges(
                old->timeouts, running.timeouts, service->timeouts, next.timeouts, timeoutChanges));
        diff.addFields(Kind::ServiceSettingsChanged, service->name, {}, u"health"_s,
            overrideChanges(old->health, running.health, service->health, next.health, healthChanges));
        diffAcl(diff, service->name, old->acl, service->acl);
        diffRoutes(diff, *old, *service);
        diff.addFields(Kind::ServiceSettingsChanged, service->name, {}, u"limit"_s,
            limitChanges(old->limit, service->limit));
        // A listener kept but marked optional or required: it keeps its sockets.
        const QSet<QString> oldListeners(old->listeners.cbegin(), old->listeners.cend());
        const QSet<QString> oldOptional(old->optionalListeners.cbegin(), old->optionalListeners.cend());
        const QSet<QString> newOptional(
            service->optionalListeners.cbegin(), service->optionalListeners.cend());
        QSet<QString> compared;
        for (const QString &listener : service->listeners) {
            if (!oldListeners.contains(listener) || compared.contains(listener))
                continue;
            compared.insert(listener);
            FieldChanges optional;
            compareBool(
                optional, u"optional"_s, oldOptional.contains(listener), newOptional.contains(listener));
            // PROXY options: they apply to the next connection, on the same sockets.
            const ListenerProxyConfig none;
            const ListenerProxyConfig *oldProxy = old->proxyOptions(listener);
            const ListenerProxyConfig *newProxy = service->proxyOptions(listener);
            const ListenerProxyConfig &before = oldProxy ? *oldProxy : none;
            const ListenerProxyConfig &after = newProxy ? *newProxy : none;
            compareText(optional, u"acceptproxy"_s,
                before.versions ? proxyVersionsName(before.versions) : u"no"_s,
                after.versions ? proxyVersionsName(after.versions) : u"no"_s);
            compareText(optional, u"trusted"_s, before.trusted.join(u','), after.trusted.join(u','));
            compareDuration(optional, u"proxytimeout"_s, before.timeoutMs, after.timeoutMs);
            compareListenerTls(optional, old->tlsOptions(listener), service->tlsOptions(listener));
            diff.addFields(
                Kind::ServiceSettingsChanged, service->name, {}, u"listen "_s + listener, optional);
        }
    }

    FieldChanges settings;
    compareInt(settings, u"version"_s, running.version, next.version);
    compareInt(settings, u"workers"_s, running.settings.workers, next.settings.workers);
    compareInt(settings, u"maxconns"_s, running.settings.maxConnections, next.settings.maxConnections);
    compareDuration(
        settings, u"draintimeout"_s, running.settings.drainTimeoutMs, next.settings.drainTimeoutMs);
    compare(settings, u"persist"_s, running.settings.persist, next.settings.persist, persistName);
    compareInt(settings, u"history"_s, running.settings.history, next.settings.history);
    compareText(settings, u"dnsserver"_s, running.settings.dnsServer, next.settings.dnsServer);
    compareDuration(settings, u"dnsinterval"_s, running.settings.dnsIntervalMs, next.settings.dnsIntervalMs);
    diff.addFields(Kind::SettingsChanged, {}, {}, u"settings"_s, settings);

    FieldChanges checkTime;
    compareDuration(checkTime, u"time"_s, running.checkTimeMs, next.checkTimeMs);
    diff.addFields(Kind::SettingsChanged, {}, {}, u"checktime"_s, checkTime);

    diff.addFields(Kind::SettingsChanged, {}, {}, u"health"_s, healthChanges(running.health, next.health));
    diff.addFields(
        Kind::SettingsChanged, {}, {}, u"timeouts"_s, timeoutChanges(running.timeouts, next.timeouts));

    FieldChanges admin;
    compareBool(admin, u"enabled"_s, running.admin.enabled, next.admin.enabled);
    compareText(admin, u"listen"_s, running.admin.listen, next.admin.listen);
    compareText(admin, u"cert"_s, running.admin.tlsCertificate, next.admin.tlsCertificate);
    compareText(admin, u"key"_s, running.admin.tlsKey, next.admin.tlsKey);
    compareBool(admin, u"insecure"_s, running.admin.allowInsecureRemote, next.admin.allowInsecureRemote);
    compareBool(admin, u"metricspublic"_s, running.admin.metricsPublic, next.admin.metricsPublic);
    compareBool(admin, u"healthpublic"_s, running.admin.healthPublic, next.admin.healthPublic);
    compareText(admin, u"origins"_s, running.admin.origins.join(u' '), next.admin.origins.join(u' '));
    diff.addFields(Kind::SettingsChanged, {}, {}, u"admin"_s, admin);

    FieldChanges logging;
    compareText(logging, u"file"_s, running.logging.file, next.logging.file);
    compareText(logging, u"level"_s, running.logging.level, next.logging.level);
    compareBool(logging, u"connections"_s, running.logging.connections, next.logging.connections);
    compareText(logging, u"format"_s, running.logging.format, next.logging.format);
    compareDuration(logging, u"interim"_s, running.logging.interimMs, next.logging.interimMs);
    compareBool(logging, u"atconnect"_s, running.logging.atConnect, next.logging.atConnect);
    compareText(logging, u"to"_s, running.logging.to, next.logging.to);
    compareText(logging, u"syslog"_s, running.logging.syslog, next.logging.syslog);
    diff.addFields(Kind::SettingsChanged, {}, {}, u"logging"_s, logging);

    FieldChanges ha;
    compareBool(ha, u"enabled"_s, running.ha.enabled, next.ha.enabled);
    compareText(ha, u"vip"_s, running.ha.vip, next.ha.vip);
    compareText(ha, u"statefile"_s, running.ha.stateFile, next.ha.stateFile);
    diff.addFields(Kind::SettingsChanged, {}, {}, u"ha"_s, ha);

    alertChanges(diff, running.alerts, next.alerts);

    return diff.changes;
}

}  // namespace Balancier
