#pragma once

#include <QString>

namespace Balancier {

/// `balancierd --upgrade --pid-file FILE`: asks the daemon whose pid FILE
/// holds for a hitless upgrade (SIGUSR2), then waits until FILE names its
/// successor. Exit code 0 when a successor took over, 1 when none did
/// within TimeoutMs (the daemon's log says why; the old process goes on
/// serving), or when there is no daemon to upgrade.
///
/// POSIX only; on Windows it says that a hitless upgrade is not supported there.
///
/// Thread contract: main thread, before any event loop.
namespace UpgradeCommand {

constexpr int TimeoutMs = 60000;

int run(const QString &pidFile);

}  // namespace UpgradeCommand

}  // namespace Balancier
