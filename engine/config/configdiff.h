#pragma once

#include "config.h"

#include <QList>
#include <QString>

namespace Balancier {

/// One difference between a running config and a new one. The list of
/// these is what a reload, the admin API and the GUI's "apply" execute and show.
struct ConfigChange
{
    enum class Kind
    {
        ServiceAdded,
        ServiceRemoved,
        ListenerAdded,
        ListenerRemoved,
        GroupAdded,
        GroupRemoved,
        GroupEnabled,  ///< the enabled group of a service switched
        SchedulerChanged,  ///< before/after: scheduler names
        GroupHealthChanged,
        HostAdded,
        HostRemoved,
        HostChanged,  ///< address, weight, maxconns or admin state; `fields` says which
        UserAdded,
        UserRemoved,
        UserChanged,
        ServiceSettingsChanged,  ///< timeouts or health of a service
        SettingsChanged,  ///< top-level settings, admin, logging, checktime, defaults
    };

    Kind kind;
    QString service;
    QString group;
    QString name;  ///< host, user or listener address concerned
    QStringList fields;  ///< for *Changed: which fields differ ("address", "weight", ...)
    QString before;  ///< human-readable old value, when there is one
    QString after;  ///< human-readable new value, when there is one

    /// One line for logs and the GUI: "service web: host a: address 1.2.3.4:80 -> 1.2.3.5:80".
    QString description() const;

    friend bool operator==(const ConfigChange &, const ConfigChange &) = default;
};

/// The changes that turn `running` into `next`, in a stable order:
/// services, then listeners, groups, hosts, users, settings.
QList<ConfigChange> diffConfigs(const Config &running, const Config &next);

}  // namespace Balancier
