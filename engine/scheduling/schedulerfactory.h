#pragma once

#include "scheduling/scheduler.h"

#include <QList>
#include <QStringView>

#include <memory>

namespace Balancier {

/// Builds the Scheduler for a name of SchedulerRegistry (config/): the names
/// live in the model, the algorithms here.
///
/// Thread contract: create() may be called from any thread; the scheduler it
/// returns follows Scheduler's contract.
class SchedulerFactory final
{
public:
    /// nullptr if the name (or alias) is unknown.
    static std::unique_ptr<Scheduler> create(
        QStringView nameOrAlias, QList<HostRuntime *> hosts, const SchedulerOptions &options = {});
};

}  // namespace Balancier
