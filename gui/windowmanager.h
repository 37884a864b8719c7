#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QMenu;

namespace Balancier {

class EngineLogCapture;
class FleetModel;
class FleetWindow;
class MainWindow;
class Preferences;
class TrayNotifier;

/// The app's windows: one MainWindow per connection (File > New Window
/// opens another), the fleet overview that lists them all with their
/// health, and the one tray icon that watches the whole fleet.
///
/// Owns the fleet model, the tray and the engine log capture, which every
/// window shares; owns the windows too (each is deleted when closed, and
/// the rest with the manager).
///
/// Thread contract: GUI thread.
class WindowManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowManager)

public:
    /// `preferences` must outlive the manager.
    explicit WindowManager(Preferences *preferences, QObject *parent = nullptr);
    ~WindowManager() override;

    /// A new, empty connection window (not shown yet).
    MainWindow *createWindow();
    /// The open windows, oldest first.
    QList<MainWindow *> windows() const;
    FleetModel *fleet() const { return m_fleet; }
    TrayNotifier *tray() const { return m_tray; }
    /// Shows the fleet overview (creating it the first time).
    FleetWindow *showFleet();

private:
    void updateTray();
    void showSomeWindow();

    Preferences *m_preferences;
    FleetModel *m_fleet;
    EngineLogCapture *m_engineLog;
    TrayNotifier *m_tray = nullptr;
    QMenu *m_trayMenu = nullptr;  // owned: a menu has no QObject parent here
    QPointer<FleetWindow> m_fleetWindow;
    QList<QPointer<MainWindow>> m_windows;
};

}  // namespace Balancier
