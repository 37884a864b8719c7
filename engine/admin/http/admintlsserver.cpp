#include "admin/http/admintlsserver.h"

#include "logcategories.h"

#include <QPointer>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace Balancier {

AdminTlsServer::AdminTlsServer(QObject *parent)
    : QSslServer(parent)
{
    m_summaryTimer.setSingleShot(true);
    connect(&m_summaryTimer, &QTimer::timeout, this, &AdminTlsServer::handleSummaryTimeout);
    connect(this, &QSslServer::startedEncryptionHandshake, this, [this](QSslSocket *socket) {
        if (const auto it = m_pending.find(socket); it != m_pending.end())
            it->started = true;
    });
    connect(this, &QSslServer::errorOccurred, this,
        [this](QSslSocket *socket, QAbstractSocket::SocketError error) {
            const auto it = m_pending.find(socket);
            if (it == m_pending.end() || it->probe || !it->reason.isEmpty())
                return;
            if (error == QAbstractSocket::SocketTimeoutError) {
                it->reason = u"no TLS handshake within "_s + QString::number(handshakeTimeout()) + u" ms"_s;
            } else if (error == QAbstractSocket::RemoteHostClosedError && !it->started) {
                // Connected and closed without a byte: a port probe, not a
                // handshake. Not worth a warning.
                it->probe = true;
            } else {
                it->reason = socket->errorString();
            }
        });
}

AdminTlsServer::~AdminTlsServer()
{
    // The sockets still in their handshake are children, deleted after this
    // destructor has run: they must not call back into it.
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        disconnect(it.key(), nullptr, this, nullptr);
}

void AdminTlsServer::setLogInterval(int intervalMs)
{
    m_logIntervalMs = intervalMs;
}

void AdminTlsServer::incomingConnection(qintptr socketDescriptor)
{
    QSslServer::incomingConnection(socketDescriptor);
    // QSslServer has just made the client's socket as its newest child.
    const QObjectList &children = this->children();
    auto *socket = children.isEmpty() ? nullptr : qobject_cast<QSslSocket *>(children.constLast());
    if (!socket || m_pending.contains(socket) || socket->state() != QAbstractSocket::ConnectedState)
        return;
    Pending pending;
    pending.peer = socket->peerAddress().toString() + u" port "_s + QString::number(socket->peerPort());
    m_pending.insert(socket, pending);
    // The socket as context: QSslServer disconnects everything between the
    // socket and itself once the handshake succeeds.
    connect(socket, &QSslSocket::encrypted, socket, [server = QPointer(this), socket] {
        if (server)
            server->m_pending.remove(socket);
    });
    connect(socket, &QObject::destroyed, this, &AdminTlsServer::handleSocketDestroyed);
}

void AdminTlsServer::handleSocketDestroyed(QObject *socket)
{
    // Only the pointer's value is used: the socket is being destroyed.
    const auto it = m_pending.constFind(socket);
    if (it == m_pending.cend())
        return;
    const Pending pending = *it;
    m_pending.erase(it);
    if (pending.probe)
        return;
    QString reason = pending.reason;
    if (reason.isEmpty()) {
        // QSslServer closes a client whose first byte cannot start a TLS
        // handshake, and says nothing.
        reason = u"not a TLS client (its first bytes were not a TLS handshake; plain HTTP to an https:// "
                 u"address?)"_s;
    }
    logFailure(pending.peer, reason);
}

void AdminTlsServer::logFailure(const QString &peer, const QString &reason)
{
    ++m_failed;
    if (!m_lastLogged.isValid() || m_lastLogged.elapsed() >= m_logIntervalMs) {
        qCWarning(lcAdmin, "admin API: TLS handshake with %s failed: %s", qUtf8Printable(peer),
            qUtf8Printable(reason));
        m_lastLogged.start();
        return;
    }
    ++m_suppressed;
    m_lastSuppressed = peer + u": "_s + reason;
    if (!m_summaryTimer.isActive())
        m_summaryTimer.start(qMax<qint64>(0, m_logIntervalMs - m_lastLogged.elapsed()));
}

void AdminTlsServer::handleSummaryTimeout()
{
    if (m_suppressed == 0)
        return;
    qCWarning(lcAdmin,
        "admin API: %d more failed TLS handshake(s) in the last %s s, not logged one by one; "
        "the last with %s",
        m_suppressed, qUtf8Printable(QString::number(m_logIntervalMs / 1000.0)),
        qUtf8Printable(m_lastSuppressed));
    m_suppressed = 0;
    m_lastSuppressed.clear();
    m_lastLogged.start();
}

}  // namespace Balancier
