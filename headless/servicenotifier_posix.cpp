#include "servicenotifier.h"

#include "logcategories.h"

#include <cerrno>
#include <cstring>
#include <ctime>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace Balancier {

namespace {

#ifdef MSG_NOSIGNAL
constexpr int SendFlags = MSG_NOSIGNAL;
#else
constexpr int SendFlags = 0;  // macOS: SIGPIPE is ignored by SignalHandler
#endif

QByteArray statusLine(const QString &status)
{
    QString text = status;
    text.replace(u'\n', u' ');
    return "STATUS=" + text.toUtf8();
}

}  // namespace

ServiceNotifier::ServiceNotifier()
    : m_address(qgetenv("NOTIFY_SOCKET"))
{
    // Only a path or an abstract name; systemd's vsock addresses are not ours.
    if (!m_address.startsWith('/') && !m_address.startsWith('@'))
        m_address.clear();
}

ServiceNotifier::~ServiceNotifier() = default;

bool ServiceNotifier::send(const QByteArray &message)
{
    if (m_address.isEmpty())
        return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (size_t(m_address.size()) >= sizeof address.sun_path) {
        if (!m_warned)
            qCWarning(
                lcNet, "NOTIFY_SOCKET is too long for a UNIX socket address: %s", m_address.constData());
        m_warned = true;
        return false;
    }
    std::memcpy(address.sun_path, m_address.constData(), size_t(m_address.size()));
    if (m_address.startsWith('@'))
        address.sun_path[0] = '\0';  // the abstract namespace
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(m_address.size()));

    const int fd = ::socket(AF_UNIX, SOCK_DGRAM, 0);
    if (fd < 0) {
        if (!m_warned)
            qCWarning(lcNet, "cannot notify the service manager: socket: %s", strerror(errno));
        m_warned = true;
        return false;
    }
    const ssize_t sent = ::sendto(fd, message.constData(), size_t(message.size()), SendFlags,
        reinterpret_cast<const sockaddr *>(&address), length);
    const int sendError = errno;
    ::close(fd);
    if (sent != ssize_t(message.size())) {
        if (!m_warned)
            qCWarning(lcNet, "cannot notify the service manager at %s: %s", m_address.constData(),
                strerror(sendError));
        m_warned = true;
        return false;
    }
    qCDebug(lcNet, "service manager: %s", QByteArray(message).replace('\n', ' ').constData());
    return true;
}

void ServiceNotifier::ready(const QString &status)
{
    m_lastStatus = status;
    send("READY=1\n" + statusLine(status));
}

void ServiceNotifier::reloading()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    const qint64 usec = qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000;
    send("RELOADING=1\nMONOTONIC_USEC=" + QByteArray::number(usec) + "\nSTATUS=reloading the config");
}

void ServiceNotifier::stopping(const QString &status)
{
    m_lastStatus = status;
    send("STOPPING=1\n" + statusLine(status));
}

void ServiceNotifier::status(const QString &status)
{
    if (status == m_lastStatus)
        return;
    m_lastStatus = status;
    send(statusLine(status));
}

void ServiceNotifier::mainPid(qint64 pid, const QString &status)
{
    m_lastStatus = status;
    send("MAINPID=" + QByteArray::number(pid) + '\n' + statusLine(status));
}

}  // namespace Balancier
