#pragma once

#include "config/config.h"
#include "runtime/groupruntime.h"
#include "runtime/refusalcounters.h"

#include <QString>
#include <memory>
#include <mutex>

namespace Balancier {

class SourceAcl;  // net/: the route only carries them
class SourceLimiter;

/// What a worker needs to route a new client of one service. Immutable.
struct ServiceRoute
{
    QString service;
    std::shared_ptr<GroupRuntime> group;  ///< the enabled group
    TimeoutConfig timeouts;
    bool logConnections = false;
    /// Admission (Session::start()): both null without <acl> and <limit>,
    /// and then nothing is looked up. Swapped with the route, whole: a
    /// connection sees one rule set, never half of one.
    std::shared_ptr<const SourceAcl> acl;
    std::shared_ptr<SourceLimiter> limiter;
    std::shared_ptr<RefusalCounters> refusals;  ///< the service's, kept across applies
};

/// The current route of a service, shared by the control thread (writer)
/// and every worker's acceptors (readers, once per accepted connection).
///
/// Thread contract: any thread. A mutex rather than atomic<shared_ptr>
/// because the latter is missing from some standard libraries we target.
class RouteSlot final
{
    Q_DISABLE_COPY_MOVE(RouteSlot)

public:
    RouteSlot() = default;

    std::shared_ptr<const ServiceRoute> load() const
    {
        std::lock_guard lock(m_mutex);
        return m_route;
    }

    void store(std::shared_ptr<const ServiceRoute> route)
    {
        std::lock_guard lock(m_mutex);
        m_route.swap(route);
    }

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<const ServiceRoute> m_route;
};

}  // namespace Balancier
