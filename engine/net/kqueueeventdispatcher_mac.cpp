#include "net/kqueueeventdispatcher_mac.h"

#include <cerrno>
#include <cstdint>

#include <fcntl.h>
#include <sys/event.h>
#include <sys/time.h>
#include <sys/types.h>
#include <unistd.h>

namespace Balancier {

namespace {

// One kevent() returns at most this many events; the rest come next time.
constexpr int MaxEventsPerWait = 256;

void *serialData(quint32 serial)
{
    return reinterpret_cast<void *>(std::uintptr_t(serial));
}

quint32 serialOf(const struct kevent &event)
{
    return quint32(reinterpret_cast<std::uintptr_t>(event.udata));
}

}  // namespace

KqueueEventDispatcher::KqueueEventDispatcher(QObject *parent)
    : PortableEventDispatcher("KqueueEventDispatcher", parent)
{
    m_kqueueFd = ::kqueue();
    if (m_kqueueFd < 0) {
        qErrnoWarning("KqueueEventDispatcher: kqueue failed");
        return;
    }
    ::fcntl(m_kqueueFd, F_SETFD, FD_CLOEXEC);
    watchWakeUpChannel();
}

KqueueEventDispatcher::~KqueueEventDispatcher()
{
    if (m_kqueueFd >= 0)
        ::close(m_kqueueFd);
}

bool KqueueEventDispatcher::backendWatch(
    qintptr fd, quint32 serial, int oldInterest, int interest, BackendSlot &slot)
{
    if (!slot.registered)
        oldInterest = 0;
    struct kevent changes[2];
    int count = 0;
    // EV_ADD on a filter that exists only updates it, which also replaces
    // the serial of a descriptor taken over after a close without remove().
    const auto change = [&](int filter, int flag) {
        const bool want = interest & flag;
        if (want)
            EV_SET(&changes[count++], uintptr_t(fd), filter, EV_ADD | EV_ENABLE, 0, 0, serialData(serial));
        else if (oldInterest & flag)
            EV_SET(&changes[count++], uintptr_t(fd), filter, EV_DELETE, 0, 0, nullptr);
    };
    change(EVFILT_READ, WantRead);
    change(EVFILT_WRITE, WantWrite);
    if (count > 0 && ::kevent(m_kqueueFd, changes, count, nullptr, 0, nullptr) < 0)
        return false;
    slot.registered = true;
    return true;
}

void KqueueEventDispatcher::backendUnwatch(qintptr fd, int interest, BackendSlot &slot)
{
    struct kevent changes[2];
    int count = 0;
    if (interest & WantRead)
        EV_SET(&changes[count++], uintptr_t(fd), EVFILT_READ, EV_DELETE, 0, 0, nullptr);
    if (interest & WantWrite)
        EV_SET(&changes[count++], uintptr_t(fd), EVFILT_WRITE, EV_DELETE, 0, 0, nullptr);
    // ENOENT/EBADF: already closed, and closing removed the filters itself.
    if (count > 0)
        ::kevent(m_kqueueFd, changes, count, nullptr, 0, nullptr);
    slot.registered = false;
}

void KqueueEventDispatcher::backendWait(int timeoutMs, std::vector<Ready> &ready)
{
    struct kevent events[MaxEventsPerWait];
    timespec timeout{};
    timespec *limit = nullptr;
    if (timeoutMs >= 0) {
        timeout.tv_sec = timeoutMs / 1000;
        timeout.tv_nsec = long(timeoutMs % 1000) * 1000000L;
        limit = &timeout;
    }
    const int count = ::kevent(m_kqueueFd, nullptr, 0, events, MaxEventsPerWait, limit);
    if (count < 0) {
        // EINTR: a signal; the caller's loop comes back with a fresh timeout.
        if (errno != EINTR)
            qErrnoWarning("KqueueEventDispatcher: kevent failed");
        return;
    }
    for (int i = 0; i < count; ++i) {
        const struct kevent &event = events[i];
        int readiness = 0;
        if (event.flags & EV_ERROR) {
            readiness = (event.data == EBADF || event.data == ENOENT) ? ReadyInvalid : ReadyError;
        } else {
            readiness = event.filter == EVFILT_WRITE ? ReadyWrite : ReadyRead;
            // With EV_EOF, fflags holds the socket error, if any.
            if ((event.flags & EV_EOF) && event.fflags != 0)
                readiness |= ReadyError;
        }
        ready.push_back(Ready{qintptr(event.ident), serialOf(event), readiness});
    }
}

}  // namespace Balancier
