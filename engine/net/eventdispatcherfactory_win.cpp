#include "net/eventdispatcherfactory.h"

#include "net/polleventdispatcher.h"

#include <memory>

namespace Balancier {

// Windows has no epoll or kqueue: the portable dispatcher (WSAPoll()) is
// the native choice. BALANCIER_POLLER=qt keeps Qt's dispatcher instead.
QAbstractEventDispatcher *createWorkerEventDispatcher(PollerChoice choice)
{
    if (choice == PollerChoice::Qt)
        return nullptr;
    auto dispatcher = std::make_unique<PollEventDispatcher>();
    if (!dispatcher->isValid())
        return nullptr;  // it has printed why; the worker runs on Qt's dispatcher
    return dispatcher.release();
}

}  // namespace Balancier
