#pragma once

class QAbstractEventDispatcher;

namespace Balancier {

/// The event dispatcher for a worker thread: epoll on Linux, so that an
/// event costs the same with 10 or 10,000 open connections. Elsewhere, or
/// when epoll cannot be set up (out of descriptors), nullptr, which keeps
/// Qt's default dispatcher; IoPoller::forCurrentThread() then falls back
/// to QSocketNotifier. Install it with QThread::setEventDispatcher() before
/// the thread starts; the thread takes ownership.
QAbstractEventDispatcher *createWorkerEventDispatcher();

}  // namespace Balancier
