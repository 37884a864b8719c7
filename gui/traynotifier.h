#pragma once

#include "balancerclient.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

class QMenu;
class QSystemTrayIcon;

namespace Balancier {

/// The tray icon: its colour is the balancer's overall health, and a
/// desktop notification says when a host goes down or comes back. Changes
/// that arrive together become one notification, not a burst.
///
/// Exists only where a system tray is available (the caller checks
/// QSystemTrayIcon::isSystemTrayAvailable()).
///
/// Thread contract: GUI thread.
class TrayNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)

public:
    explicit TrayNotifier(QMenu *menu, QObject *parent = nullptr);
    ~TrayNotifier() override;

    void setNotificationsEnabled(bool enabled) { m_enabled = enabled; }
    /// 0 all up, 1 some hosts down, 2 a service without a host up, or no connection.
    static int severity(const StatsSnapshot &snapshot);

    void updateHealth(const StatsSnapshot &snapshot, bool connected);
    void handleHostStateChanged(const HostRef &host, const HostStateEvent &event);

Q_SIGNALS:
    void activated();

private:
    void flush();

    QSystemTrayIcon *m_tray;  // child
    bool m_enabled = true;
    QStringList m_down;
    QStringList m_back;
    QTimer m_batch;
};

}  // namespace Balancier
