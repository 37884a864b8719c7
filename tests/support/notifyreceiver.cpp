#include "notifyreceiver.h"

#include <QFile>
#include <QSocketNotifier>

#ifdef Q_OS_LINUX
#include <cstring>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

NotifyReceiver::NotifyReceiver(QObject *parent)
    : QObject(parent)
{ }

NotifyReceiver::~NotifyReceiver()
{
    delete m_notifier;
#ifdef Q_OS_LINUX
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_address.isEmpty() && !m_address.startsWith(u'@'))
        QFile::remove(m_address);
#endif
}

bool NotifyReceiver::listen(const QString &address)
{
#ifdef Q_OS_LINUX
    const QByteArray name = address.toLocal8Bit();
    sockaddr_un socketAddress{};
    socketAddress.sun_family = AF_UNIX;
    if (name.isEmpty() || size_t(name.size()) >= sizeof socketAddress.sun_path)
        return false;
    std::memcpy(socketAddress.sun_path, name.constData(), size_t(name.size()));
    if (name.startsWith('@'))
        socketAddress.sun_path[0] = '\0';
    m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (m_fd < 0)
        return false;
    const int on = 1;
    ::setsockopt(m_fd, SOL_SOCKET, SO_PASSCRED, &on, sizeof on);
    const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(name.size()));
    if (::bind(m_fd, reinterpret_cast<const sockaddr *>(&socketAddress), length) != 0)
        return false;
    m_address = address;
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read);
    connect(m_notifier, &QSocketNotifier::activated, this, &NotifyReceiver::handleReadable);
    return true;
#else
    Q_UNUSED(address)
    return false;
#endif
}

void NotifyReceiver::handleReadable()
{
#ifdef Q_OS_LINUX
    for (;;) {
        char buffer[4096];
        iovec io{buffer, sizeof buffer};
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(ucred))];
        msghdr message{};
        message.msg_iov = &io;
        message.msg_iovlen = 1;
        message.msg_control = control;
        message.msg_controllen = sizeof control;
        const ssize_t received = ::recvmsg(m_fd, &message, 0);
        if (received < 0)
            return;
        Message entry;
        entry.text = QByteArray(buffer, received);
        for (cmsghdr *header = CMSG_FIRSTHDR(&message); header; header = CMSG_NXTHDR(&message, header)) {
            if (header->cmsg_level == SOL_SOCKET && header->cmsg_type == SCM_CREDENTIALS) {
                ucred credentials{};
                std::memcpy(&credentials, CMSG_DATA(header), sizeof credentials);
                entry.pid = credentials.pid;
            }
        }
        m_messages.append(entry);
        Q_EMIT messageReceived();
    }
#endif
}

qsizetype NotifyReceiver::indexOf(const QByteArray &line, qsizetype from) const
{
    for (qsizetype i = qMax<qsizetype>(from, 0); i < m_messages.size(); ++i) {
        for (const QByteArray &part : m_messages.at(i).text.split('\n')) {
            if (line.endsWith('=') ? part.startsWith(line) : part == line)
                return i;
        }
    }
    return -1;
}

QString NotifyReceiver::dump() const
{
    QString text;
    for (const Message &message : m_messages) {
        text += QStringLiteral("pid %1: %2\n")
                    .arg(message.pid)
                    .arg(QString::fromUtf8(QByteArray(message.text).replace('\n', " | ")));
    }
    return text;
}
