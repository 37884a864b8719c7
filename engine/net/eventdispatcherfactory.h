#pragma once

#include "net/pollerchoice.h"

class QAbstractEventDispatcher;

namespace Balancier {

/// The event dispatcher for a worker thread. Native: epoll on Linux, so that
/// an event costs the same with 10 or 10,000 open connections; kqueue on
/// macOS; poll() elsewhere (WSAPoll() on Windows). Poll: the portable
/// PollEventDispatcher on any system. Qt, or when the dispatcher cannot be
/// set up (out of descriptors): nullptr, which keeps Qt's default
/// dispatcher; IoPoller::forCurrentThread() then falls back to
/// QSocketNotifier. Install it with QThread::setEventDispatcher() before
/// the thread starts; the thread takes ownership.
QAbstractEventDispatcher *createWorkerEventDispatcher(PollerChoice choice = PollerChoice::Native);

/// The IoPoller::pollerName() of a dispatcher made above ("qt" for nullptr).
const char *workerPollerName(QAbstractEventDispatcher *dispatcher);

}  // namespace Balancier
