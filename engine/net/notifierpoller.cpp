#include "net/notifierpoller.h"

#include <QSocketNotifier>

namespace Balancier {

namespace {

// Spare notifiers kept per type after a burst of connections; beyond this
// they are deleted (later, since one may be inside its own signal).
constexpr qsizetype MaxSpareNotifiers = 256;

}  // namespace

NotifierPoller::NotifierPoller(QObject *parent)
    : QObject(parent)
{ }

// The notifiers are children and go with us.
NotifierPoller::~NotifierPoller() = default;

bool NotifierPoller::add(qintptr fd, IoHandler *handler, int events)
{
    if (!handler || fd < 0)
        return false;
    if (m_watches.contains(fd)) {
        qWarning("NotifierPoller: descriptor %lld is already watched", static_cast<long long>(fd));
        return false;
    }
    Watch &watch = m_watches[fd];
    watch.handler = handler;
    watch.events = events & (IoHandler::Readable | IoHandler::Writable);
    apply(fd, watch);
    return true;
}

void NotifierPoller::modify(qintptr fd, int events)
{
    const auto it = m_watches.find(fd);
    if (it == m_watches.end()) {
        qWarning("NotifierPoller::modify: descriptor %lld is not registered", static_cast<long long>(fd));
        return;
    }
    it->events = events & (IoHandler::Readable | IoHandler::Writable);
    apply(fd, *it);
}

void NotifierPoller::remove(qintptr fd)
{
    const auto it = m_watches.find(fd);
    if (it == m_watches.end())
        return;
    const Watch watch = *it;
    m_watches.erase(it);
    if (watch.read)
        releaseNotifier(watch.read);
    if (watch.write)
        releaseNotifier(watch.write);
}

void NotifierPoller::apply(qintptr fd, Watch &watch)
{
    // Created on first need: many connections never ask for Writable.
    const bool wantRead = watch.events & IoHandler::Readable;
    if (wantRead && !watch.read)
        watch.read = takeNotifier(fd, QSocketNotifier::Read);
    if (watch.read)
        watch.read->setEnabled(wantRead);

    const bool wantWrite = watch.events & IoHandler::Writable;
    if (wantWrite && !watch.write)
        watch.write = takeNotifier(fd, QSocketNotifier::Write);
    if (watch.write)
        watch.write->setEnabled(wantWrite);
}

QSocketNotifier *NotifierPoller::takeNotifier(qintptr fd, int type)
{
    QList<QSocketNotifier *> &spare = m_spare[type];
    QSocketNotifier *notifier = nullptr;
    if (!spare.isEmpty()) {
        notifier = spare.takeLast();
    } else {
        notifier = new QSocketNotifier(QSocketNotifier::Type(type), this);
        connect(notifier, &QSocketNotifier::activated, this, [this, notifier] { handleActivated(notifier); });
    }
    notifier->setSocket(fd);  // leaves it disabled; apply() enables it
    return notifier;
}

void NotifierPoller::releaseNotifier(QSocketNotifier *notifier)
{
    notifier->setEnabled(false);
    QList<QSocketNotifier *> &spare = m_spare[notifier->type()];
    if (spare.size() < MaxSpareNotifiers)
        spare.append(notifier);
    else
        notifier->deleteLater();
}

void NotifierPoller::handleActivated(QSocketNotifier *notifier)
{
    const qintptr fd = notifier->socket();
    const auto it = m_watches.constFind(fd);
    if (it == m_watches.cend())
        return;
    int event = 0;
    if (it->read == notifier)
        event = IoHandler::Readable;
    else if (it->write == notifier)
        event = IoHandler::Writable;
    if (!(it->events & event))
        return;
    // The handler may change m_watches: nothing of it is touched afterwards.
    it->handler->ioReady(fd, event);
}

}  // namespace Balancier
