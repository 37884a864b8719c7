#include "httptestsession.h"

#include <QTest>

HttpTestSession::HttpTestSession(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QSslSocket::readyRead, this, &HttpTestSession::handleReadyRead);
    connect(&m_socket, &QSslSocket::disconnected, this, [this] {
        handleReadyRead();
        m_disconnected = true;
    });
    connect(&m_socket, &QSslSocket::sslErrors, this,
        [this](const QList<QSslError> &errors) { m_sslErrors.append(errors); });
}

HttpTestSession::~HttpTestSession()
{
    // The socket closes as a member after this body; nothing may call back then.
    disconnect(&m_socket, nullptr, this, nullptr);
}

bool HttpTestSession::connectPlain(quint16 port, int timeoutMs)
{
    m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    return QTest::qWaitFor(
               [this] {
                   return m_socket.state() == QAbstractSocket::ConnectedState
                       || m_socket.state() == QAbstractSocket::UnconnectedState;
               },
               timeoutMs)
        && m_socket.state() == QAbstractSocket::ConnectedState;
}

bool HttpTestSession::connectTls(quint16 port, const QSslCertificate &trusted, int timeoutMs)
{
    m_socket.setPeerVerifyName(QStringLiteral("127.0.0.1"));
    // The exact error, with the exact certificate: any other problem still fails.
    m_socket.ignoreSslErrors({QSslError(QSslError::SelfSignedCertificate, trusted)});
    m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    return QTest::qWaitFor(
               [this] {
                   return m_socket.isEncrypted() || m_socket.state() == QAbstractSocket::UnconnectedState;
               },
               timeoutMs)
        && m_socket.isEncrypted();
}

void HttpTestSession::send(const QByteArray &bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

void HttpTestSession::handleReadyRead()
{
    if (m_socket.isOpen())
        m_buffer += m_socket.readAll();
}

bool HttpTestSession::isConnected() const
{
    return !m_disconnected && m_socket.state() == QAbstractSocket::ConnectedState;
}

bool HttpTestSession::waitForDisconnected(int timeoutMs)
{
    return QTest::qWaitFor(
        [this] { return m_disconnected || m_socket.state() == QAbstractSocket::UnconnectedState; },
        timeoutMs);
}

HttpTestResponse HttpTestSession::readResponse(int timeoutMs)
{
    HttpTestResponse response;
    qsizetype consumed = -1;
    const auto complete = [&] {
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return false;
        response = HttpTestResponse{};
        const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
        const QList<QByteArray> statusLine = lines.constFirst().trimmed().split(' ');
        response.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                response.headers.append({line.left(colon).toLower(), line.mid(colon + 1).trimmed()});
        }
        const QByteArray lengthHeader = response.header("content-length");
        if (lengthHeader.isEmpty()) {
            // Read up to the close.
            if (!m_disconnected)
                return false;
            response.body = m_buffer.mid(headerEnd + 4);
            consumed = m_buffer.size();
            return true;
        }
        const qsizetype length = lengthHeader.toLongLong();
        if (m_buffer.size() - headerEnd - 4 < length)
            return false;
        response.body = m_buffer.mid(headerEnd + 4, length);
        consumed = headerEnd + 4 + length;
        return true;
    };
    if (!QTest::qWaitFor([&] { return complete() || m_disconnected; }, timeoutMs) || consumed < 0)
        return HttpTestResponse{};
    m_buffer.remove(0, consumed);
    return response;
}
