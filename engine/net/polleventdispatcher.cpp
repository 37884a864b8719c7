#include "net/polleventdispatcher.h"

#include <cerrno>

namespace Balancier {

namespace {

#ifdef Q_OS_WIN
// WSAPoll() refuses what its provider does not support (POLLPRI, POLLRDBAND).
constexpr short PollRead = POLLRDNORM;
constexpr short PollWrite = POLLWRNORM;
constexpr short PollPriority = 0;
using NativeDescriptor = SOCKET;
#else
constexpr short PollRead = POLLIN;
constexpr short PollWrite = POLLOUT;
constexpr short PollPriority = POLLPRI;
using NativeDescriptor = int;
#endif

int systemPoll(PollDescriptor *descriptors, std::size_t count, int timeoutMs)
{
#ifdef Q_OS_WIN
    const int result = ::WSAPoll(descriptors, ULONG(count), timeoutMs);
    if (result == SOCKET_ERROR) {
        const int error = ::WSAGetLastError();
        errno = error == WSAEINTR ? EINTR : EINVAL;
        return -1;
    }
    return result;
#else
    return ::poll(descriptors, nfds_t(count), timeoutMs);
#endif
}

}  // namespace

PollEventDispatcher::PollEventDispatcher(QObject *parent)
    : PortableEventDispatcher("PollEventDispatcher", parent)
{
    watchWakeUpChannel();
}

PollEventDispatcher::~PollEventDispatcher() = default;

bool PollEventDispatcher::backendWatch(qintptr fd, quint32 serial, int, int interest, BackendSlot &slot)
{
    short events = 0;
    if (interest & WantRead)
        events |= PollRead;
    if (interest & WantWrite)
        events |= PollWrite;
    if (interest & WantPriority)
        events |= PollPriority;
    if (slot.registered) {
        m_descriptors[std::size_t(slot.index)].events = events;
        return true;
    }
    PollDescriptor descriptor{};
    descriptor.fd = NativeDescriptor(fd);
    descriptor.events = events;
    m_descriptors.push_back(descriptor);
    m_entries.push_back(Entry{serial, &slot});
    slot.index = qsizetype(m_descriptors.size() - 1);
    slot.registered = true;
    return true;
}

void PollEventDispatcher::backendUnwatch(qintptr, int, BackendSlot &slot)
{
    if (!slot.registered)
        return;
    // Swap with the last entry: O(1), and the order of the set does not matter.
    const auto index = std::size_t(slot.index);
    const std::size_t last = m_descriptors.size() - 1;
    if (index != last) {
        m_descriptors[index] = m_descriptors[last];
        m_entries[index] = m_entries[last];
        m_entries[index].slot->index = qsizetype(index);
    }
    m_descriptors.pop_back();
    m_entries.pop_back();
    slot.registered = false;
    slot.index = -1;
}

void PollEventDispatcher::backendWait(int timeoutMs, std::vector<Ready> &ready)
{
    const int count = systemPoll(m_descriptors.data(), m_descriptors.size(), timeoutMs);
    if (count < 0) {
        // EINTR: a signal; the caller's loop comes back with a fresh timeout.
        if (errno != EINTR)
            qErrnoWarning("PollEventDispatcher: poll failed");
        return;
    }
    int left = count;
    for (std::size_t i = 0; i < m_descriptors.size() && left > 0; ++i) {
        const short revents = m_descriptors[i].revents;
        if (revents == 0)
            continue;
        --left;
        int readiness = 0;
        if (revents & PollRead)
            readiness |= ReadyRead;
        if (revents & PollWrite)
            readiness |= ReadyWrite;
        if (PollPriority != 0 && (revents & PollPriority))
            readiness |= ReadyPriority;
        if (revents & (POLLERR | POLLHUP))
            readiness |= ReadyError;
        if (revents & POLLNVAL)
            readiness |= ReadyInvalid;
        ready.push_back(Ready{qintptr(m_descriptors[i].fd), m_entries[i].serial, readiness});
    }
}

}  // namespace Balancier
