#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>

/// A backend for tests: listens on 127.0.0.1 port 0 and, in its default
/// mode, answers every connection with its own name followed by "\n", then
/// echoes whatever it receives. Counts what it saw so tests can assert on it.
///
/// Modes:
///  - NameThenEcho: write "<name>\n" at once, then echo every byte.
///  - Echo: echo only.
///  - NameAndClose: write "<name>\n" and close the write side.
///  - NameOnEof: collect the request until the client half-closes, then write
///    "<name>:<bytes received>\n" followed by the request, and close.
///
/// Thread contract: lives in the thread that created it (usually the test's).
class StubBackend final : public QObject
{
    Q_OBJECT

public:
    enum class Mode
    {
        NameThenEcho,
        Echo,
        NameAndClose,
        NameOnEof,
    };

    explicit StubBackend(QString name, Mode mode = Mode::NameThenEcho, QObject *parent = nullptr);
    ~StubBackend() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    quint16 port() const;
    QString address() const;  ///< "127.0.0.1:<port>", ready for a <host ip>
    const QString &name() const { return m_name; }

    int connectionCount() const { return m_connections; }
    int openConnections() const { return m_open; }
    QByteArray received() const { return m_received; }

Q_SIGNALS:
    void connectionAccepted();
    void connectionClosed();

private:
    void handleNewConnection();

    QString m_name;
    Mode m_mode;
    QTcpServer m_server;
    int m_connections = 0;
    int m_open = 0;
    QByteArray m_received;
};
