#pragma once

#include "client/balancerclient.h"
#include "client/connectionprofile.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>

class QLabel;
class QMenu;
class QSslCertificate;
class QTabWidget;

namespace Balancier {

class ConfigEditor;
class ConnectionBanner;
class ConnectionsPage;
class DashboardWidget;
class EngineLogCapture;
class EventLogModel;
class FleetModel;
class LogView;
class Preferences;
class TrayNotifier;

/// One connection's window: the dashboard, the open connections, the
/// config editor and the log as pages, a banner for connection trouble, a status bar with the totals,
/// and the menus, toolbar and shortcuts that reach every action. Several
/// can be open at once (File > New Window, see WindowManager), each with
/// its own connection, and the fleet overview lists them all.
///
/// It owns the BalancerClient and hands it to every page. A lost connection
/// is shown in the banner and the status bar; only actions the user takes
/// open dialogs.
///
/// Thread contract: GUI thread.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Page
    {
        Dashboard,
        Connections,
        Editor,
        Log,
    };

    explicit MainWindow(Preferences *preferences, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Runs a config file in this process.
    void connectLocal(const QString &configPath);
    /// Connects to a balancierd; `trustedCertificate` as remembered for the profile.
    void connectRemote(const QUrl &url, const QString &user, const QString &password,
        const QByteArray &trustedCertificate = {}, const QString &profileName = {});
    /// Uses an existing client (tests, the demo); takes ownership and starts it.
    void setClient(std::unique_ptr<BalancerClient> client);
    /// Connects with a profile, asking for the password of a remote one.
    void connectProfile(const ConnectionProfile &profile);
    void disconnectClient();

    /// Lists this window's connection in `fleet` (not owned; may be null).
    void setFleet(FleetModel *fleet);
    /// The app's tray icon (not owned; may be null): notifications and health.
    void setTray(TrayNotifier *tray);
    /// Where the engine's log comes from while a local balancer runs (not owned; may be null).
    void setEngineLog(EngineLogCapture *capture);

    BalancerClient *client() const { return m_client.get(); }
    EventLogModel *log() const { return m_log; }
    LogView *logView() const { return m_logView; }
    DashboardWidget *dashboard() const { return m_dashboard; }
    ConnectionsPage *connections() const { return m_connections; }
    ConfigEditor *editor() const { return m_editor; }
    ConnectionBanner *banner() const { return m_banner; }
    QLabel *totalsLabel() const { return m_totals; }
    void showPage(Page page);

public Q_SLOTS:
    void showConnectDialog();
    void showPreferences();

Q_SIGNALS:
    /// File > New Window.
    void newWindowRequested();
    /// View > Fleet Overview.
    void fleetRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void handleStateChanged(BalancerClient::State state);
    void handleSnapshot(const StatsSnapshot &snapshot);
    void handleCertificate(const QSslCertificate &certificate, const QStringList &errors);
    void updateTitle();
    void updateBanner();
    void updateRecentMenu();
    void showAbout();
    void logClientEvents();
    QString connectionName() const;

    Preferences *m_preferences;
    std::unique_ptr<BalancerClient> m_client;
    QString m_profileName;
    QTabWidget *m_tabs;
    DashboardWidget *m_dashboard;
    ConnectionsPage *m_connections;
    ConfigEditor *m_editor;
    EventLogModel *m_log;
    LogView *m_logView;
    FleetModel *m_fleet = nullptr;
    EngineLogCapture *m_engineLog = nullptr;
    ConnectionBanner *m_banner;
    QLabel *m_connection;
    QLabel *m_totals;
    TrayNotifier *m_tray = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_connectAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QTimer m_bannerTimer;  // counts down to the next reconnect attempt
};

}  // namespace Balancier
