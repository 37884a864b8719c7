#pragma once

#include <QString>

namespace Balancier {

/// Which readiness interface the worker threads use.
enum class PollerChoice
{
    Native,  ///< the platform's best: epoll (Linux), kqueue (macOS), poll (elsewhere: WSAPoll on Windows)
    Poll,  ///< poll() / WSAPoll(): the portable PollEventDispatcher
    Qt,  ///< Qt's own dispatcher with QSocketNotifier (NotifierPoller)
};

/// The value of BALANCIER_POLLER, checked.
struct PollerSetting
{
    PollerChoice choice = PollerChoice::Native;
    /// Empty when the value was understood; else what was wrong, for the
    /// log (the choice is then Native).
    QString error;
};

/// Reads BALANCIER_POLLER: unset or empty for the platform's native poller,
/// or one of "poll", "qt", or the native name ("epoll" on Linux, "kqueue" on
/// macOS). Case-insensitive; surrounding blanks are ignored.
///
/// Thread contract: free function, reads the environment only.
PollerSetting pollerSettingFromEnvironment();
/// The same rule for a given value (tests).
PollerSetting parsePollerSetting(const QString &value);

}  // namespace Balancier
