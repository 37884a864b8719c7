#include "net/wakeupchannel.h"

#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

namespace Balancier {

namespace {

// pipe2() is not on macOS: set the flags one by one.
bool makeNonBlockingCloseOnExec(int fd)
{
    const int flags = ::fcntl(fd, F_GETFL);
    return flags >= 0 && ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0
        && ::fcntl(fd, F_SETFD, FD_CLOEXEC) == 0;
}

}  // namespace

WakeUpChannel::WakeUpChannel()
{
    int fds[2] = {-1, -1};
    if (::pipe(fds) != 0) {
        qErrnoWarning("WakeUpChannel: pipe failed");
        return;
    }
    if (!makeNonBlockingCloseOnExec(fds[0]) || !makeNonBlockingCloseOnExec(fds[1])) {
        qErrnoWarning("WakeUpChannel: fcntl failed");
        ::close(fds[0]);
        ::close(fds[1]);
        return;
    }
    m_read = fds[0];
    m_write = fds[1];
}

WakeUpChannel::~WakeUpChannel()
{
    if (m_read >= 0)
        ::close(int(m_read));
    if (m_write >= 0)
        ::close(int(m_write));
}

bool WakeUpChannel::isValid() const
{
    return m_read >= 0 && m_write >= 0;
}

void WakeUpChannel::signal()
{
    const char byte = 1;
    // EAGAIN: the pipe is full, so it is readable already.
    while (::write(int(m_write), &byte, 1) < 0 && errno == EINTR) { }
}

void WakeUpChannel::drain()
{
    char buffer[256];
    for (;;) {
        const ssize_t got = ::read(int(m_read), buffer, sizeof buffer);
        if (got == ssize_t(sizeof buffer) || (got < 0 && errno == EINTR))
            continue;
        return;
    }
}

}  // namespace Balancier
