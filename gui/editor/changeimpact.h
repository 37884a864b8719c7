#pragma once

#include "config/configdiff.h"
#include "stats/statssnapshot.h"

#include <QCoreApplication>
#include <QString>

namespace Balancier {

/// What a config change will do to live traffic, in words, from the
/// balancer's last snapshot: "drains host b (14 open connections)".
/// Empty when a change has no effect worth a warning.
///
/// What a host's weight does depends on the group's scheduler (see
/// docs/scheduling.md): roundrobin ignores it, hash maps clients by it...
/// The scheduler is the one the group runs after the changes: a
/// SchedulerChanged among `together`, else the snapshot's.
///
/// Thread contract: stateless.
class ChangeImpact final
{
    Q_DECLARE_TR_FUNCTIONS(ChangeImpact)

public:
    ChangeImpact() = delete;

    /// `together`: the changes applied with `change` (a scheduler switch
    /// in the same group decides what a weight means).
    static QString describe(
        const ConfigChange &change, const StatsSnapshot &snapshot, const QList<ConfigChange> &together = {});
    /// The whole set of changes as short phrases, in order, for one line
    /// above the details: "adds host x", "drains host b (14 open
    /// connections)", "switches service web to group 'upgrade'", "rebinds
    /// listener 127.0.0.1:80 to 127.0.0.1:81". A listener removed and one
    /// added in the same service read as one rebind.
    static QStringList summarize(const QList<ConfigChange> &changes, const StatsSnapshot &snapshot);
    /// True when the change affects open connections or moves traffic.
    static bool isDisruptive(const ConfigChange &change, const StatsSnapshot &snapshot = {},
        const QList<ConfigChange> &together = {});
    /// False for a scheduler whose weight impact is not decided here (the
    /// impact then says only that the share may shift).
    static bool knowsScheduler(const QString &scheduler);
};

}  // namespace Balancier
