#pragma once

#include "runtime/hostruntime.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

namespace Balancier {

class ConnectionLog;

/// State the workers share with the engine. Owned by the engine, which
/// outlives every worker.
///
/// Thread contract: atomics from any thread; `reportFailure` from any thread
/// (it queues the report to the control thread).
struct EngineContext
{
    std::atomic<qint64> activeClients{0};
    std::atomic<int> maxConnections{0};  ///< 0: no cap
    /// The connection log; set before the workers start, lives as long as they do.
    ConnectionLog *connectionLog = nullptr;
    std::atomic<bool> capReached{false};  ///< logged once per episode
    std::atomic<bool> outOfDescriptors{false};  ///< logged once per episode

    /// A backend refused, timed out or could not be reached: tell health.
    std::function<void(std::shared_ptr<HostRuntime> host, QString reason)> reportFailure;
};

}  // namespace Balancier
