#pragma once

#include "config.h"

#include <QList>
#include <QString>

namespace Balancier {

/// One difference between a running config and a new one. The list of
/// these is what a reload, the admin API and the GUI's "apply" execute and show.
///
/// Fields, by kind:
/// - Service*: `service`. Listener*: `service`, `name` = the listener as written.
/// - Group*, SchedulerChanged, GroupHealthChanged: `service`, `group`.
///   GroupEnabled: `before`/`after` = old and new enabled group names.
/// - Host*: `service`, `group`, `name`; HostAdded has the address in `after`,
///   HostRemoved in `before`. HostChanged fields: address, weight, maxconns, state,
///   proxy (the host's own PROXY header choice; "group" when it follows its group's),
///   slowstart, agent, agentinterval, agentsend (the host's own; "group" when it
///   follows its group's).
/// - GroupFeedbackChanged: `service`, `group`; fields slowstart, agent (port, 0:
///   none), agentinterval, agentsend (escaped, quoted).
/// - GroupProxyChanged: `service`, `group`; field proxy (no, v1, v2).
/// - User*: `name`; UserAdded/Removed carry the access right. UserChanged
///   fields: password (shown as "(hidden)", never the hash), access.
/// - ServiceSettingsChanged: `service`, `name` = "timeouts", "health" or "limit"
///   (fields: enabled, perip, prefix, prefix6, rate, burst, mode, table), or
///   "listen ADDRESS" for a kept listener whose options changed (fields optional,
///   acceptproxy, trusted, proxytimeout): it keeps its sockets.
/// - SettingsChanged: `name` = the area: "settings" (version, workers,
///   maxconns, draintimeout, persist), "checktime" (time), "health" and
///   "timeouts" (the top-level defaults), "admin" (enabled, listen, cert, key,
///   insecure, metricspublic, healthpublic, origins), "logging" (file, level,
///   connections) or "ha" (enabled, vip, statefile).
///
/// For *Changed, `fields` names what differs (the XML attribute names). With
/// one field, `before`/`after` are its values; with several they read
/// "field value, field value". Health and timeouts are compared where they are
/// declared: a top-level default that changes is one SettingsChanged, not one
/// change per group that inherits it (the applier derives the values in force
/// with Config::effectiveHealth/effectiveTimeouts). When an override appears
/// or goes away, the change lists how the values in force at that level moved,
/// or the field "override" (yes/no) when they did not.
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
        GroupProxyChanged,  ///< the PROXY header a group sends (field proxy: no, v1, v2)
        AclRuleAdded,  ///< `service`; `name` = "allow" or "deny"; `after` = its list ("10.0.0.0/8,::1")
        AclRuleRemoved,  ///< `service`; `name` = "allow" or "deny"; `before` = its list
        /// `service`, `name` = "acl"; fields: enabled, default, order (the
        /// kept rules were reordered), rules (more than 50 rules came or went:
        /// their counts, not one change each).
        AclChanged,
        /// Issue 16: a group's fields ondown, onprimaryup, allbackups.
        GroupLifecycleChanged,
        /// TLS routing (<route>): `service`, `name` = the route's label
        /// ("sni=a.example alpn=h2", "plain"); RouteAdded has its group in
        /// `after`, RouteRemoved in `before`; RouteChanged fields: group, silence.
        RouteAdded,
        RouteRemoved,
        RouteChanged,
        /// `service`, `name` = "routes"; fields: order (the kept routes were
        /// reordered), peektimeout, peeksize.
        RoutesChanged,
        /// <alert>s, matched by position: `name` = its number (1, 2, ...);
        /// AlertAdded has its target in `after`, AlertRemoved in `before` (a
        /// webhook's scheme, host and port only: the rest may be a secret).
        /// AlertChanged fields: url, exec, events, services, groups, timeout,
        /// retries, backoff, ratelimit, queue, format.
        AlertAdded,
        AlertRemoved,
        AlertChanged,
        /// DNS discovery: a group's <discover> came, went or changed;
        /// fields srv ("none" when absent) and interval.
        GroupDiscoverChanged,
        /// Backend feedback of a group: fields slowstart, agent, agentinterval, agentsend.
        GroupFeedbackChanged,
    };

    Kind kind;
    QString service;
    QString group;
    QString name;  ///< host, user or listener address concerned
    QStringList fields;  ///< for *Changed: which fields differ ("address", "weight", ...)
    QString before;  ///< human-readable old value, when there is one
    QString after;  ///< human-readable new value, when there is one

    /// One line for logs and the GUI, e.g.
    /// "service web: group prod: host a: address 1.2.3.4:80 -> 1.2.3.5:80".
    QString description() const;

    friend bool operator==(const ConfigChange &, const ConfigChange &) = default;
};

/// The changes that turn `running` into `next`, in a stable order:
/// services, then listeners, groups, hosts, users, settings. Within each,
/// removals come before additions (so that a replacement can take over a
/// port), removed items in `running` order, added and changed ones in `next`
/// order. Groups: removed, added, scheduler and health of each kept group,
/// then the enabled-group switch. Settings: each kept service's timeouts and
/// health, then the top-level areas settings, checktime, health, timeouts,
/// admin, logging. Items inside an added or removed service or group are not
/// listed (a removed group implies its hosts). Items are matched by name, so
/// a host that keeps its name and changes its address is a HostChanged.
/// Source positions and the order of items are not changes.
QList<ConfigChange> diffConfigs(const Config &running, const Config &next);

}  // namespace Balancier
