#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QSslServer>
#include <QString>
#include <QTimer>

namespace Balancier {

/// The admin API's TLS listener: a QSslServer that logs failed handshakes.
///
/// QSslServer drops a client whose first byte is not a TLS handshake (plain
/// HTTP to an https port) without any signal, and reports other failures
/// only as signals. Both become one warning per failed client on
/// balancier.admin, rate limited: at most one line per interval, and a
/// summary line with the count of those left out.
///
/// Thread contract: lives in the engine's control thread, like AdminServer.
class AdminTlsServer final : public QSslServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminTlsServer)

public:
    static constexpr int DefaultLogIntervalMs = 10000;

    explicit AdminTlsServer(QObject *parent = nullptr);
    ~AdminTlsServer() override;

    /// At most one line per `intervalMs`; tests shorten it.
    void setLogInterval(int intervalMs);
    /// Failed handshakes so far, logged or not.
    quint64 failedHandshakes() const { return m_failed; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void handleSocketDestroyed(QObject *socket);
    void logFailure(const QString &peer, const QString &reason);
    void handleSummaryTimeout();

    /// A client whose handshake has not finished.
    struct Pending
    {
        QString peer;
        QString reason;  ///< the first error; empty: none reported
        bool started = false;  ///< it sent what looked like a TLS hello
        bool probe = false;  ///< connected and closed without a byte
    };
    QHash<const QObject *, Pending> m_pending;

    int m_logIntervalMs = DefaultLogIntervalMs;
    QElapsedTimer m_lastLogged;
    QTimer m_summaryTimer;
    quint64 m_failed = 0;
    int m_suppressed = 0;
    QString m_lastSuppressed;
};

}  // namespace Balancier
