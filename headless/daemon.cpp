#include "daemon.h"

#include "admin/adminserver.h"

#include "config/address.h"
#include "config/appliedconfighistory.h"
#include "config/configlimits.h"
#include "config/configpersistence.h"
#include "config/configreader.h"
#include "configlocator.h"
#include "demo.h"
#include "logcategories.h"
#include "logging.h"
#include "ops/operations.h"
#include "platform/socketops.h"
#include "signalhandler.h"
#include "socketactivation.h"
#include "upgradedonor.h"
#include "upgradeheir.h"

#include <QFile>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <limits>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

// How often the service manager's STATUS= line is refreshed (sent only when it changed).
constexpr int StatusIntervalMs = 2000;

// Below this many descriptors a busy balancer runs out (two per connection).
constexpr qint64 ComfortableFileLimit = 4096;

QString dialectName(ConfigDialect dialect)
{
    switch (dialect) {
    case ConfigDialect::Native:
        return u"native"_s;
    case ConfigDialect::PythonDirector:
        return u"pythondirector"_s;
    case ConfigDialect::TxLoadBalancer:
        return u"txLoadBalancer"_s;
    }
    return {};
}

void logDiagnostic(const Diagnostic &diagnostic)
{
    if (diagnostic.severity == Diagnostic::Severity::Note)
        qCInfo(lcConfig, "%s", qUtf8Printable(diagnostic.toString()));
    else
        qCWarning(lcConfig, "%s", qUtf8Printable(diagnostic.toString()));
}

}  // namespace

Daemon::Daemon(DaemonOptions options, Logging &logging, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_logging(logging)
{ }

Daemon::~Daemon() = default;

bool Daemon::fail(const QString &message)
{
    m_logging.status(message);
    if (m_heir) {
        // The old process goes on and writes its pid again.
        m_pidFile.forget();
        m_heir->fail(message);
    }
    m_exitCode = 1;
    return false;
}

bool Daemon::start()
{
    const qint64 fileLimit = SocketOps::raiseFileLimit();
    if (fileLimit < 0) {
        qCWarning(lcNet, "cannot read the open-files limit (RLIMIT_NOFILE)");
    } else if (fileLimit < ComfortableFileLimit) {
        qCWarning(lcNet, "the open-files limit is %lld: at most about %lld connections at a time",
            static_cast<long long>(fileLimit), static_cast<long long>(fileLimit / 2));
    } else if (fileLimit < std::numeric_limits<qint64>::max()) {
        qCDebug(lcNet, "open-files limit: %lld", static_cast<long long>(fileLimit));
    }

    // The file as it is now: an upgrade starts whatever the package
    // manager has put at this path since.
    m_program = QCoreApplication::applicationFilePath();
    m_arguments = QCoreApplication::arguments().mid(1);
    QString heirError;
    m_heir = UpgradeHeir::fromEnvironment(&heirError);
    if (!heirError.isEmpty())
        return fail(u"balancierd: "_s + heirError);

    // --log-file applies before the config is read, so that a service, which
    // has no terminal, logs the errors of a config it refuses.
    if (!m_options.logFile.isEmpty()) {
        QString error;
        if (!m_logging.setFile(m_options.logFile, &error))
            return fail(u"balancierd: "_s + error);
    }

    if (m_options.mode == DaemonOptions::Mode::Run) {
        m_configPath = m_options.configFile;
        if (m_configPath.isEmpty()) {
            m_configPath = ConfigLocator::find();
            if (m_configPath.isEmpty()) {
                m_logging.status(u"no config found (looked for %1); running the built-in demo"_s.arg(
                    ConfigLocator::searchPath().join(u", "_s)));
            }
        }
    }

    Config config;
    if (m_configPath.isEmpty()) {
        if (!startDemo(&config))
            return false;
    } else {
        m_configPath = QFileInfo(m_configPath).absoluteFilePath();
        // Relative certificate files (<listen tls="terminate" cert>) are next to the config.
        m_engine.setConfigDirectory(QFileInfo(m_configPath).absolutePath());
        const std::optional<Config> read = readConfigFile(true);
        if (!read) {
            m_exitCode = 1;
            return false;
        }
        config = *read;
        m_fileConfig = config;
    }

    QString error;
    if (!configureLogging(config.logging, &error))
        return fail(u"balancierd: "_s + error);

    if (m_heir && !inheritListeners())
        return false;
    if (!m_heir) {
        QStringList lines;
        m_engine.adoptListenSockets(SocketActivation::take(config, &lines));
        for (const QString &line : std::as_const(lines))
            m_logging.status(line);
    }

    // The config history lives beside the config file and survives
    // restarts; the first apply is recorded as "startup" (with the changes
    // since the last version recorded, when the file was edited meanwhile).
    if (!m_configPath.isEmpty()) {
        m_engine.history().setLimit(config.settings.history);
        QString historyError;
        const QString directory = AppliedConfigHistory::storageDirectoryFor(m_configPath);
        if (!m_engine.history().setStorage(directory, &historyError))
            qCWarning(
                lcConfig, "config history: %s; it is kept in memory only", qUtf8Printable(historyError));
    }
    ConfigOrigin startupOrigin;
    startupOrigin.kind = u"startup"_s;
    const AppliedConfigHistory::OriginScope startupScope(m_engine.history(), startupOrigin);

    // The first config goes through the operations layer like every later
    // one (the admin API is not up yet, so there is no listener to move).
    Operations::ReplaceOptions options;
    options.keepFullAccessUser = false;
    options.source = m_configPath;
    m_applyingFromFile = true;
    const OpResult result = Operations(m_engine).replaceConfig(config, options);
    m_applyingFromFile = false;
    if (!result.ok) {
        for (const Diagnostic &diagnostic : result.errors)
            m_logging.status(diagnostic.toString());
        return fail(u"refusing to start: the config has errors"_s);
    }
    for (const QString &warning : result.warnings)
        qCWarning(lcConfig, "%s", qUtf8Printable(warning));

    // A service that does not listen where its config says serves nobody
    // there, and a supervisor would never hear of it: refuse, unless the
    // listener is marked optional="yes". (The demo explains its own ports.)
    if (!m_demo) {
        qsizetype unbound = 0;
        for (const BoundListener &listener : m_engine.listeners()) {
            if (!listener.bound.isEmpty())
                continue;
            const ServiceConfig *service = config.service(listener.service);
            if (service && service->optionalListeners.contains(listener.configured))
                continue;
            ++unbound;
            m_logging.status(u"balancierd: service %1: %2"_s.arg(listener.service, listener.error));
        }
        if (unbound > 0) {
            return fail(
                u"refusing to start: %1: %2 listener(s) cannot be bound (free the address, change "
                "<listen ip>, or mark the listener optional=\"yes\" to start without it)"_s.arg(m_configPath)
                    .arg(unbound));
        }
    }

    // Upgrading: the old process gives up the admin API's port when asked,
    // and binds it again if this process fails.
    if (m_heir && config.admin.enabled && !m_heir->takeAdmin(&error))
        return fail(u"balancierd: upgrade: "_s + error);
    if (!updateAdmin(config.admin, &error)) {
        // Running without the API the config asks for would leave the
        // operator unable to drain or save: refuse, like any config error.
        if (m_demo) {
            error += u". Choose another port with --demo-admin-port PORT (0 lets the system choose)."_s;
        } else {
            error = u"refusing to start: %1: %2 (choose another <admin listen>, or remove <admin> to run "
                    "without the admin API)"_s.arg(m_configPath, error);
        }
        return fail(u"balancierd: "_s + error);
    }

    connect(&m_engine, &Engine::configApplied, this, &Daemon::handleConfigApplied);
    connect(&m_engine, &Engine::stopped, this, &Daemon::handleStopped);
    connect(&m_engine, &Engine::listenerFailed, this,
        [](const QString &service, const QString &address, const QString &reason) {
            qCWarning(lcNet, "service %s: listener %s failed: %s", qUtf8Printable(service),
                qUtf8Printable(address), qUtf8Printable(reason));
        });

    reportListeners();

    if (m_demo) {
        const QList<BoundListener> listeners = m_engine.listeners();
        if (listeners.isEmpty() || listeners.constFirst().bound.isEmpty()) {
            return fail(
                m_demo->frontPortError(listeners.isEmpty() ? QString() : listeners.constFirst().error));
        }
        for (const QString &line :
            m_demo->instructions(listeners.constFirst().port, m_admin ? m_admin->url() : QString()))
            m_logging.status(line);
    }

    // Upgrading, the pid file names this process only once the old one has
    // stopped accepting: `balancierd --upgrade` reports success when it does.
    // Whether it can be written is checked before, while this process may
    // still give up.
    if (m_heir) {
        if (!m_options.pidFile.isEmpty() && !PidFile::canWrite(m_options.pidFile, &error))
            return fail(u"balancierd: "_s + error);
        if (!completeUpgrade(&error))
            return fail(u"balancierd: upgrade: "_s + error);
        if (!m_options.pidFile.isEmpty() && !m_pidFile.write(m_options.pidFile, &error)) {
            // Too late to give up: the old process stopped accepting. Serve on.
            qCCritical(lcNet, "balancierd: %s; this process (pid %lld) serves anyway", qUtf8Printable(error),
                static_cast<long long>(QCoreApplication::applicationPid()));
        }
    } else if (!m_options.pidFile.isEmpty() && !m_pidFile.write(m_options.pidFile, &error)) {
        return fail(u"balancierd: "_s + error);
    }

    m_logging.status(u"started: balancierd %1, pid %2"_s.arg(QStringLiteral(BALANCIER_VERSION))
                         .arg(QCoreApplication::applicationPid()));
    m_notifier.ready(statusText());
    if (m_notifier.enabled()) {
        m_statusTimer.setInterval(StatusIntervalMs);
        connect(&m_statusTimer, &QTimer::timeout, this, [this] { m_notifier.status(statusText()); });
        m_statusTimer.start();
    }
    return true;
}

bool Daemon::inheritListeners()
{
    QList<ListenerSockets> inherited;
    QString error;
    if (!m_heir->receiveListeners(&inherited, &error))
        return fail(u"balancierd: upgrade: "_s + error);
    qsizetype sockets = 0;
    for (const ListenerSockets &listener : std::as_const(inherited))
        sockets += listener.sockets.size();
    m_logging.status(u"upgrade: took over %1 listener(s) (%2 socket(s)) from pid %3"_s.arg(inherited.size())
                         .arg(sockets)
                         .arg(m_heir->predecessorPid()));
    m_engine.adoptListenSockets(inherited);
    return true;
}

bool Daemon::completeUpgrade(QString *error)
{
    // The old process stops accepting and hands over the main pid only
    // now, with this one accepting and its admin API up.
    if (!m_heir->takeOver(error))
        return false;
    m_logging.status(
        u"upgrade: pid %1 stopped accepting and drains; this process serves"_s.arg(m_heir->predecessorPid()));
    m_heir.reset();
    return true;
}

QString Daemon::statusText() const
{
    const StatsSnapshot snapshot = m_engine.snapshot();
    qsizetype hosts = 0;
    qsizetype up = 0;
    for (const ServiceStats &service : snapshot.services) {
        for (const GroupStats &group : service.groups) {
            for (const HostStats &host : group.hosts) {
                ++hosts;
                up += host.state == u"up" ? 1 : 0;
            }
        }
    }
    return u"%1 open connection(s), %2 of %3 host(s) up"_s.arg(snapshot.activeConnections).arg(up).arg(hosts);
}

bool Daemon::startDemo(Config *config)
{
    m_demo = std::make_unique<Demo>(m_options.demoPort, m_options.demoBackendPort, m_options.demoAdminPort);
    QString error;
    if (!m_demo->start(&error))
        return fail(error);
    *config = m_demo->config();
    m_logging.status(u"using config: the built-in demo"_s);
    return true;
}

std::optional<Config> Daemon::readConfigFile(bool startup)
{
    const LoadResult result = ConfigReader::readFile(m_configPath);
    if (!result.ok()) {
        for (const Diagnostic &diagnostic : result.diagnostics) {
            if (startup)
                m_logging.status(diagnostic.toString());
            else
                logDiagnostic(diagnostic);
        }
        qsizetype errors = 0;
        for (const Diagnostic &diagnostic : result.diagnostics)
            errors += diagnostic.severity == Diagnostic::Severity::Error ? 1 : 0;
        if (startup) {
            m_logging.status(u"refusing to start: %1 has %2 error(s)"_s.arg(m_configPath).arg(errors));
        } else {
            qCWarning(lcConfig, "reload refused: %s has %lld error(s); the running config stays",
                qUtf8Printable(m_configPath), static_cast<long long>(errors));
        }
        return std::nullopt;
    }
    QFile file(m_configPath);
    if (file.open(QIODevice::ReadOnly))
        m_loadedBytes = file.read(ConfigLimits::maxFileBytes);
    if (startup) {
        QString line = u"using config: "_s + m_configPath;
        if (result.dialect != ConfigDialect::Native) {
            line += u" (%1 format; 'balancierd --import' converts it)"_s.arg(dialectName(result.dialect));
        }
        m_logging.status(line);
    }
    for (const Diagnostic &diagnostic : result.diagnostics)
        logDiagnostic(diagnostic);
    for (const Diagnostic &entry : result.importReport)
        logDiagnostic(entry);
    return result.config;
}

bool Daemon::configureLogging(const LoggingConfig &config, QString *error)
{
    const QString levelName = m_options.logLevel.isEmpty() ? config.level : m_options.logLevel;
    m_logging.setLevel(Logging::levelFromName(levelName).value_or(Logging::Level::Info));

    QString file = m_options.logFile;
    if (file.isEmpty() && !config.file.isEmpty()) {
        // A relative <logging file> belongs next to its config, not in
        // whatever directory the service manager started us in.
        file = m_configPath.isEmpty() ? config.file
                                      : QFileInfo(m_configPath).absoluteDir().absoluteFilePath(config.file);
    }
    if (file == m_logging.file())
        return true;
    return m_logging.setFile(file, error);
}

bool Daemon::updateAdmin(const AdminConfig &config, QString *error)
{
    // Users are read from the running config on every request: a change of
    // users alone needs no restart (which would cut open event streams).
    AdminConfig listening = config;
    listening.users.clear();
    if (listening == m_adminConfig && (m_admin || !config.enabled))
        return true;
    if (!config.enabled) {
        if (m_admin)
            m_logging.status(u"admin API: off (the config has no <admin>)"_s);
        m_admin.reset();
        m_adminConfig = listening;
        return true;
    }

    if (m_admin) {
        // Moved in place, never replaced: the server binds the new address
        // before it gives up the old one (and keeps it when that fails), and
        // it may be the very server answering the PUT that asked for this.
        if (!m_admin->start(config, error))
            return false;
    } else {
        auto next = std::make_unique<AdminServer>(m_engine, this);
        if (!next->start(config, error))
            return false;
        m_admin = std::move(next);
    }
    m_adminConfig = listening;
    m_logging.status(u"admin API: "_s + m_admin->url());
    return true;
}

void Daemon::reportListeners()
{
    QSet<QString> current;
    for (const BoundListener &listener : m_engine.listeners()) {
        const QString key = listener.service + u'\n' + listener.configured + u'\n' + listener.bound;
        current.insert(key);
        if (m_reportedListeners.contains(key))
            continue;
        if (listener.bound.isEmpty()) {
            m_logging.status(
                u"not listening: %1 %2: %3"_s.arg(listener.service, listener.configured, listener.error));
        } else {
            m_logging.status(u"listening: %1 %2"_s.arg(listener.service, listener.bound));
        }
    }
    m_reportedListeners = current;
}

void Daemon::reload()
{
    if (m_stopping)
        return;
    m_notifier.reloading();
    reloadConfig();
    m_notifier.ready(statusText());
}

void Daemon::reloadConfig()
{
    QString error;
    if (!m_logging.reopen(&error))
        qCWarning(lcConfig, "%s", qUtf8Printable(error));
    if (m_configPath.isEmpty()) {
        qCInfo(lcConfig, "reload: running the built-in demo; there is no file to reload");
        return;
    }
    qCInfo(lcConfig, "reload: reading %s", qUtf8Printable(m_configPath));
    const QByteArray loadedBefore = m_loadedBytes;
    const std::optional<Config> fromFile = readConfigFile(false);
    if (!fromFile)
        return;

    const Config running = m_engine.runningConfig();
    Config next = *fromFile;
    if (running.settings.persist == PersistMode::Manual && running != m_fileConfig) {
        qCInfo(lcConfig,
            "reload: runtime changes that were not saved (persist=\"manual\") give way to the file, "
            "except the hosts' admin states");
    }
    for (const QString &line : ConfigPersistence::carryRuntimeAdminStates(m_fileConfig, running, &next))
        qCInfo(lcConfig, "reload: %s", qUtf8Printable(line));

    // Operations::replaceConfig() moves <admin> first, as for PUT
    // /api/v1/config: a move the admin server refuses (address in use,
    // plain HTTP on a public address) refuses the whole reload, so that the
    // running config, /running.xml and a later save keep the <admin> that
    // is really in force; a refused apply moves it back. The logging follows
    // the admin move and comes before the apply, so that the changes are
    // logged where the new config says. The file is authoritative: it may
    // leave no user with full access.
    Operations operations(m_engine);
    bool moving = true;
    bool moveFailed = false;
    QString moveError;
    operations.setAdminMover(
        [this, &moving, &moveFailed, &moveError, &next](const AdminConfig &admin, QString *why) {
            if (!moving)
                return updateAdmin(admin, why);
            moving = false;
            if (!updateAdmin(admin, &moveError)) {
                moveFailed = true;
                *why = moveError;
                return false;
            }
            QString loggingError;
            if (!configureLogging(next.logging, &loggingError))
                qCWarning(lcConfig, "reload: %s; logging stays as it was", qUtf8Printable(loggingError));
            return true;
        });
    Operations::ReplaceOptions options;
    options.keepFullAccessUser = false;
    ConfigOrigin reloadOrigin;
    reloadOrigin.kind = u"sighup"_s;
    const AppliedConfigHistory::OriginScope reloadScope(m_engine.history(), reloadOrigin);
    m_applyingFromFile = true;
    const OpResult result = operations.replaceConfig(next, options);
    m_applyingFromFile = false;
    if (moveFailed) {
        m_loadedBytes = loadedBefore;
        const QString where
            = m_admin ? QString(u"the admin API stays on "_s + m_admin->url()) : u"the admin API is off"_s;
        qCCritical(lcAdmin, "reload refused: %s:%d:%d: %s; nothing was changed, %s",
            qUtf8Printable(m_configPath), next.admin.pos.line, next.admin.pos.column,
            qUtf8Printable(moveError), qUtf8Printable(where));
        return;
    }
    if (!result.ok) {
        m_loadedBytes = loadedBefore;
        for (const Diagnostic &diagnostic : result.errors)
            logDiagnostic(diagnostic);
        for (const QString &warning : result.warnings)
            qCCritical(lcAdmin, "reload: %s", qUtf8Printable(warning));
        qCWarning(lcConfig, "reload refused; the running config stays");
        return;
    }
    m_fileConfig = *fromFile;
    for (const QString &warning : result.warnings)
        qCWarning(lcConfig, "reload: %s", qUtf8Printable(warning));
    reportListeners();
    qCInfo(lcConfig, "reload: done, %lld change(s)", static_cast<long long>(result.changes.size()));
}

void Daemon::handleConfigApplied(const QList<ConfigChange> &changes)
{
    for (const ConfigChange &change : changes)
        qCInfo(lcConfig, "%s", qUtf8Printable(change.description()));
    // The file's own content needs no saving; neither does the demo.
    if (m_applyingFromFile || m_configPath.isEmpty() || m_stopping || changes.isEmpty())
        return;
    const Config running = m_engine.runningConfig();
    if (running.settings.persist != PersistMode::Auto || running == m_fileConfig)
        return;
    QString error;
    if (!saveRunningConfig(&error))
        qCWarning(lcConfig, "cannot save the running config: %s", qUtf8Printable(error));
}

bool Daemon::saveRunningConfig(QString *error)
{
    if (m_configPath.isEmpty()) {
        if (error)
            *error = u"there is no config file to save to: the daemon runs the built-in demo"_s;
        return false;
    }
    const Config running = m_engine.runningConfig();
    if (running == m_fileConfig) {
        // Already saved (persist="auto" saves within the apply that made the
        // change, before the admin API's own save): a second write would only
        // add a backup identical to the file. Unless the file was edited
        // since, which an explicit save then overwrites, as asked.
        QFile file(m_configPath);
        if (file.open(QIODevice::ReadOnly) && file.read(ConfigLimits::maxFileBytes) == m_loadedBytes) {
            qCDebug(lcConfig, "%s already holds the running config; nothing to save",
                qUtf8Printable(m_configPath));
            return true;
        }
    }
    QString note;
    if (!ConfigPersistence::save(m_configPath, running, error, &note))
        return false;
    if (!note.isEmpty())
        qCWarning(lcConfig, "%s", qUtf8Printable(note));
    m_fileConfig = running;
    // /config.xml shows the file as it is now, not as it was at start-up.
    QFile file(m_configPath);
    if (file.open(QIODevice::ReadOnly))
        m_loadedBytes = file.read(ConfigLimits::maxFileBytes);
    qCInfo(lcConfig, "saved the running config to %s", qUtf8Printable(m_configPath));
    return true;
}

void Daemon::terminate(int signalNumber)
{
    const QString name = SignalHandler::signalName(signalNumber);
    if (m_stopping) {
        qCWarning(lcNet, "%s again: stopping at once; %lld open connection(s) cut", qUtf8Printable(name),
            static_cast<long long>(m_engine.activeConnections()));
        finish(128 + signalNumber);
        return;
    }
    m_stopping = true;
    const qint64 drainMs = m_engine.runningConfig().settings.drainTimeoutMs;
    m_statusTimer.stop();
    m_notifier.stopping(u"stopping: draining %1 open connection(s)"_s.arg(m_engine.activeConnections()));
    qCInfo(lcNet, "%s: stopping; open connections may finish within %lld ms (%s again stops at once)",
        qUtf8Printable(name), static_cast<long long>(drainMs), qUtf8Printable(name));
    // Every port is given up at once, the admin API's too, so that a new
    // process (a restart, an upgrade) can start while the connections of
    // this one drain. The engine closes its listeners in shutdown().
    if (m_admin)
        m_admin->stopListening();
    m_engine.shutdown(drainMs);
}

void Daemon::handleStopped(int cutConnections)
{
    if (cutConnections > 0)
        qCWarning(lcNet, "stopped: %d connection(s) cut at the drain timeout", cutConnections);
    else
        qCInfo(lcNet, "stopped: every connection finished");
    finish(0);
}

void Daemon::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_exitCode = exitCode;
    if (m_handedOver)
        m_pidFile.forget();  // it names the successor now
    else
        m_pidFile.remove();
    Q_EMIT finished(exitCode);
}

void Daemon::upgrade()
{
    if (m_stopping) {
        qCWarning(lcNet, "upgrade: ignored; this process is stopping");
        return;
    }
    if (m_donor) {
        qCWarning(lcNet, "upgrade: ignored; pid %lld is already taking over",
            static_cast<long long>(m_donor->successorPid()));
        return;
    }
    m_donor = std::make_unique<UpgradeDonor>();
    connect(m_donor.get(), &UpgradeDonor::adminReleaseRequested, this, &Daemon::handleAdminReleaseRequested);
    connect(m_donor.get(), &UpgradeDonor::takenOver, this, &Daemon::handleTakenOver);
    connect(m_donor.get(), &UpgradeDonor::failed, this, &Daemon::handleUpgradeFailed);
    const QList<ListenerSockets> listeners = m_engine.listenSockets();
    QString error;
    if (!m_donor->start(m_program, m_arguments, listeners, &error)) {
        qCCritical(lcNet, "upgrade failed: %s; this process goes on serving", qUtf8Printable(error));
        m_donor.reset();
        return;
    }
    qCInfo(lcNet, "upgrade: started %s as pid %lld and handed it %lld listener(s)", qUtf8Printable(m_program),
        static_cast<long long>(m_donor->successorPid()), static_cast<long long>(listeners.size()));
}

void Daemon::handleAdminReleaseRequested()
{
    if (m_admin && m_admin->isListening()) {
        qCInfo(lcAdmin, "upgrade: the admin API stops listening on %s for pid %lld",
            qUtf8Printable(m_admin->url()), static_cast<long long>(m_donor->successorPid()));
        m_admin->stopListening();
        m_adminReleased = true;
    }
    m_donor->confirmAdminReleased();
}

void Daemon::handleTakenOver(qint64 pid)
{
    m_handedOver = true;
    m_adminReleased = false;
    m_stopping = true;
    m_statusTimer.stop();
    if (m_admin)
        m_admin->stopListening();  // also when the successor runs without the admin API
    const qint64 drainMs = m_engine.runningConfig().settings.drainTimeoutMs;
    const qint64 open = m_engine.activeConnections();
    // The service manager follows the successor before this one stops
    // accepting: it must never see the service without a main process.
    m_notifier.mainPid(pid, u"upgraded: pid %1 serves; draining %2 open connection(s)"_s.arg(pid).arg(open));
    qCInfo(lcNet,
        "upgrade: pid %lld took over; stopped accepting, %lld open connection(s) may finish within %lld ms",
        static_cast<long long>(pid), static_cast<long long>(open), static_cast<long long>(drainMs));
    m_engine.shutdown(drainMs);
    m_donor->confirmHandedOver();
}

void Daemon::handleUpgradeFailed(const QString &reason)
{
    qCCritical(lcNet, "upgrade failed: %s; this process goes on serving", qUtf8Printable(reason));
    if (m_adminReleased && m_admin) {
        QString error;
        if (m_admin->start(m_engine.runningConfig().admin, &error))
            qCInfo(lcAdmin, "admin API: listening again on %s", qUtf8Printable(m_admin->url()));
        else
            qCCritical(lcAdmin, "admin API: cannot listen again: %s", qUtf8Printable(error));
    }
    m_adminReleased = false;
    QString error;
    if (!m_options.pidFile.isEmpty() && !m_pidFile.write(m_options.pidFile, &error))
        qCCritical(lcNet, "upgrade: %s", qUtf8Printable(error));
    m_donor.release()->deleteLater();  // it is emitting this signal
}

}  // namespace Balancier
