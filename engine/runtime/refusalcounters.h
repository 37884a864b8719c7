#pragma once

#include <QtGlobal>

#include <atomic>

namespace Balancier {

/// What a service's admission refused (and, in dry run, would have refused),
/// counted since start. One per service, kept across applies, so that the
/// counters only ever grow (Prometheus counters).
///
/// Thread contract: relaxed atomics; workers add, anyone reads.
struct RefusalCounters
{
    std::atomic<qint64> aclDenied{0};
    std::atomic<qint64> limitConcurrent{0};
    std::atomic<qint64> limitRate{0};
    std::atomic<qint64> dryRunConcurrent{0};  ///< mode="dryrun": would have been refused, let through
    std::atomic<qint64> dryRunRate{0};
    /// The refusal log line's brake: the last time (ms, steady clock) a line
    /// was written, and the refusals left unsaid since.
    std::atomic<qint64> lastLogMs{-1000000};
    std::atomic<qint64> unlogged{0};
};

}  // namespace Balancier
