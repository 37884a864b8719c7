#pragma once

#include "net/iopoller.h"

#include <QHash>
#include <QList>
#include <QObject>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

namespace Balancier {

/// The portable IoPoller: one read and one write QSocketNotifier per
/// descriptor, on whatever dispatcher the thread runs (macOS, Windows, or a
/// Linux thread without EpollEventDispatcher). The write notifier is enabled
/// only while Writable is wanted, so an idle connection costs no wake-ups.
///
/// Differences from the epoll poller: Closed is never reported (a dead
/// socket shows up as Readable or Writable and recv()/send() tell), and with
/// no events wanted nothing at all is reported. Notifiers of removed
/// descriptors are kept for reuse instead of being deleted, which also makes
/// removing a descriptor from inside its own callback safe.
///
/// Thread contract: lives in, and is called from, one thread with a Qt event
/// dispatcher; usually obtained through IoPoller::forCurrentThread(), which
/// owns it. Handlers are not owned.
class NotifierPoller final : public QObject, public IoPoller
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotifierPoller)

public:
    explicit NotifierPoller(QObject *parent = nullptr);
    ~NotifierPoller() override;

    bool add(qintptr fd, IoHandler *handler, int events) override;
    void modify(qintptr fd, int events) override;
    void remove(qintptr fd) override;
    const char *pollerName() const override { return "qt"; }

    /// Descriptors currently registered, for tests and stats.
    int watchedCount() const { return int(m_watches.size()); }

private:
    struct Watch
    {
        IoHandler *handler = nullptr;
        int events = 0;
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
    };

    void apply(qintptr fd, Watch &watch);
    QSocketNotifier *takeNotifier(qintptr fd, int type);
    void releaseNotifier(QSocketNotifier *notifier);
    void handleActivated(QSocketNotifier *notifier);

    QHash<qintptr, Watch> m_watches;
    QList<QSocketNotifier *> m_spare[2];  ///< disabled notifiers by type (Read, Write), for reuse
};

}  // namespace Balancier
