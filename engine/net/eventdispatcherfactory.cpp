#include "net/eventdispatcherfactory.h"

#include "net/iopoller.h"

#include <QAbstractEventDispatcher>

namespace Balancier {

const char *workerPollerName(QAbstractEventDispatcher *dispatcher)
{
    if (const auto *poller = dynamic_cast<const IoPoller *>(dispatcher))
        return poller->pollerName();
    return "qt";
}

}  // namespace Balancier
