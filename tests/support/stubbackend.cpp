#include "stubbackend.h"

#include <QTcpSocket>

StubBackend::StubBackend(QString name, Mode mode, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_mode(mode)
{
    connect(&m_server, &QTcpServer::newConnection, this, &StubBackend::handleNewConnection);
}

StubBackend::~StubBackend() = default;

bool StubBackend::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

void StubBackend::close()
{
    m_server.close();
}

quint16 StubBackend::port() const
{
    return m_server.serverPort();
}

QString StubBackend::address() const
{
    return QStringLiteral("127.0.0.1:%1").arg(port());
}

void StubBackend::handleNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        ++m_open;
        socket->setParent(this);
        Q_EMIT connectionAccepted();
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            --m_open;
            socket->deleteLater();
            Q_EMIT connectionClosed();
        });
        const QByteArray greeting = m_name.toUtf8() + '\n';
        switch (m_mode) {
        case Mode::NameThenEcho:
            socket->write(greeting);
            [[fallthrough]];
        case Mode::Echo:
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                const QByteArray data = socket->readAll();
                m_received += data;
                socket->write(data);
            });
            break;
        case Mode::NameAndClose:
            socket->write(greeting);
            socket->disconnectFromHost();
            break;
        case Mode::NameOnEof: {
            auto *request = new QByteArray;
            connect(socket, &QObject::destroyed, this, [request] { delete request; });
            connect(socket, &QTcpSocket::readyRead, this, [this, socket, request] {
                const QByteArray data = socket->readAll();
                m_received += data;
                *request += data;
            });
            // QTcpSocket reports the peer's half-close as a disconnect while
            // the write side still works; answer then.
            connect(socket, &QTcpSocket::readChannelFinished, this, [this, socket, request] {
                *request += socket->readAll();
                m_received.append(socket->readAll());
                socket->write(m_name.toUtf8() + ':' + QByteArray::number(request->size()) + '\n' + *request);
                socket->disconnectFromHost();
            });
            break;
        }
        }
    }
}
