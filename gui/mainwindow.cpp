#include "mainwindow.h"

#include "client/connectdialog.h"
#include "client/connectionbanner.h"
#include "client/localclient.h"
#include "client/remoteclient.h"
#include "common/displayformat.h"
#include "common/preferences.h"
#include "common/preferencesdialog.h"
#include "common/statestyle.h"
#include "common/traynotifier.h"
#include "connections/connectionspage.h"
#include "dashboard/dashboardmodel.h"
#include "dashboard/dashboardwidget.h"
#include "editor/changetext.h"
#include "editor/configdraft.h"
#include "editor/configeditor.h"
#include "fleet/fleetmodel.h"
#include "log/enginelogcapture.h"
#include "log/eventlogmodel.h"
#include "log/logview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSslCertificate>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Balancier {

MainWindow::MainWindow(Preferences *preferences, QWidget *parent)
    : QMainWindow(parent)
    , m_preferences(preferences)
    , m_tabs(new QTabWidget(this))
    , m_dashboard(new DashboardWidget(this))
    , m_connections(new ConnectionsPage(this))
    , m_editor(new ConfigEditor(this))
    , m_log(new EventLogModel(this))
    , m_logView(new LogView(m_log, this))
    , m_banner(new ConnectionBanner(this))
    , m_connection(new QLabel(this))
    , m_totals(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowIcon(StateStyle::appIcon());
    m_tabs->addTab(m_dashboard, tr("&Dashboard"));
    m_tabs->addTab(m_connections, tr("Co&nnections"));
    m_tabs->addTab(m_editor, tr("&Configuration"));
    m_tabs->addTab(m_logView, tr("&Log"));
    m_tabs->setDocumentMode(true);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    m_connection->setAccessibleName(tr("Connection"));
    m_totals->setAccessibleName(tr("Totals"));
    m_totals->setObjectName(u"totalsLabel"_s);
    statusBar()->addPermanentWidget(m_totals);
    statusBar()->addPermanentWidget(m_connection);

    createActions();
    connect(m_dashboard, &DashboardWidget::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_editor, &ConfigEditor::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    connect(m_connections, &ConnectionsPage::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, 8000); });
    // "Block Prefix" edited the draft: the editor shows the pending change, to be applied from there.
    m_connections->setDraft(m_editor->draft());
    m_connections->setRefreshRate(m_preferences->refreshRate());
    connect(m_editor, &ConfigEditor::documentStateChanged, this, &MainWindow::updateTitle);
    connect(m_editor, &ConfigEditor::fileUsed, this, [this](const QString &path) {
        m_preferences->addRecentFile(path);
        updateRecentMenu();
    });
    connect(m_banner, &ConnectionBanner::actionTriggered, this, [this] {
        auto *remote = qobject_cast<RemoteClient *>(m_client.get());
        if (remote && m_client->state() == BalancerClient::State::Reconnecting)
            remote->retryNow();
        else if (m_client && m_client->state() == BalancerClient::State::Disconnected)
            m_client->start();
        else
            showConnectDialog();
    });
    m_bannerTimer.setInterval(1000);
    connect(&m_bannerTimer, &QTimer::timeout, this, &MainWindow::updateBanner);

    connect(m_dashboard, &DashboardWidget::logMessage, this, [this](const QString &message, bool failed) {
        m_log->append(
            failed ? EventLogModel::Level::Warning : EventLogModel::Level::Info, tr("probe"), message);
    });

    restoreGeometry(m_preferences->windowGeometry());
    restoreState(m_preferences->windowState());
    m_dashboard->restoreState(m_preferences->dashboardHeader());
    if (m_preferences->windowGeometry().isEmpty())
        resize(1200, 720);
    handleStateChanged(BalancerClient::State::Disconnected);
    updateTitle();
}

MainWindow::~MainWindow()
{
    // Children outlive this class's part of the object: no more calls in here.
    for (QObject *child : std::initializer_list<QObject *>{m_editor, m_dashboard, m_connections, m_banner})
        child->disconnect(this);
    if (m_engineLog)
        m_engineLog->disconnect(this);
    if (m_fleet && m_client)
        m_fleet->removeClient(m_client.get());
    // The pages hold the client without owning it: let go of it first.
    m_dashboard->setClient(nullptr);
    m_connections->setClient(nullptr);
    m_editor->setClient(nullptr);
    if (m_client)
        m_client->disconnect(this);
    m_client.reset();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_connectAction = file->addAction(tr("&Connect…"), this, &MainWindow::showConnectDialog);
    m_connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_connectAction->setStatusTip(tr("Connect to a balancer, or run a config in this app"));
    m_disconnectAction = file->addAction(tr("&Disconnect"), this, &MainWindow::disconnectClient);
    QAction *newWindow = file->addAction(tr("New &Window"), this, &MainWindow::newWindowRequested);
    newWindow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    newWindow->setStatusTip(tr("Open another window for another connection"));
    file->addSeparator();
    file->addAction(m_editor->newAction());
    file->addAction(m_editor->openAction());
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(m_editor->saveAction());
    file->addAction(m_editor->saveAsAction());
    file->addSeparator();
    QAction *closeWindow = file->addAction(tr("Clos&e Window"), this, &QWidget::close);
    closeWindow->setShortcut(QKeySequence::Close);
    // Quit closes every window, each asking about its unsaved edits.
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_editor->undoAction());
    edit->addAction(m_editor->redoAction());
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *dashboard = view->addAction(tr("&Dashboard"), this, [this] { showPage(Page::Dashboard); });
    dashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction *connectionsPage
        = view->addAction(tr("Co&nnections"), this, [this] { showPage(Page::Connections); });
    connectionsPage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
    connectionsPage->setStatusTip(
        tr("The open connections, why each went to its backend, and the top talkers"));
    QAction *editor = view->addAction(tr("&Configuration"), this, [this] { showPage(Page::Editor); });
    editor->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction *logPage = view->addAction(tr("&Log"), this, [this] { showPage(Page::Log); });
    logPage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    QAction *fleet = view->addAction(tr("Flee&t Overview"), this, &MainWindow::fleetRequested);
    fleet->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    fleet->setStatusTip(tr("Every open connection side by side, with its health"));
    view->addSeparator();
    QAction *find = view->addAction(tr("&Filter Hosts"), this, [this] {
        showPage(Page::Dashboard);
        m_dashboard->focusFilter();
    });
    find->setShortcut(QKeySequence::Find);

    QMenu *host = menuBar()->addMenu(tr("Ho&st"));
    host->addActions(m_dashboard->hostActions());

    QMenu *config = menuBar()->addMenu(tr("Confi&g"));
    config->addActions(m_editor->itemActions());
    config->addSeparator();
    config->addAction(m_editor->applyAction());
    config->addAction(m_editor->revertAction());
    config->addAction(m_editor->historyAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Balancier"), this, &MainWindow::showAbout)->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolBar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_connectAction);
    toolbar->addSeparator();
    toolbar->addActions(m_dashboard->hostActions());
    toolbar->addSeparator();
    toolbar->addAction(m_editor->applyAction());
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_preferences->recentFiles();
    for (const QString &path : files) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            showPage(Page::Editor);
            m_editor->openFileInteractive(path);
        });
        action->setStatusTip(path);
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [this] {
            m_preferences->clearRecentFiles();
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::showPage(Page page)
{
    switch (page) {
    case Page::Dashboard:
        m_tabs->setCurrentWidget(m_dashboard);
        break;
    case Page::Connections:
        m_tabs->setCurrentWidget(m_connections);
        break;
    case Page::Editor:
        m_tabs->setCurrentWidget(m_editor);
        break;
    case Page::Log:
        m_tabs->setCurrentWidget(m_logView);
        break;
    }
}

void MainWindow::setFleet(FleetModel *fleet)
{
    if (m_fleet && m_client)
        m_fleet->removeClient(m_client.get());
    m_fleet = fleet;
    if (m_fleet && m_client)
        m_fleet->addClient(m_client.get(), this, m_profileName);
}

void MainWindow::setTray(TrayNotifier *tray)
{
    m_tray = tray;
    if (m_tray && m_client && !m_fleet)
        connect(
            m_client.get(), &BalancerClient::hostStateChanged, m_tray, &TrayNotifier::handleHostStateChanged);
}

void MainWindow::setEngineLog(EngineLogCapture *capture)
{
    if (m_engineLog)
        m_engineLog->disconnect(this);
    m_engineLog = capture;
    if (!capture)
        return;
    connect(capture, &EngineLogCapture::messageLogged, this,
        [this](EventLogModel::Level level, const QString &category, const QString &message) {
            // Only a balancer that runs in this process writes this log.
            if (m_client && m_client->isLocal())
                m_log->append(level, category, message);
        });
}

QString MainWindow::connectionName() const
{
    if (!m_client)
        return {};
    return m_profileName.isEmpty() ? m_client->description() : m_profileName;
}

void MainWindow::logClientEvents()
{
    BalancerClient *client = m_client.get();
    const QString connection = tr("connection");
    connect(
        client, &BalancerClient::stateChanged, this, [this, client, connection](BalancerClient::State state) {
            const bool trouble = state == BalancerClient::State::Reconnecting
                || state == BalancerClient::State::Disconnected;
            m_log->append(trouble ? EventLogModel::Level::Warning : EventLogModel::Level::Info, connection,
                tr("%1: %2").arg(BalancerClient::stateName(state), client->description()));
        });
    connect(client, &BalancerClient::errorOccurred, this, [this, connection](const QString &message) {
        m_log->append(EventLogModel::Level::Error, connection, message);
    });
    connect(client, &BalancerClient::hostStateChanged, this,
        [this](const HostRef &host, const HostStateEvent &event) {
            const QString text
                = tr("host %1/%2/%3: %4")
                      .arg(host.service, host.group, host.host, StateStyle::displayName(event.state));
            m_log->append(
                event.state == "down"_L1 ? EventLogModel::Level::Warning : EventLogModel::Level::Info,
                tr("host"),
                event.reason.isEmpty() ? text : tr("%1 (%2)").arg(text, ChangeText::describeReason(event)),
                event.when);
        });
    // The balancer's own log, for a remote one; a local one is heard through setEngineLog().
    connect(client, &BalancerClient::logLineReceived, this,
        [this](EventLogModel::Level level, const QString &category, const QString &message,
            const QDateTime &when) {
            m_log->append(level, category.isEmpty() ? tr("daemon") : category, message, when);
        });
    connect(client, &BalancerClient::configApplied, this, [this](const QList<ConfigChange> &changes) {
        QStringList lines;
        for (const ConfigChange &change : changes)
            lines.append(ChangeText::describe(change));
        if (!lines.isEmpty())
            m_log->append(EventLogModel::Level::Info, tr("config"),
                tr("%n change(s) applied: ", nullptr, int(lines.size())) + lines.join(u"; "_s));
    });
}

void MainWindow::setClient(std::unique_ptr<BalancerClient> client)
{
    disconnectClient();
    m_client = std::move(client);
    if (!m_client)
        return;
    connect(m_client.get(), &BalancerClient::stateChanged, this, &MainWindow::handleStateChanged);
    connect(m_client.get(), &BalancerClient::snapshotReceived, this, &MainWindow::handleSnapshot);
    connect(m_client.get(), &BalancerClient::errorOccurred, this,
        [this](const QString &message) { statusBar()->showMessage(message.section(u'\n', 0, 0), 10000); });
    // With a fleet the app's one tray hears every window's hosts through it.
    if (m_tray && !m_fleet) {
        connect(
            m_client.get(), &BalancerClient::hostStateChanged, m_tray, &TrayNotifier::handleHostStateChanged);
    }
    logClientEvents();
    if (auto *remote = qobject_cast<RemoteClient *>(m_client.get()))
        // Queued: the prompt must not run inside the TLS handshake's own signal.
        connect(remote, &RemoteClient::certificateUntrusted, this, &MainWindow::handleCertificate,
            Qt::QueuedConnection);
    m_client->setRefreshRate(m_preferences->refreshRate());
    m_dashboard->setClient(m_client.get());
    m_connections->setClient(m_client.get());
    m_editor->setClient(m_client.get());
    if (m_fleet)
        m_fleet->addClient(m_client.get(), this, m_profileName);
    m_client->start();
    updateTitle();
}

void MainWindow::connectLocal(const QString &configPath)
{
    m_profileName.clear();
    setClient(std::make_unique<LocalClient>(configPath));
}

void MainWindow::connectRemote(const QUrl &url, const QString &user, const QString &password,
    const QByteArray &trustedCertificate, const QString &profileName)
{
    auto client = std::make_unique<RemoteClient>(url, user, password);
    client->setTrustedCertificate(trustedCertificate);
    m_profileName = profileName;
    setClient(std::move(client));
}

void MainWindow::connectProfile(const ConnectionProfile &profile)
{
    if (profile.kind == ConnectionProfile::Kind::Local) {
        connectLocal(profile.configPath);
        m_profileName = profile.name;
        if (m_fleet && m_client)
            m_fleet->setName(m_client.get(), m_profileName);
        updateTitle();
        return;
    }
    bool ok = false;
    const QString password = QInputDialog::getText(this, tr("Password"),
        tr("Password of %1 at %2:").arg(profile.user, profile.url), QLineEdit::Password, {}, &ok);
    if (!ok)
        return;
    connectRemote(
        QUrl::fromUserInput(profile.url), profile.user, password, profile.trustedCertificate, profile.name);
}

void MainWindow::disconnectClient()
{
    if (!m_client)
        return;
    m_dashboard->setClient(nullptr);
    m_connections->setClient(nullptr);
    m_editor->setClient(nullptr);
    if (m_fleet)
        m_fleet->removeClient(m_client.get());
    m_client->disconnect(this);
    m_client->stop();
    m_client.reset();
    handleStateChanged(BalancerClient::State::Disconnected);
    updateTitle();
}

void MainWindow::showConnectDialog()
{
    ConnectDialog dialog(m_preferences, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ConnectionProfile profile = dialog.profile();
    m_preferences->saveProfile(profile);
    connectProfile(profile);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_preferences, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_client)
        m_client->setRefreshRate(m_preferences->refreshRate());
    m_connections->setRefreshRate(m_preferences->refreshRate());
    if (m_tray)
        m_tray->setNotificationsEnabled(m_preferences->notificationsEnabled());
}

void MainWindow::handleCertificate(const QSslCertificate &certificate, const QStringList &errors)
{
    auto *remote = qobject_cast<RemoteClient *>(m_client.get());
    if (!remote)
        return;
    const QByteArray digest = RemoteClient::certificateDigest(certificate);
    QString fingerprint;
    for (qsizetype i = 0; i < digest.size(); i += 2)
        fingerprint
            += QString::fromLatin1(digest.mid(i, 2)).toUpper() + (i + 2 < digest.size() ? u":"_s : QString());
    QMessageBox box(QMessageBox::Warning, tr("Untrusted Certificate"),
        tr("The balancer's certificate is not trusted:\n%1\n\nSubject: %2\nIssuer: %3\nSHA-256: %4\n\n"
           "Trust this certificate for this connection profile? Only do so if you recognise the fingerprint.")
            .arg(errors.join(u'\n'), certificate.subjectDisplayName(), certificate.issuerDisplayName(),
                fingerprint),
        QMessageBox::NoButton, this);
    QPushButton *trust = box.addButton(tr("&Trust"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != trust)
        return;
    remote->setTrustedCertificate(digest);
    if (!m_profileName.isEmpty()) {
        for (ConnectionProfile profile : m_preferences->profiles()) {
            if (profile.name == m_profileName) {
                profile.trustedCertificate = digest;
                m_preferences->saveProfile(profile);
            }
        }
    }
    remote->start();
}

void MainWindow::handleStateChanged(BalancerClient::State state)
{
    const bool connected = state == BalancerClient::State::Connected;
    m_disconnectAction->setEnabled(m_client != nullptr);
    m_connection->setText(m_client
            ? tr("%1: %2").arg(BalancerClient::stateName(state), m_client->description())
            : tr("Not connected"));
    if (!connected)
        m_totals->clear();
    if (m_tray && !m_fleet)
        m_tray->updateHealth(m_client ? m_client->snapshot() : StatsSnapshot(), connected);
    updateBanner();
}

void MainWindow::updateBanner()
{
    if (!m_client) {
        m_bannerTimer.stop();
        m_banner->showMessage(ConnectionBanner::Level::Information,
            tr("Not connected. Connect to a running balancierd, or run a config file in this app."),
            tr("Connect…"));
        return;
    }
    switch (m_client->state()) {
    case BalancerClient::State::Connected:
        m_bannerTimer.stop();
        m_banner->hide();
        break;
    case BalancerClient::State::Connecting:
        m_banner->showMessage(
            ConnectionBanner::Level::Information, tr("Connecting to %1…").arg(m_client->description()));
        break;
    case BalancerClient::State::Reconnecting: {
        auto *remote = qobject_cast<RemoteClient *>(m_client.get());
        m_banner->showMessage(ConnectionBanner::Level::Warning,
            tr("%1 Trying again with growing pauses (next within %2 s).")
                .arg(m_client->lastError())
                .arg(remote ? qMax(1, remote->nextRetryMs() / 2000) : 1),
            tr("Retry &Now"));
        if (!m_bannerTimer.isActive())
            m_bannerTimer.start();
        break;
    }
    case BalancerClient::State::Disconnected:
        m_bannerTimer.stop();
        m_banner->showMessage(ConnectionBanner::Level::Error,
            m_client->lastError().isEmpty() ? tr("Disconnected.") : m_client->lastError(), tr("&Reconnect"));
        break;
    }
}

void MainWindow::handleSnapshot(const StatsSnapshot &snapshot)
{
    int hosts = 0;
    int up = 0;
    double in = 0;
    double out = 0;
    for (const ServiceStats &service : snapshot.services) {
        in += service.bytesInRate;
        out += service.bytesOutRate;
        for (const GroupStats &group : service.groups) {
            for (const HostStats &host : group.hosts) {
                ++hosts;
                if (host.state == "up"_L1)
                    ++up;
            }
        }
    }
    const QString rateIn = DisplayFormat::rate(in);
    const QString rateOut = DisplayFormat::rate(out);
    m_totals->setText(tr("%n service(s)", nullptr, int(snapshot.services.size())) + u" · "_s
        + tr("%1 of %n host(s) up", nullptr, hosts).arg(up) + u" · "_s
        + tr("%n open connection(s)", nullptr, int(snapshot.activeConnections)) + u" · "_s
        + tr("in %1, out %2")
              .arg(rateIn.isEmpty() ? tr("idle") : rateIn, rateOut.isEmpty() ? tr("idle") : rateOut));
    if (m_tray && !m_fleet)
        m_tray->updateHealth(snapshot, true);
}

void MainWindow::updateTitle()
{
    const QString document = m_editor->draft()->displayName();
    const QString target = m_client ? connectionName() : tr("not connected");
    setWindowTitle(tr("%1[*] — %2 — Balancier").arg(document, target));
    setWindowModified(m_editor->draft()->isModified());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Balancier"),
        tr("<h3>Balancier %1</h3><p>A TCP load balancer with a live admin API and this desktop console.</p>")
            .arg(QStringLiteral(BALANCIER_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_editor->maybeSave()) {
        event->ignore();
        return;
    }
    QByteArray header;
    m_dashboard->saveState(&header);
    m_preferences->setWindowLayout(saveGeometry(), saveState(), header);
    m_preferences->sync();
    event->accept();
}

}  // namespace Balancier
