#include "changetext.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Balancier {

QString ChangeText::describe(const ConfigChange &change)
{
    QString where;
    if (!change.service.isEmpty() && !change.group.isEmpty())
        where = tr("service %1: group %2").arg(change.service, change.group);
    else if (!change.service.isEmpty())
        where = tr("service %1").arg(change.service);
    else if (!change.group.isEmpty())
        where = tr("group %1").arg(change.group);

    QString changed;
    if (change.fields.size() == 1 && change.fields.constFirst() == "password"_L1)
        changed = tr("password changed");
    else if (change.fields.size() == 1)
        changed = tr("%1 %2 -> %3").arg(change.fields.constFirst(), change.before, change.after);
    else
        changed = tr("%1 -> %2").arg(change.before, change.after);
    const auto orNone = [](const QString &value) {
        return value.isEmpty() ? tr("(none)") : value;
    };
    // A TLS route's label says what it matches; "plain" is the route of non-TLS clients.
    const auto routeName = [](const QString &label) {
        return label == "plain"_L1 ? tr("for clients that do not speak TLS") : label;
    };

    using Kind = ConfigChange::Kind;
    switch (change.kind) {
    case Kind::ServiceAdded:
        return tr("service %1 added").arg(change.service);
    case Kind::ServiceRemoved:
        return tr("service %1 removed").arg(change.service);
    case Kind::ListenerAdded:
        return tr("%1: listener %2 added").arg(where, change.name);
    case Kind::ListenerRemoved:
        return tr("%1: listener %2 removed").arg(where, change.name);
    case Kind::GroupAdded:
        return tr("%1 added").arg(where);
    case Kind::GroupRemoved:
        return tr("%1 removed").arg(where);
    case Kind::GroupEnabled:
        return tr("%1: enabled group %2 -> %3").arg(where, orNone(change.before), orNone(change.after));
    case Kind::SchedulerChanged:
        return tr("%1: %2").arg(where, changed);
    case Kind::GroupHealthChanged:
        return tr("%1: health: %2").arg(where, changed);
    case Kind::HostAdded:
        return tr("%1: host %2 added (%3)").arg(where, change.name, change.after);
    case Kind::HostRemoved:
        return tr("%1: host %2 removed").arg(where, change.name);
    case Kind::HostChanged:
        return tr("%1: host %2: %3").arg(where, change.name, changed);
    case Kind::UserAdded:
        return tr("admin: user %1 added (%2)").arg(change.name, change.after);
    case Kind::UserRemoved:
        return tr("admin: user %1 removed").arg(change.name);
    case Kind::UserChanged:
        return tr("admin: user %1: %2").arg(change.name, changed);
    case Kind::ServiceSettingsChanged:
        return tr("%1: %2: %3").arg(where, change.name, changed);
    case Kind::GroupProxyChanged:
        return tr("%1: PROXY protocol header sent to the hosts: %2 -> %3")
            .arg(where, change.before, change.after);
    case Kind::GroupDiscoverChanged:
        if (change.fields.size() == 1 && change.fields.constFirst() == "srv"_L1) {
            if (change.before == "none"_L1)
                return tr("%1: hosts discovered from the DNS SRV record %2").arg(where, change.after);
            if (change.after == "none"_L1)
                return tr("%1: DNS discovery from %2 stops; its hosts leave").arg(where, change.before);
        }
        return tr("%1: DNS discovery: %2").arg(where, changed);
    case Kind::AclRuleAdded:
        return tr("%1 %2 added to service %3's ACL")
            .arg(change.name == "allow"_L1 ? tr("allow") : tr("deny"), change.after, change.service);
    case Kind::AclRuleRemoved:
        return tr("%1 %2 removed from service %3's ACL")
            .arg(change.name == "allow"_L1 ? tr("allow") : tr("deny"), change.before, change.service);
    case Kind::AclChanged:
        return tr("%1: ACL: %2").arg(where, changed);
    case Kind::GroupLifecycleChanged:
        return tr("%1: backups and host failure: %2").arg(where, changed);
    case Kind::RouteAdded:
        return tr("%1: TLS route %2 to group %3 added").arg(where, routeName(change.name), change.after);
    case Kind::RouteRemoved:
        return tr("%1: TLS route %2 to group %3 removed").arg(where, routeName(change.name), change.before);
    case Kind::RouteChanged:
        return tr("%1: TLS route %2: %3").arg(where, routeName(change.name), changed);
    case Kind::RoutesChanged:
        return tr("%1: TLS routes: %2").arg(where, changed);
    case Kind::AlertAdded:
        return tr("alert %1 added (%2)").arg(change.name, change.after);
    case Kind::AlertRemoved:
        return tr("alert %1 removed (%2)").arg(change.name, change.before);
    case Kind::AlertChanged:
        return tr("alert %1: %2").arg(change.name, changed);
    case Kind::GroupFeedbackChanged:
        return tr("%1: backend feedback (slow start, agent check): %2").arg(where, changed);
    case Kind::SettingsChanged:
        if (change.name == "health"_L1)
            return tr("default health: %1").arg(changed);
        if (change.name == "timeouts"_L1)
            return tr("default timeouts: %1").arg(changed);
        if (change.name == "logging"_L1)
            return tr("logging: %1").arg(changed);
        return tr("%1: %2").arg(change.name, changed);
    }
    return changed;
}

QString ChangeText::describeReason(const HostStateEvent &event)
{
    return describeReason(event.reasonCode, event.reasonParams, event.reason);
}

QString ChangeText::describeReason(const QString &code, const QVariantMap &params, const QString &english)
{
    const auto param = [&params](QLatin1StringView name) {
        return params.value(name).toString();
    };
    const int count = params.value("count"_L1).toInt();
    if (code == "added"_L1)
        return tr("added");
    if (code == "adminChange"_L1)
        return tr("administrative change");
    if (code == "addressChanged"_L1)
        return tr("address changed from %1 to %2").arg(param("from"_L1), param("to"_L1));
    if (code == "removedFromConfig"_L1)
        return tr("removed from the config");
    // DNS discovery
    if (code == "discovered"_L1)
        return tr("discovered by DNS (%1)").arg(param("from"_L1));
    if (code == "undiscovered"_L1)
        return tr("its DNS record is gone (%1)").arg(param("from"_L1));
    if (code == "groupRemoved"_L1)
        return tr("its group was removed");
    if (code == "serviceRemoved"_L1)
        return tr("its service was removed");
    if (code == "connectFailed"_L1)
        return param("detail"_L1).isEmpty() ? tr("connect failed")
                                            : tr("connect failed: %1").arg(param("detail"_L1));
    if (code == "probeFailed"_L1)
        return tr("%n consecutive probe(s) failed: %1", nullptr, std::max(count, 1)).arg(param("detail"_L1));
    if (code == "probeSucceeded"_L1)
        return tr("%n consecutive probe(s) succeeded", nullptr, std::max(count, 1));
    if (code == "answeredWhileGroupDown"_L1)
        return tr("answered while every host of group '%1' was down").arg(param("group"_L1));
    if (code == "agentDown"_L1)
        return param("reason"_L1).isEmpty()
            ? tr("the agent said %1").arg(param("word"_L1))
            : tr("the agent said %1: %2").arg(param("word"_L1), param("reason"_L1));
    if (code == "agentUp"_L1)
        return tr("the agent said up");
    if (code == "agentAdmin"_L1)
        return tr("the agent set %1").arg(param("state"_L1));
    if (code == "agentOff"_L1)
        return tr("the agent check was switched off");
    if (code == "drainTimeout"_L1)
        return tr("drain timeout %1 passed: %n open connection(s) cut", nullptr, param("cut"_L1).toInt())
            .arg(param("timeout"_L1));
    if (code == "drainDeadline"_L1)
        return tr("drain deadline passed: %n open connection(s) cut", nullptr, param("cut"_L1).toInt());
    return english;
}

}  // namespace Balancier
