#pragma once

#include <QtGlobal>

#include <atomic>

namespace Balancier {

/// What a service refused before a backend was picked (its <acl> and
/// <limit>, and PROXY headers on acceptproxy listeners) and, in dry run,
/// would have refused, counted since start. One per service, kept across applies, so that the
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
    std::atomic<qint64> proxyUntrusted{0};
    std::atomic<qint64> proxyBadHeader{0};
    std::atomic<qint64> proxyTimeout{0};
    /// TLS routing (<route>): ClientHellos not complete in time, malformed,
    /// too large, and clients that do not speak TLS where no plain route is.
    std::atomic<qint64> tlsPeekTimeout{0};
    std::atomic<qint64> tlsBadHello{0};
    std::atomic<qint64> tlsHelloTooLarge{0};
    std::atomic<qint64> notTls{0};
    /// The refusal log line's brake: the last time (ms, steady clock) a line
    /// was written, and the refusals left unsaid since.
    std::atomic<qint64> lastLogMs{-1000000};
    std::atomic<qint64> unlogged{0};
};

}  // namespace Balancier
