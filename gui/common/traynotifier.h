#pragma once

#include "client/balancerclient.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>

class QMenu;
class QSystemTrayIcon;

namespace Balancier {

/// The tray icon: its colour is the overall health (of one balancer, or of
/// the whole fleet), and a desktop notification says when a host goes down
/// or comes back, and when every host of a group is down. Changes that
/// arrive together become one notification, not a burst.
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

    /// Enabled groups with at least one host, every one of them down ("service/group").
    static QStringList groupsAllDown(const StatsSnapshot &snapshot);

    void updateHealth(const StatsSnapshot &snapshot, bool connected);
    /// The icon for a known severity (e.g. the worst of a fleet); 3: a
    /// connection of several is lost; `connected` false: none is open.
    void setHealth(int severity, bool connected);
    void handleHostStateChanged(const HostRef &host, const HostStateEvent &event);
    /// The same for one of several balancers; `source` names it in the message.
    void handleSourceHostStateChanged(
        const QString &source, const HostRef &host, const HostStateEvent &event);
    /// Watches `source`'s groups: one notification when all of a group's hosts are down.
    void handleSnapshot(const QString &source, const StatsSnapshot &snapshot);
    /// Forgets a source that went away.
    void forgetSource(const QString &source);

Q_SIGNALS:
    void activated();
    /// A notification was shown (or would have been, with notifications off: not emitted then).
    void notified(const QString &title, const QString &message);

private:
    void flush();
    void notify(const QString &title, const QString &message, bool warning);

    QSystemTrayIcon *m_tray;  // child
    bool m_enabled = true;
    int m_level = -1;  // as last shown
    bool m_connected = false;
    QStringList m_down;
    QStringList m_back;
    QStringList m_groupsDown;  // "source: service/group", newly all down
    QStringList m_groupsBack;
    QHash<QString, QStringList> m_allDown;  // per source, as last seen
    QTimer m_batch;
};

}  // namespace Balancier
