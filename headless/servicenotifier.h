#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace Balancier {

/// Tells a service manager how the daemon is doing: systemd's notify
/// protocol (Type=notify), spoken directly, with no libsystemd. When
/// NOTIFY_SOCKET is set (a path, or '@' for the abstract namespace), each
/// message is one datagram to that AF_UNIX socket; without it every call
/// does nothing. Windows (servicenotifier_win.cpp): always off; the service
/// control manager is told through WindowsService instead.
///
/// Messages: ready() after the listeners and the admin API are up,
/// reloading() and ready() around a reload, stopping() when a drain
/// begins, status() for `systemctl status`, mainPid() when a hitless
/// upgrade hands the service to a new process.
///
/// Thread contract: main thread.
class ServiceNotifier final
{
    Q_DISABLE_COPY_MOVE(ServiceNotifier)

public:
    /// Reads NOTIFY_SOCKET. It stays in the environment: a new process
    /// started for an upgrade reports to the same service manager.
    ServiceNotifier();
    ~ServiceNotifier();

    bool enabled() const { return !m_address.isEmpty(); }

    /// READY=1 with a STATUS= line.
    void ready(const QString &status);
    /// RELOADING=1 with MONOTONIC_USEC= (systemd 253 and later want both).
    void reloading();
    void stopping(const QString &status);
    /// STATUS= alone; sent only when it differs from the last one.
    void status(const QString &status);
    /// MAINPID=: the service's main process is `pid` from now on.
    void mainPid(qint64 pid, const QString &status);

    /// Sends `message` ("KEY=value" lines) as it is; false when it could
    /// not be sent (logged once per kind of failure).
    bool send(const QByteArray &message);

private:
    QByteArray m_address;  // NOTIFY_SOCKET as given
    QString m_lastStatus;
    bool m_warned = false;
};

}  // namespace Balancier
