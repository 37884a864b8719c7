#pragma once

#include "net/portableeventdispatcher.h"

namespace Balancier {

/// The macOS (and BSD) event dispatcher: one kqueue, so that adding,
/// changing and removing a descriptor and delivering one event cost the
/// same with 10 or 10,000 watched descriptors, as with epoll on Linux.
///
/// Semantics: PortableEventDispatcher's, with kqueue's differences: read
/// and write readiness of one descriptor may come as two deliveries in one
/// pass; an end of stream (EV_EOF) is plain readiness, and Closed is
/// reported only when it carries a socket error (a failed connect, a
/// reset), so a half-closed peer is not mistaken for a dead one; priority
/// data is not watched (a QSocketNotifier::Exception never fires); a
/// registration with no events reports nothing.
///
/// Only compiled on macOS (the _mac suffix). On Linux, CI checks it with
/// tools/kqueue-check.sh: a compile against stub <sys/event.h> declarations,
/// which proves it builds against Qt's headers and the engine, not that it
/// runs.
///
/// Thread contract: PortableEventDispatcher's.
class KqueueEventDispatcher final : public PortableEventDispatcher
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KqueueEventDispatcher)

public:
    explicit KqueueEventDispatcher(QObject *parent = nullptr);
    ~KqueueEventDispatcher() override;

    const char *pollerName() const override { return "kqueue"; }

protected:
    bool backendValid() const override { return m_kqueueFd >= 0; }
    bool backendWatch(qintptr fd, quint32 serial, int oldInterest, int interest, BackendSlot &slot) override;
    void backendUnwatch(qintptr fd, int interest, BackendSlot &slot) override;
    void backendWait(int timeoutMs, std::vector<Ready> &ready) override;

private:
    int m_kqueueFd = -1;
};

}  // namespace Balancier
