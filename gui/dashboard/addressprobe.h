#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

class QTcpSocket;

namespace Balancier {

/// "Probe this address": opens one TCP connection to a host's address from
/// this computer, measures how long the connect takes, and closes it at
/// once. Nothing is sent. For a remote balancer the time is measured from
/// the desktop, not from the daemon (the admin API has no probe command).
///
/// Thread contract: GUI thread (any thread with an event loop); one probe
/// per object; finished() is emitted exactly once per start(), never
/// inside start().
class AddressProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddressProbe)

public:
    struct Result
    {
        QString address;
        bool ok = false;
        double milliseconds = 0;  ///< the connect time when ok
        QString error;  ///< why it failed
    };

    explicit AddressProbe(QObject *parent = nullptr);
    ~AddressProbe() override;

    /// Connects to `address` ("host:port", "[v6]:port"), giving up after `timeoutMs`.
    void start(const QString &address, int timeoutMs = 5000);
    /// The result, once finished() was emitted.
    const Result &result() const { return m_result; }

    /// One line for the user: "a (127.0.0.1:8001): connected in 0.4 ms".
    static QString describe(const QString &name, const Result &result);

Q_SIGNALS:
    void finished(const Balancier::AddressProbe::Result &result);

private:
    void finish(bool ok, const QString &error);

    QTcpSocket *m_socket = nullptr;  // child
    QTimer m_timeout;
    QElapsedTimer m_clock;
    Result m_result;
    bool m_done = false;
};

}  // namespace Balancier
