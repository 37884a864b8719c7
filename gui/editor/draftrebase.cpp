#include "draftrebase.h"

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

using Kind = ConfigChange::Kind;

/// How much of the config a change concerns.
enum class Level
{
    TopLevel,  ///< settings areas, alerts
    User,
    ServiceWhole,  ///< added or removed
    ServiceOwn,  ///< listeners, settings, ACL, routes, the enabled group
    GroupWhole,  ///< added or removed
    GroupOwn,  ///< scheduler, health, proxy, life cycle, discovery
    Host,
};

Level levelOf(const ConfigChange &change)
{
    switch (change.kind) {
    case Kind::ServiceAdded:
    case Kind::ServiceRemoved:
        return Level::ServiceWhole;
    case Kind::ListenerAdded:
    case Kind::ListenerRemoved:
    case Kind::ServiceSettingsChanged:
    case Kind::AclRuleAdded:
    case Kind::AclRuleRemoved:
    case Kind::AclChanged:
    case Kind::RouteAdded:
    case Kind::RouteRemoved:
    case Kind::RouteChanged:
    case Kind::RoutesChanged:
    case Kind::GroupEnabled:
        return Level::ServiceOwn;
    case Kind::GroupAdded:
    case Kind::GroupRemoved:
        return Level::GroupWhole;
    case Kind::SchedulerChanged:
    case Kind::GroupHealthChanged:
    case Kind::GroupProxyChanged:
    case Kind::GroupLifecycleChanged:
    case Kind::GroupDiscoverChanged:
    case Kind::GroupFeedbackChanged:
        return Level::GroupOwn;
    case Kind::HostAdded:
    case Kind::HostRemoved:
    case Kind::HostChanged:
        return Level::Host;
    case Kind::UserAdded:
    case Kind::UserRemoved:
    case Kind::UserChanged:
        return Level::User;
    case Kind::SettingsChanged:
    case Kind::AlertAdded:
    case Kind::AlertRemoved:
    case Kind::AlertChanged:
        return Level::TopLevel;
    }
    return Level::TopLevel;
}

bool isAlert(Kind kind)
{
    return kind == Kind::AlertAdded || kind == Kind::AlertRemoved || kind == Kind::AlertChanged;
}

/// The part of a service a ServiceOwn change is about, to tell two of them apart.
QString servicePart(const ConfigChange &change)
{
    switch (change.kind) {
    case Kind::ListenerAdded:
    case Kind::ListenerRemoved:
        return u"listener "_s + change.name;
    case Kind::AclRuleAdded:
    case Kind::AclRuleRemoved:
    case Kind::AclChanged:
        return u"acl"_s;
    case Kind::RouteAdded:
    case Kind::RouteRemoved:
    case Kind::RouteChanged:
    case Kind::RoutesChanged:
        return u"routes"_s;
    case Kind::GroupEnabled:
        return u"enabled"_s;
    default:
        return u"settings "_s + change.name;
    }
}

GroupConfig *groupIn(Config &config, const QString &service, const QString &group)
{
    ServiceConfig *owner = config.service(service);
    return owner ? owner->group(group) : nullptr;
}

const GroupConfig *groupIn(const Config &config, const QString &service, const QString &group)
{
    const ServiceConfig *owner = config.service(service);
    return owner ? owner->group(group) : nullptr;
}

template<typename T, typename Name>
void putOrRemove(QList<T> &list, const T *wanted, const QString &name, Name nameOf)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (nameOf(list.at(i)) == name) {
            if (wanted)
                list[i] = *wanted;
            else
                list.removeAt(i);
            return;
        }
    }
    if (wanted)
        list.append(*wanted);
}

}  // namespace

DraftRebase::DraftRebase(const Config &base, const Config &draft, const Config &running)
    : m_rebased(running)
    , m_mine(diffConfigs(base, draft))
    , m_theirs(diffConfigs(base, running))
{
    for (const ConfigChange &change : std::as_const(m_mine)) {
        applyMine(change, draft);
        for (const ConfigChange &other : std::as_const(m_theirs)) {
            if (touchSameItem(change, other)) {
                m_conflicts.append(change);
                break;
            }
        }
    }
}

QList<ConfigChange> DraftRebase::theirsConflictingWith(const ConfigChange &mine) const
{
    QList<ConfigChange> result;
    for (const ConfigChange &other : m_theirs) {
        if (touchSameItem(mine, other))
            result.append(other);
    }
    return result;
}

bool DraftRebase::touchSameItem(const ConfigChange &a, const ConfigChange &b)
{
    const Level la = levelOf(a);
    const Level lb = levelOf(b);
    if (la == Level::TopLevel || lb == Level::TopLevel) {
        if (la != lb)
            return false;
        return isAlert(a.kind) ? isAlert(b.kind) : (!isAlert(b.kind) && a.name == b.name);
    }
    if (la == Level::User || lb == Level::User)
        return la == lb && a.name == b.name;
    if (a.service != b.service)
        return false;
    // A service that came or went collides with anything in it.
    if (la == Level::ServiceWhole || lb == Level::ServiceWhole)
        return true;
    if (la == Level::ServiceOwn || lb == Level::ServiceOwn)
        return la == lb && servicePart(a) == servicePart(b);
    if (a.group != b.group)
        return false;
    if (la == Level::GroupWhole || lb == Level::GroupWhole)
        return true;
    if (la == Level::GroupOwn || lb == Level::GroupOwn)
        return la == lb;
    return a.name == b.name;  // two host changes
}

void DraftRebase::applyMine(const ConfigChange &change, const Config &draft)
{
    Config &out = m_rebased;
    switch (levelOf(change)) {
    case Level::TopLevel:
        if (isAlert(change.kind)) {
            out.alerts = draft.alerts;
        } else if (change.name == "settings"_L1) {
            out.settings = draft.settings;
            out.version = draft.version;
        } else if (change.name == "checktime"_L1) {
            out.checkTimeMs = draft.checkTimeMs;
        } else if (change.name == "health"_L1) {
            out.health = draft.health;
        } else if (change.name == "timeouts"_L1) {
            out.timeouts = draft.timeouts;
        } else if (change.name == "admin"_L1) {
            const QList<AdminUser> users = out.admin.users;
            out.admin = draft.admin;
            out.admin.users = users;
        } else if (change.name == "logging"_L1) {
            out.logging = draft.logging;
        } else if (change.name == "ha"_L1) {
            out.ha = draft.ha;
        }
        return;
    case Level::User: {
        const AdminUser *wanted = nullptr;
        for (const AdminUser &user : draft.admin.users) {
            if (user.name == change.name)
                wanted = &user;
        }
        putOrRemove(out.admin.users, wanted, change.name, [](const AdminUser &user) { return user.name; });
        return;
    }
    case Level::ServiceWhole:
        putOrRemove(out.services, draft.service(change.service), change.service,
            [](const ServiceConfig &service) { return service.name; });
        return;
    case Level::ServiceOwn: {
        ServiceConfig *target = out.service(change.service);
        const ServiceConfig *wanted = draft.service(change.service);
        if (!target || !wanted)
            return;
        ServiceConfig merged = *wanted;
        merged.groups = target->groups;
        if (change.kind != Kind::GroupEnabled)
            merged.enabledGroup = target->enabledGroup;
        *target = merged;
        return;
    }
    case Level::GroupWhole: {
        ServiceConfig *target = out.service(change.service);
        if (!target)
            return;
        putOrRemove(target->groups, groupIn(draft, change.service, change.group), change.group,
            [](const GroupConfig &group) { return group.name; });
        return;
    }
    case Level::GroupOwn: {
        GroupConfig *target = groupIn(out, change.service, change.group);
        const GroupConfig *wanted = groupIn(draft, change.service, change.group);
        if (!target || !wanted)
            return;
        GroupConfig merged = *wanted;
        merged.hosts = target->hosts;
        *target = merged;
        return;
    }
    case Level::Host: {
        GroupConfig *target = groupIn(out, change.service, change.group);
        const GroupConfig *wanted = groupIn(draft, change.service, change.group);
        if (!target)
            return;
        putOrRemove(target->hosts, wanted ? wanted->host(change.name) : nullptr, change.name,
            [](const HostConfig &host) { return host.name; });
        return;
    }
    }
}

}  // namespace Balancier
