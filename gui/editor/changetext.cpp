#include "changetext.h"

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
    case Kind::SettingsChanged:
        if (change.name == "health"_L1)
            return tr("default health: %1").arg(changed);
        if (change.name == "timeouts"_L1)
            return tr("default timeouts: %1").arg(changed);
        return tr("%1: %2").arg(change.name, changed);
    }
    return changed;
}

}  // namespace Balancier
