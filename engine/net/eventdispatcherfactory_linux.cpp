#include "net/eventdispatcherfactory.h"

#include "net/epolleventdispatcher_linux.h"
#include "net/polleventdispatcher.h"

#include <memory>

namespace Balancier {

namespace {

// Out of descriptors: the worker still runs, on Qt's dispatcher (the
// dispatcher has printed why).
template<typename Dispatcher>
QAbstractEventDispatcher *validOrNull()
{
    auto dispatcher = std::make_unique<Dispatcher>();
    if (!dispatcher->isValid())
        return nullptr;
    return dispatcher.release();
}

}  // namespace

QAbstractEventDispatcher *createWorkerEventDispatcher(PollerChoice choice)
{
    switch (choice) {
    case PollerChoice::Native:
        return validOrNull<EpollEventDispatcher>();
    case PollerChoice::Poll:
        return validOrNull<PollEventDispatcher>();
    case PollerChoice::Qt:
        break;
    }
    return nullptr;
}

}  // namespace Balancier
