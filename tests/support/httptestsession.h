#pragma once

#include "httptestclient.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QSslSocket>

/// One persistent HTTP/1.1 connection for tests, plain or TLS: keep-alive,
/// pipelining, partial and slow requests, and watching the server close.
/// Unlike HttpTestClient it keeps the connection between requests.
///
/// Waiting runs the event loop (the admin server usually lives in the test's
/// thread); nothing blocks it.
///
/// Thread contract: lives in the thread that created it.
class HttpTestSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpTestSession)

public:
    explicit HttpTestSession(QObject *parent = nullptr);
    ~HttpTestSession() override;

    /// Connects to 127.0.0.1:port in plain TCP.
    bool connectPlain(quint16 port, int timeoutMs = 5000);
    /// Connects to 127.0.0.1:port with TLS, accepting `trusted` as the
    /// server's (self-signed) certificate and nothing else: only the
    /// self-signed error for exactly that certificate is ignored.
    bool connectTls(quint16 port, const QSslCertificate &trusted, int timeoutMs = 5000);

    void send(const QByteArray &bytes);
    /// Reads one response (body by Content-Length, or up to the close).
    /// status 0 when none arrived in time.
    HttpTestResponse readResponse(int timeoutMs = 10000);
    /// Waits until the server closes the connection; true when it did.
    bool waitForDisconnected(int timeoutMs);
    bool isConnected() const;
    /// Received bytes not yet consumed by readResponse().
    const QByteArray &pending() const { return m_buffer; }
    /// TLS errors the client saw (ignored or not).
    const QList<QSslError> &sslErrors() const { return m_sslErrors; }
    QSslSocket &socket() { return m_socket; }

private:
    void handleReadyRead();

    QSslSocket m_socket;
    QByteArray m_buffer;
    QList<QSslError> m_sslErrors;
    bool m_disconnected = false;
};
