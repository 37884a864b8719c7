#include "net/eventdispatcherfactory.h"

#include "net/kqueueeventdispatcher_mac.h"
#include "net/polleventdispatcher.h"

#include <memory>

namespace Balancier {

namespace {

// Out of descriptors: nullptr, and the caller falls back (the dispatcher
// has printed why).
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
        return validOrNull<KqueueEventDispatcher>();
    case PollerChoice::Poll:
        return validOrNull<PollEventDispatcher>();
    case PollerChoice::Qt:
        break;
    }
    return nullptr;
}

}  // namespace Balancier
