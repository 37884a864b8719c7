#pragma once

class QAbstractEventDispatcher;

namespace Balancier {

/// The event dispatcher for a worker thread: epoll on Linux, so that an
/// event costs the same with 10 or 10,000 open connections. Elsewhere
/// nullptr, which keeps Qt's default dispatcher (see docs/architecture.md).
/// Install it with QThread::setEventDispatcher() before the thread starts.
QAbstractEventDispatcher *createWorkerEventDispatcher();

}  // namespace Balancier
