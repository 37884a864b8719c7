#include "net/iopoller.h"

#include "net/notifierpoller.h"

#include <QAbstractEventDispatcher>
#include <QThreadStorage>

namespace Balancier {

bool IoPoller::addEdgeTriggered(qintptr, IoHandler *)
{
    return false;
}

void IoPoller::rearm(qintptr)
{ }

void IoPoller::removeClosing(qintptr fd)
{
    remove(fd);
}

IoPoller *IoPoller::forCurrentThread()
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    if (!dispatcher)
        return nullptr;  // QSocketNotifier would not work either
    if (auto *poller = dynamic_cast<IoPoller *>(dispatcher))
        return poller;

    // QThreadStorage deletes each thread's poller when that thread finishes
    // (for the main thread, with QCoreApplication), while its event
    // dispatcher still exists, so the notifiers unregister cleanly.
    static QThreadStorage<NotifierPoller *> pollers;
    if (!pollers.hasLocalData())
        pollers.setLocalData(new NotifierPoller);
    return pollers.localData();
}

}  // namespace Balancier
