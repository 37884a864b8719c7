#include "net/eventdispatcherfactory.h"

#include "net/epolleventdispatcher_linux.h"

#include <memory>

namespace Balancier {

QAbstractEventDispatcher *createWorkerEventDispatcher()
{
    auto dispatcher = std::make_unique<EpollEventDispatcher>();
    // Out of descriptors: the worker still runs, on Qt's dispatcher (the
    // dispatcher has printed why).
    if (!dispatcher->isValid())
        return nullptr;
    return dispatcher.release();
}

}  // namespace Balancier
