#include "net/eventdispatcherfactory.h"

namespace Balancier {

// Qt's default dispatcher is used here; IoPoller::forCurrentThread() falls
// back to QSocketNotifier.
QAbstractEventDispatcher *createWorkerEventDispatcher()
{
    return nullptr;
}

}  // namespace Balancier
