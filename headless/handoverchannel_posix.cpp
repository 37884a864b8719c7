#include "handoverchannel_posix.h"

#include <QDeadlineTimer>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Balancier {

namespace {

// SCM_MAX_FD on Linux: more than this in one message is refused.
constexpr int MaxFdsPerLine = 253;

#ifdef MSG_NOSIGNAL
constexpr int SendFlags = MSG_NOSIGNAL;
#else
constexpr int SendFlags = 0;  // macOS: SIGPIPE is ignored by SignalHandler
#endif

}  // namespace

HandoverChannel::HandoverChannel(int fd)
    : m_fd(fd)
{ }

HandoverChannel::~HandoverChannel()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool HandoverChannel::sendLine(const QByteArray &line, const QList<int> &fds)
{
    if (fds.size() > MaxFdsPerLine) {
        errno = EMSGSIZE;
        return false;
    }
    const QByteArray data = line + '\n';
    qsizetype offset = 0;
    bool withFds = !fds.isEmpty();
    QByteArray control;
    while (offset < data.size()) {
        iovec io{const_cast<char *>(data.constData() + offset), size_t(data.size() - offset)};
        msghdr message{};
        message.msg_iov = &io;
        message.msg_iovlen = 1;
        if (withFds) {
            control = QByteArray(qsizetype(CMSG_SPACE(sizeof(int) * size_t(fds.size()))), '\0');
            message.msg_control = control.data();
            message.msg_controllen = size_t(control.size());
            cmsghdr *header = CMSG_FIRSTHDR(&message);
            header->cmsg_level = SOL_SOCKET;
            header->cmsg_type = SCM_RIGHTS;
            header->cmsg_len = CMSG_LEN(sizeof(int) * size_t(fds.size()));
            std::memcpy(CMSG_DATA(header), fds.constData(), sizeof(int) * size_t(fds.size()));
        }
        const ssize_t sent = ::sendmsg(m_fd, &message, SendFlags);
        if (sent < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                pollfd waitFor{m_fd, POLLOUT, 0};
                ::poll(&waitFor, 1, 1000);
                continue;
            }
            return false;
        }
        withFds = false;  // the descriptors went with the first byte
        offset += sent;
    }
    return true;
}

bool HandoverChannel::readLine(int timeoutMs, QByteArray *line, QList<int> *fds)
{
    const QDeadlineTimer deadline(timeoutMs);
    line->clear();
    for (;;) {
        if (const qsizetype end = m_buffer.indexOf('\n'); end >= 0) {
            *line = m_buffer.left(end);
            m_buffer.remove(0, end + 1);
            return true;
        }
        pollfd waitFor{m_fd, POLLIN, 0};
        const int ready = ::poll(&waitFor, 1, int(deadline.remainingTime()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready == 0) {
            errno = ETIMEDOUT;
            return false;
        }
        if (ready < 0)
            return false;
        // One line at most per read: descriptors stay with their own line.
        char byte = 0;
        iovec io{&byte, 1};
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * MaxFdsPerLine)];
        msghdr message{};
        message.msg_iov = &io;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
#ifdef MSG_CMSG_CLOEXEC
        const int flags = MSG_CMSG_CLOEXEC;
#else
        const int flags = 0;
#endif
        const ssize_t received = ::recvmsg(m_fd, &message, flags);
#ifndef MSG_CMSG_CLOEXEC
        for (cmsghdr *header = CMSG_FIRSTHDR(&message); received > 0 && header;
             header = CMSG_NXTHDR(&message, header)) {
            if (header->cmsg_level == SOL_SOCKET && header->cmsg_type == SCM_RIGHTS) {
                for (size_t i = 0; i < (header->cmsg_len - CMSG_LEN(0)) / sizeof(int); ++i) {
                    int fd = -1;
                    std::memcpy(&fd, CMSG_DATA(header) + i * sizeof(int), sizeof fd);
                    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
                }
            }
        }
#endif
        if (received < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
            continue;
        if (received <= 0) {
            if (received == 0)
                errno = 0;
            return false;
        }
        for (cmsghdr *header = CMSG_FIRSTHDR(&message); header; header = CMSG_NXTHDR(&message, header)) {
            if (header->cmsg_level != SOL_SOCKET || header->cmsg_type != SCM_RIGHTS)
                continue;
            const size_t count = (header->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (size_t i = 0; i < count; ++i) {
                int fd = -1;
                std::memcpy(&fd, CMSG_DATA(header) + i * sizeof(int), sizeof fd);
                if (fds)
                    fds->append(fd);
                else
                    ::close(fd);
            }
        }
        m_buffer.append(byte);
        if (m_buffer.size() > MaxLineBytes) {
            m_buffer.clear();
            errno = EMSGSIZE;
            return false;
        }
    }
}

QList<QByteArray> HandoverChannel::readAvailableLines(bool *closed)
{
    *closed = false;
    char buffer[512];
    for (;;) {
        const ssize_t received = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (received > 0) {
            m_buffer.append(buffer, received);
            if (m_buffer.size() > MaxLineBytes && m_buffer.indexOf('\n') < 0) {
                m_buffer.clear();
                *closed = true;  // no line is that long: a broken or hostile peer
                return {};
            }
            continue;
        }
        if (received < 0 && errno == EINTR)
            continue;
        if (received == 0 || (errno != EAGAIN && errno != EWOULDBLOCK))
            *closed = true;
        break;
    }
    QList<QByteArray> lines;
    for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n')) {
        lines.append(m_buffer.left(end));
        m_buffer.remove(0, end + 1);
    }
    return lines;
}

}  // namespace Balancier
