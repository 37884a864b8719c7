#include "windowmanager.h"

#include "common/preferences.h"
#include "common/traynotifier.h"
#include "editor/configdraft.h"
#include "editor/configeditor.h"
#include "fleet/fleetmodel.h"
#include "fleet/fleetwindow.h"
#include "log/enginelogcapture.h"
#include "mainwindow.h"

#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>

namespace Balancier {

WindowManager::WindowManager(Preferences *preferences, QObject *parent)
    : QObject(parent)
    , m_preferences(preferences)
    , m_fleet(new FleetModel(this))
    , m_engineLog(new EngineLogCapture(this))
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_trayMenu = new QMenu;
        m_trayMenu->addAction(tr("Show Balancier"), this, &WindowManager::showSomeWindow);
        m_trayMenu->addAction(tr("Fleet Overview"), this, &WindowManager::showFleet);
        m_trayMenu->addSeparator();
        // Closing every window asks about unsaved edits; quitting follows the last one.
        m_trayMenu->addAction(tr("Quit"), qApp, &QApplication::closeAllWindows);
        m_tray = new TrayNotifier(m_trayMenu, this);
        m_tray->setNotificationsEnabled(m_preferences->notificationsEnabled());
        connect(m_tray, &TrayNotifier::activated, this, &WindowManager::showSomeWindow);
        connect(m_fleet, &FleetModel::healthChanged, this, &WindowManager::updateTray);
        connect(m_fleet, &FleetModel::snapshotReceived, m_tray, &TrayNotifier::handleSnapshot);
        connect(m_fleet, &FleetModel::hostStateChanged, this,
            [this](const QString &source, const HostRef &host, const HostStateEvent &event) {
                // Name the balancer only when there is more than one.
                m_tray->handleSourceHostStateChanged(
                    m_fleet->rowCount() > 1 ? source : QString(), host, event);
            });
        updateTray();
    }
}

WindowManager::~WindowManager()
{
    // Windows hold pointers to the fleet, the tray and the capture: they go first.
    // A copy: each deletion shrinks m_windows through its destroyed() handler.
    const QList<QPointer<MainWindow>> windows = m_windows;
    for (const QPointer<MainWindow> &window : windows)
        delete window.data();
    delete m_fleetWindow.data();
    if (m_tray)
        m_tray->disconnect(this);
    m_fleet->disconnect(this);
    delete m_tray;
    m_tray = nullptr;
    delete m_trayMenu;
}

MainWindow *WindowManager::createWindow()
{
    auto *window = new MainWindow(m_preferences);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setFleet(m_fleet);
    window->setTray(m_tray);
    window->setEngineLog(m_engineLog);
    connect(window, &MainWindow::newWindowRequested, this, [this] { createWindow()->show(); });
    connect(window, &MainWindow::fleetRequested, this, &WindowManager::showFleet);
    m_windows.append(window);
    connect(window, &QObject::destroyed, this,
        [this] { m_windows.removeIf([](const QPointer<MainWindow> &pointer) { return pointer.isNull(); }); });
    // A second window opens beside the first, not on top of it.
    if (m_windows.size() > 1 && m_windows.at(m_windows.size() - 2))
        window->move(m_windows.at(m_windows.size() - 2)->pos() + QPoint(40, 40));
    return window;
}

QList<MainWindow *> WindowManager::windows() const
{
    QList<MainWindow *> list;
    for (const QPointer<MainWindow> &window : m_windows) {
        if (window)
            list.append(window.data());
    }
    return list;
}

FleetWindow *WindowManager::showFleet()
{
    if (!m_fleetWindow) {
        m_fleetWindow = new FleetWindow(m_fleet);
        m_fleetWindow->setAttribute(Qt::WA_DeleteOnClose);
        m_fleetWindow->setPreferences(m_preferences);
        // The fleet's draft: the editor's text in the chosen connection's window.
        m_fleetWindow->setDraftSource([](QWidget *window) {
            const auto *main = qobject_cast<MainWindow *>(window);
            return main ? main->editor()->draft()->text() : QByteArray();
        });
        connect(m_fleetWindow, &FleetWindow::newWindowRequested, this, [this] { createWindow()->show(); });
    }
    m_fleetWindow->show();
    m_fleetWindow->raise();
    m_fleetWindow->activateWindow();
    return m_fleetWindow;
}

void WindowManager::updateTray()
{
    if (!m_tray)
        return;
    const int worst = m_fleet->worstSeverity();
    m_tray->setHealth(worst, worst >= 0);
}

void WindowManager::showSomeWindow()
{
    const QList<MainWindow *> list = windows();
    QWidget *window = list.isEmpty() ? static_cast<QWidget *>(createWindow()) : list.constLast();
    window->showNormal();
    window->raise();
    window->activateWindow();
}

}  // namespace Balancier
