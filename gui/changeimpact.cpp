#include "changeimpact.h"

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

}  // namespace

bool ChangeImpact::isDisruptive(const ConfigChange &change)
{
    using Kind = ConfigChange::Kind;
    switch (change.kind) {
    case Kind::ServiceRemoved:
    case Kind::ListenerRemoved:
    case Kind::GroupRemoved:
    case Kind::GroupEnabled:
    case Kind::HostRemoved:
        return true;
    case Kind::HostChanged:
        return change.fields.contains("state"_L1) || change.fields.contains("address"_L1)
            || change.fields.contains("weight"_L1);
    default:
        return false;
    }
}

QString ChangeImpact::describe(const ConfigChange &change, const StatsSnapshot &snapshot)
{
    using Kind = ConfigChange::Kind;
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
    case Kind::SchedulerChanged:
        return tr("the new scheduler starts afresh (sticky clients may move)");
    case Kind::HostRemoved: {
        const HostStats *host = findHost(snapshot, change.service, change.group, change.name);
        const int open = host ? int(host->active) : 0;
        return tr("drains host %1 (%n open connection(s))", nullptr, open).arg(change.name);
    }
    case Kind::HostAdded:
        return tr("host %1 starts taking connections once it is up").arg(change.name);
    case Kind::HostChanged: {
        const HostStats *host = findHost(snapshot, change.service, change.group, change.name);
        const int open = host ? int(host->active) : 0;
        QStringList parts;
        if (change.fields.contains("state"_L1)) {
            const QString after = change.fields.size() == 1 ? change.after : QString();
            if (after == "drain"_L1)
                parts.append(tr("drains host %1 (%n open connection(s))", nullptr, open).arg(change.name));
            else if (after == "maintenance"_L1)
                parts.append(tr("takes host %1 out of rotation (%n open connection(s) finish)", nullptr, open)
                                 .arg(change.name));
            else
                parts.append(tr("host %1 changes state").arg(change.name));
        }
        if (change.fields.contains("address"_L1))
            parts.append(
                tr("new connections to %1 go to the new address; %n open connection(s) stay", nullptr, open)
                    .arg(change.name));
        if (change.fields.contains("weight"_L1))
            parts.append(tr("shifts the share of new connections of %1").arg(change.name));
        return parts.join(u"; "_s);
    }
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
