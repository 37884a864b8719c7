#pragma once

#include "net/portableeventdispatcher.h"

#include <vector>

#ifdef Q_OS_WIN
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <winsock2.h>
#else
#include <poll.h>
#endif

namespace Balancier {

#ifdef Q_OS_WIN
using PollDescriptor = WSAPOLLFD;
#else
using PollDescriptor = pollfd;
#endif

/// The portable event dispatcher: poll() on POSIX, WSAPoll() on Windows.
/// Every wait hands the kernel the whole descriptor set, so one wait costs
/// O(n) with n watched descriptors (Qt's own UNIX dispatcher does the same,
/// but rebuilds the set every time; here add/modify/remove are O(1)). It is
/// the fallback where neither epoll nor kqueue is available, and on Linux
/// it can be chosen with BALANCIER_POLLER=poll, so that the non-epoll data
/// plane runs in CI.
///
/// Semantics: PortableEventDispatcher's. Closed is reported on POLLERR or
/// POLLHUP, as the epoll dispatcher does on EPOLLERR/EPOLLHUP; POLLNVAL (a
/// descriptor closed without remove()) is reported once and then forgotten.
/// Windows: WSAPoll() does not support priority data, so a
/// QSocketNotifier::Exception never fires there.
///
/// Thread contract: PortableEventDispatcher's.
class PollEventDispatcher final : public PortableEventDispatcher
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PollEventDispatcher)

public:
    explicit PollEventDispatcher(QObject *parent = nullptr);
    ~PollEventDispatcher() override;

    const char *pollerName() const override { return "poll"; }

protected:
    bool backendValid() const override { return true; }
    bool backendWatch(qintptr fd, quint32 serial, int oldInterest, int interest, BackendSlot &slot) override;
    void backendUnwatch(qintptr fd, int interest, BackendSlot &slot) override;
    void backendWait(int timeoutMs, std::vector<Ready> &ready) override;

private:
    struct Entry
    {
        quint32 serial = 0;
        BackendSlot *slot = nullptr;  ///< updated when the entry moves
    };

    // Parallel arrays: the first goes to the kernel as it is.
    std::vector<PollDescriptor> m_descriptors;
    std::vector<Entry> m_entries;
};

}  // namespace Balancier
