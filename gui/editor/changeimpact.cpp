#include "changeimpact.h"

#include "config/schedulerregistry.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

const ServiceStats *findService(const StatsSnapshot &snapshot, const QString &name)
{
    for (const ServiceStats &service : snapshot.services) {
        if (service.name == name)
            return &service;
    }
    return nullptr;
}

const GroupStats *findGroup(const StatsSnapshot &snapshot, const QString &service, const QString &name)
{
    const ServiceStats *s = findService(snapshot, service);
    if (!s)
        return nullptr;
    for (const GroupStats &group : s->groups) {
        if (group.name == name)
            return &group;
    }
    return nullptr;
}

const HostStats *findHost(
    const StatsSnapshot &snapshot, const QString &service, const QString &group, const QString &name)
{
    const GroupStats *g = findGroup(snapshot, service, group);
    if (!g)
        return nullptr;
    for (const HostStats &host : g->hosts) {
        if (host.name == name)
            return &host;
    }
    return nullptr;
}

/// The old (`text` = before) or new (`text` = after) value of one field of
/// a *Changed change.
QString fieldValue(const ConfigChange &change, const QString &text, const QString &field)
{
    if (change.fields.size() == 1)
        return change.fields.constFirst() == field ? text : QString();
    const QString prefix = field + u' ';
    for (const QString &part : text.split(u", "_s)) {
        if (part.startsWith(prefix))
            return part.mid(prefix.size());
    }
    return {};
}

/// The new value of one field of a *Changed change.
QString afterValue(const ConfigChange &change, const QString &field)
{
    return fieldValue(change, change.after, field);
}

/// What a host's weight means to a scheduler (docs/scheduling.md). Weight 0
/// means "no new connections" to all of them.
enum class WeightUse
{
    Unknown,  ///< a scheduler not decided here
    Ignored,  ///< roundrobin, random, leastconnsrr, sticky
    Share,  ///< weighted: turns in proportion to weight
    Load,  ///< leastconns, p2c: active connections per unit of weight
    Ring,  ///< hash: points on the ring in proportion to weight
    Table,  ///< maglev: entries of the lookup table in proportion to weight
};

WeightUse weightUse(const QString &scheduler)
{
    const QString name = SchedulerRegistry::canonicalName(scheduler);
    if (name == "roundrobin"_L1 || name == "random"_L1 || name == "leastconnsrr"_L1 || name == "sticky"_L1)
        return WeightUse::Ignored;
    if (name == "weighted"_L1)
        return WeightUse::Share;
    if (name == "leastconns"_L1 || name == "p2c"_L1)
        return WeightUse::Load;
    if (name == "hash"_L1)
        return WeightUse::Ring;
    if (name == "maglev"_L1)
        return WeightUse::Table;
    return WeightUse::Unknown;
}

/// Schedulers that keep a client on its host: when the host stops taking
/// connections, its clients are placed on other hosts.
bool keepsClients(const QString &scheduler)
{
    const QString name = SchedulerRegistry::canonicalName(scheduler);
    return name == "sticky"_L1 || name == "hash"_L1 || name == "maglev"_L1;
}

/// The scheduler name before (or after) a SchedulerChanged; empty when only
/// its options (stickytime, tablesize, balancefactor) changed.
QString schedulerNameIn(const ConfigChange &change, bool after)
{
    const QString &value = after ? change.after : change.before;
    // No fields: the scheduler alone (as older diffs and callers say it).
    if (change.fields.isEmpty())
        return value;
    const qsizetype index = change.fields.indexOf("scheduler"_L1);
    if (index < 0)
        return {};
    if (change.fields.size() == 1)
        return value;
    // Several fields: "scheduler sticky, stickytime 10m".
    const QStringList parts = value.split(u", "_s);
    return parts.value(index).section(u' ', 1);
}

/// The scheduler `change`'s group runs once `together` is applied; empty
/// when unknown.
QString schedulerOf(
    const ConfigChange &change, const StatsSnapshot &snapshot, const QList<ConfigChange> &together)
{
    for (const ConfigChange &other : together) {
        if (other.kind == ConfigChange::Kind::SchedulerChanged && other.service == change.service
            && other.group == change.group && !schedulerNameIn(other, true).isEmpty())
            return SchedulerRegistry::canonicalName(schedulerNameIn(other, true));
    }
    const GroupStats *group = findGroup(snapshot, change.service, change.group);
    return group ? SchedulerRegistry::canonicalName(group->scheduler) : QString();
}

/// The weights before and after a HostChanged; false when the weight did not change.
bool weights(const ConfigChange &change, int *before, int *after)
{
    if (!change.fields.contains("weight"_L1))
        return false;
    bool okBefore = false;
    bool okAfter = false;
    *before = fieldValue(change, change.before, u"weight"_s).toInt(&okBefore);
    *after = fieldValue(change, change.after, u"weight"_s).toInt(&okAfter);
    return okBefore && okAfter;
}

int openOnHost(const StatsSnapshot &snapshot, const ConfigChange &change)
{
    const HostStats *host = findHost(snapshot, change.service, change.group, change.name);
    return host ? int(host->active) : 0;
}

}  // namespace

QStringList ChangeImpact::summarize(const QList<ConfigChange> &changes, const StatsSnapshot &snapshot)
{
    using Kind = ConfigChange::Kind;
    QStringList phrases;
    // Listeners removed per service, waiting for an added one to pair with.
    QHash<QString, QStringList> closed;
    for (const ConfigChange &change : changes) {
        if (change.kind == Kind::ListenerRemoved)
            closed[change.service].append(change.name);
    }
    QHash<QString, QStringList> rebound;  // the removed listeners that became a rebind
    for (const ConfigChange &change : changes) {
        switch (change.kind) {
        case Kind::ServiceAdded:
            phrases.append(tr("adds service %1").arg(change.service));
            break;
        case Kind::ServiceRemoved: {
            const ServiceStats *service = findService(snapshot, change.service);
            phrases.append(
                tr("stops service %1 (%n open connection(s))", nullptr, service ? int(service->active) : 0)
                    .arg(change.service));
            break;
        }
        case Kind::ListenerRemoved:
            // Said at the ListenerAdded that takes its place, or below.
            break;
        case Kind::ListenerAdded: {
            QStringList &waiting = closed[change.service];
            if (!waiting.isEmpty()) {
                const QString old = waiting.takeFirst();
                rebound[change.service].append(old);
                phrases.append(tr("rebinds listener %1 to %2").arg(old, change.name));
            } else {
                phrases.append(tr("opens listener %1").arg(change.name));
            }
            break;
        }
        case Kind::GroupAdded:
            phrases.append(tr("adds group %1 to service %2").arg(change.group, change.service));
            break;
        case Kind::GroupRemoved: {
            const GroupStats *group = findGroup(snapshot, change.service, change.group);
            phrases.append(
                tr("drains group %1 (%n open connection(s))", nullptr, group ? int(group->active) : 0)
                    .arg(change.group));
            break;
        }
        case Kind::GroupEnabled:
            phrases.append(tr("switches service %1 to group '%2'").arg(change.service, change.after));
            break;
        case Kind::SchedulerChanged:
            if (schedulerNameIn(change, true).isEmpty())
                phrases.append(tr("changes the scheduling options of group %1").arg(change.group));
            else
                phrases.append(
                    tr("switches group %1 to scheduler %2").arg(change.group, schedulerNameIn(change, true)));
            break;
        case Kind::GroupHealthChanged:
            phrases.append(tr("changes the health checks of group %1").arg(change.group));
            break;
        case Kind::HostAdded:
            phrases.append(tr("adds host %1").arg(change.name));
            break;
        case Kind::HostRemoved:
            phrases.append(tr("drains host %1 (%n open connection(s))", nullptr, openOnHost(snapshot, change))
                               .arg(change.name));
            break;
        case Kind::HostChanged: {
            const QString state = afterValue(change, u"state"_s);
            if (state == "drain"_L1)
                phrases.append(
                    tr("drains host %1 (%n open connection(s))", nullptr, openOnHost(snapshot, change))
                        .arg(change.name));
            else if (state == "maintenance"_L1)
                phrases.append(tr("takes host %1 out of rotation").arg(change.name));
            else if (state == "ready"_L1)
                phrases.append(tr("puts host %1 back into rotation").arg(change.name));
            const QString address = afterValue(change, u"address"_s);
            if (!address.isEmpty())
                phrases.append(tr("moves host %1 to %2").arg(change.name, address));
            const QString weight = afterValue(change, u"weight"_s);
            if (!weight.isEmpty())
                phrases.append(tr("sets the weight of host %1 to %2").arg(change.name, weight));
            const QString maxConns = afterValue(change, u"maxconns"_s);
            if (!maxConns.isEmpty())
                phrases.append(tr("sets the connection limit of host %1 to %2").arg(change.name, maxConns));
            break;
        }
        case Kind::UserAdded:
            phrases.append(tr("adds admin user %1").arg(change.name));
            break;
        case Kind::UserRemoved:
            phrases.append(tr("removes admin user %1").arg(change.name));
            break;
        case Kind::UserChanged:
            phrases.append(tr("changes admin user %1").arg(change.name));
            break;
        case Kind::ServiceSettingsChanged:
            phrases.append(tr("changes the %1 of service %2").arg(change.name, change.service));
            break;
        case Kind::GroupProxyChanged:
            phrases.append(
                tr("changes the PROXY protocol header sent to the hosts of group %1").arg(change.group));
            break;
        case Kind::GroupDiscoverChanged:
            phrases.append(tr("changes the DNS discovery of group %1").arg(change.group));
            break;
        case Kind::SettingsChanged:
            phrases.append(tr("changes the %1 settings").arg(change.name));
            break;
        case Kind::AclRuleAdded:
            phrases.append(change.name == "allow"_L1
                    ? tr("lets new clients from %1 into service %2").arg(change.after, change.service)
                    : tr("refuses new clients from %1 at service %2; open connections stay")
                          .arg(change.after, change.service));
            break;
        case Kind::AclRuleRemoved:
            phrases.append(tr("drops the %1 rule for %2 from service %3's ACL")
                               .arg(change.name, change.before, change.service));
            break;
        case Kind::AclChanged:
            phrases.append(tr("changes the ACL of service %1; open connections stay").arg(change.service));
            break;
        case Kind::GroupLifecycleChanged:
            phrases.append(tr("changes what group %1 does when a host goes down or a primary comes back")
                               .arg(change.group));
            break;
        case Kind::RouteAdded:
        case Kind::RouteRemoved:
        case Kind::RouteChanged:
        case Kind::RoutesChanged:
            phrases.append(tr("changes how new TLS clients of service %1 are routed; open connections stay")
                               .arg(change.service));
            break;
        case Kind::AlertAdded:
        case Kind::AlertRemoved:
        case Kind::AlertChanged:
            phrases.append(tr("changes where alert %1 is sent; traffic is not affected").arg(change.name));
            break;
        case Kind::GroupFeedbackChanged:
            phrases.append(tr("changes the slow start or agent check of group %1").arg(change.group));
            break;
        }
    }
    // Listeners closed without a replacement.
    for (const ConfigChange &change : changes) {
        if (change.kind == Kind::ListenerRemoved && !rebound.value(change.service).contains(change.name))
            phrases.append(tr("closes listener %1").arg(change.name));
    }
    return phrases;
}

bool ChangeImpact::knowsScheduler(const QString &scheduler)
{
    return weightUse(scheduler) != WeightUse::Unknown;
}

bool ChangeImpact::isDisruptive(
    const ConfigChange &change, const StatsSnapshot &snapshot, const QList<ConfigChange> &together)
{
    using Kind = ConfigChange::Kind;
    switch (change.kind) {
    case Kind::ServiceRemoved:
    case Kind::ListenerRemoved:
    case Kind::GroupRemoved:
    case Kind::GroupEnabled:
    case Kind::HostRemoved:
        return true;
    case Kind::HostChanged: {
        if (change.fields.contains("state"_L1) || change.fields.contains("address"_L1))
            return true;
        int before = 0;
        int after = 0;
        if (!weights(change, &before, &after))
            return change.fields.contains("weight"_L1);
        // A weight the scheduler ignores moves nothing, unless it stops or resumes traffic.
        return before == 0 || after == 0
            || weightUse(schedulerOf(change, snapshot, together)) != WeightUse::Ignored;
    }
    default:
        return false;
    }
}

QString ChangeImpact::describe(
    const ConfigChange &change, const StatsSnapshot &snapshot, const QList<ConfigChange> &together)
{
    using Kind = ConfigChange::Kind;
    const QString scheduler = schedulerOf(change, snapshot, together);
    // Said after "drains host b (...)" and the like.
    const QString clientsMove
        = keepsClients(scheduler) ? tr("; the clients it kept are placed on other hosts") : QString();
    switch (change.kind) {
    case Kind::ServiceRemoved: {
        const ServiceStats *service = findService(snapshot, change.service);
        const int open = service ? int(service->active) : 0;
        return tr("stops service %1: its listeners close and %n open connection(s) drain", nullptr, open)
            .arg(change.service);
    }
    case Kind::ListenerRemoved:
        return tr("stops accepting connections on %1").arg(change.name);
    case Kind::ListenerAdded:
        return tr("starts accepting connections on %1").arg(change.name);
    case Kind::GroupRemoved: {
        const GroupStats *group = findGroup(snapshot, change.service, change.group);
        const int open = group ? int(group->active) : 0;
        return tr("drains group %1 (%n open connection(s))", nullptr, open).arg(change.group);
    }
    case Kind::GroupEnabled: {
        const GroupStats *group = findGroup(snapshot, change.service, change.before);
        const int open = group ? int(group->active) : 0;
        return tr("new connections go to group %1; %n open connection(s) stay on %2", nullptr, open)
            .arg(change.after, change.before);
    }
    case Kind::SchedulerChanged: {
        const QString before = schedulerNameIn(change, false);
        const QString after = schedulerNameIn(change, true);
        if (after.isEmpty()) {
            // Options only: a new scheduler of the same kind (a new Maglev table).
            if (keepsClients(scheduler))
                return tr("the scheduler is rebuilt with the new options; some clients move to another host, "
                          "open connections stay");
            return tr("the scheduler is rebuilt with the new options; open connections stay");
        }
        // The scheduler in force before is the one that kept clients on hosts.
        if (keepsClients(before))
            return tr("new connections are placed by %1; clients lose the host %2 kept for them")
                .arg(after, before);
        return tr("new connections are placed by %1; open connections stay").arg(after);
    }
    case Kind::HostRemoved: {
        const HostStats *host = findHost(snapshot, change.service, change.group, change.name);
        const int open = host ? int(host->active) : 0;
        return tr("drains host %1 (%n open connection(s))", nullptr, open).arg(change.name) + clientsMove;
    }
    case Kind::HostAdded:
        if (weightUse(scheduler) == WeightUse::Ring || weightUse(scheduler) == WeightUse::Table)
            return tr(
                "host %1 starts taking connections once it is up; the clients that hash to it move to it")
                .arg(change.name);
        if (keepsClients(scheduler))
            return tr("host %1 takes new clients once it is up; known clients keep their hosts")
                .arg(change.name);
        return tr("host %1 starts taking connections once it is up").arg(change.name);
    case Kind::HostChanged: {
        const HostStats *host = findHost(snapshot, change.service, change.group, change.name);
        const int open = host ? int(host->active) : 0;
        QStringList parts;
        if (change.fields.contains("state"_L1)) {
            const QString after = change.fields.size() == 1 ? change.after : QString();
            if (after == "drain"_L1)
                parts.append(tr("drains host %1 (%n open connection(s))", nullptr, open).arg(change.name)
                    + clientsMove);
            else if (after == "maintenance"_L1)
                parts.append(tr("takes host %1 out of rotation (%n open connection(s) finish)", nullptr, open)
                                 .arg(change.name)
                    + clientsMove);
            else
                parts.append(tr("host %1 changes state").arg(change.name));
        }
        if (change.fields.contains("address"_L1))
            parts.append(
                tr("new connections to %1 go to the new address; %n open connection(s) stay", nullptr, open)
                    .arg(change.name));
        int before = 0;
        int after = 0;
        if (weights(change, &before, &after)) {
            if (after == 0) {
                parts.append(tr("no new connections to host %1; %n open connection(s) finish", nullptr, open)
                                 .arg(change.name)
                    + clientsMove);
            } else if (before == 0) {
                parts.append(tr("host %1 takes new connections again").arg(change.name));
            } else {
                switch (weightUse(scheduler)) {
                case WeightUse::Ignored:
                    parts.append(tr("no effect on traffic: %1 ignores weights").arg(scheduler));
                    break;
                case WeightUse::Share:
                    parts.append(after > before
                            ? tr("host %1 gets a larger share of new connections").arg(change.name)
                            : tr("host %1 gets a smaller share of new connections").arg(change.name));
                    break;
                case WeightUse::Load:
                    parts.append(after > before
                            ? tr("host %1 is given more open connections than before, relative to the others")
                                  .arg(change.name)
                            : tr(
                                "host %1 is given fewer open connections than before, relative to the others")
                                  .arg(change.name));
                    break;
                case WeightUse::Ring:
                    parts.append(after > before
                            ? tr("some clients move to host %1 (its part of the hash ring grows)")
                                  .arg(change.name)
                            : tr("some clients of host %1 move to other hosts (its part of the hash ring "
                                 "shrinks)")
                                  .arg(change.name));
                    break;
                case WeightUse::Table:
                    parts.append(after > before
                            ? tr("some clients move to host %1 (its part of the Maglev table grows)")
                                  .arg(change.name)
                            : tr("some clients of host %1 move to other hosts (its part of the Maglev table "
                                 "shrinks)")
                                  .arg(change.name));
                    break;
                case WeightUse::Unknown:
                    parts.append(tr("shifts the share of new connections of %1").arg(change.name));
                    break;
                }
            }
        } else if (change.fields.contains("weight"_L1)) {
            parts.append(tr("shifts the share of new connections of %1").arg(change.name));
        }
        if (change.fields.contains("proxy"_L1)) {
            parts.append(tr(
                "new connections to host %1 start with the new PROXY protocol header; %n open connection(s) "
                "stay as they are",
                nullptr, open)
                             .arg(change.name));
        }
        return parts.join(u"; "_s);
    }
    case Kind::GroupDiscoverChanged:
        return tr("discovery of group %1 starts again with a lookup now; hosts whose record is gone drain, "
                  "then leave")
            .arg(change.group);
    case Kind::GroupProxyChanged:
        return change.after == "no"_L1
            ? tr("new connections to the hosts of group %1 get no PROXY protocol header; open connections "
                 "stay")
                  .arg(change.group)
            : tr("new connections to the hosts of group %1 start with a PROXY %2 header (a host must expect "
                 "it); open connections stay")
                  .arg(change.group, change.after);
    case Kind::GroupLifecycleChanged:
        return tr("applies at the next health change of a host of group %1; open connections stay")
            .arg(change.group);
    case Kind::ServiceSettingsChanged:
        if (change.fields.contains("acceptproxy"_L1) || change.fields.contains("trusted"_L1)
            || change.fields.contains("proxytimeout"_L1))
            return tr(
                "the listener keeps its socket; its new PROXY protocol options apply to new connections");
        for (const char *field : {"tls", "cert", "key", "minversion", "ciphers", "ciphersuites", "alpn",
                 "clientca", "verifyclient", "handshaketimeout", "certificates"}) {
            if (change.fields.contains(QLatin1StringView(field)))
                return tr("the listener keeps its socket; new TLS handshakes use its new TLS settings, open "
                          "connections keep theirs");
        }
        return {};
    case Kind::UserRemoved:
        return tr("user %1 can no longer log in").arg(change.name);
    case Kind::SettingsChanged:
        if (change.name == "admin"_L1)
            return tr("the admin API restarts; this app reconnects");
        return {};
    default:
        return {};
    }
}

}  // namespace Balancier
