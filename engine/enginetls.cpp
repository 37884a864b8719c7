// TLS termination in the engine: the contexts of the terminating listeners,
// built on the control thread, published with the services' routes, and
// reloaded on an apply, a SIGHUP (which is an apply) and a file change.

#include "engineprivate.h"

#include "logcategories.h"

#include <QDir>
#include <QFileInfo>

namespace Balancier {

namespace {

constexpr int ExpiryWarningDays = 14;

QString describeProblem(const ListenerTlsConfig &options, const TlsServerContext::Problem &problem)
{
    if (problem.certificate >= 0)
        return QStringLiteral("<cert %1>: %2").arg(problem.attribute, problem.message);
    return QStringLiteral("%1: %2").arg(problem.attribute, problem.message).prepend(options.listener + u' ');
}

}  // namespace

void Engine::setConfigDirectory(const QString &directory)
{
    d->configDirectory = directory;
}

QString Engine::configDirectory() const
{
    return d->configDirectory;
}

void Engine::reloadCertificates()
{
    d->reloadTls("asked");
}

QList<Diagnostic> EnginePrivate::checkTls(const Config &config) const
{
    QList<Diagnostic> errors;
    for (const ServiceConfig &service : config.services) {
        const ServiceConfig *before = started ? running.service(service.name) : nullptr;
        for (const ListenerTlsConfig &options : service.listenerTls) {
            if (!options.terminate)
                continue;
            // Options that did not change were checked when they came; their
            // files are read again at the apply, where a broken one is a
            // warning and the certificate in force stays.
            const ListenerTlsConfig *old = before ? before->tlsOptions(options.listener) : nullptr;
            const auto it = services.constFind(service.name);
            if (old && *old == options && it != services.cend() && it->tlsListeners.contains(options.listener)
                && it->tlsListeners.value(options.listener).context) {
                continue;
            }
            TlsServerContext::Problem problem;
            QStringList warnings;
            if (TlsServerContext::build(options, configDirectory, &problem, &warnings))
                continue;
            Diagnostic error;
            SourcePos pos = options.pos;
            QString element
                = QStringLiteral("<listen ip=\"%1\" %2>").arg(options.listener, problem.attribute);
            if (problem.certificate >= 0 && problem.certificate < options.certificates.size()) {
                const TlsCertificateConfig &extra = options.certificates.at(problem.certificate);
                if (extra.pos.isValid())
                    pos = extra.pos;
                element = QStringLiteral("<cert sni=\"%1\" %2>").arg(extra.sni.join(u','), problem.attribute);
            }
            error.line = pos.line;
            error.column = pos.column;
            error.element = element;
            error.message = problem.message;
            errors.append(error);
        }
    }
    return errors;
}

QList<ListenerTlsRoute> EnginePrivate::refreshTls(ServiceState &state, const ServiceConfig &service)
{
    QHash<QString, ServiceState::TlsState> next;
    QList<ListenerTlsRoute> routes;
    for (const ListenerTlsConfig &options : service.listenerTls) {
        if (!options.terminate || next.contains(options.listener))
            continue;
        ServiceState::TlsState entry = state.tlsListeners.value(options.listener);
        const bool same = entry.context && entry.config == options;
        if (!same || TlsServerContext::digestFiles(options, configDirectory) != entry.context->digest()) {
            TlsServerContext::Problem problem;
            QStringList warnings;
            std::shared_ptr<TlsServerContext> built
                = TlsServerContext::build(options, configDirectory, &problem, &warnings);
            for (const QString &warning : std::as_const(warnings)) {
                qCWarning(lcConfig, "service %s: listener %s: %s", qUtf8Printable(service.name),
                    qUtf8Printable(options.listener), qUtf8Printable(warning));
            }
            if (built) {
                const TlsCertificateInfo &main = built->certificates().constFirst();
                if (entry.context) {
                    qCInfo(lcConfig,
                        "service %s: listener %s: certificates reloaded (%s, until %s); new handshakes use "
                        "them, open connections keep theirs",
                        qUtf8Printable(service.name), qUtf8Printable(options.listener),
                        qUtf8Printable(main.subject), qUtf8Printable(main.notAfter.toString(Qt::ISODate)));
                    Q_EMIT q->tlsCertificateEvent(service.name, options.listener, QStringLiteral("reloaded"),
                        QStringLiteral("%1, until %2")
                            .arg(main.subject, main.notAfter.toString(Qt::ISODate)));
                } else {
                    qCInfo(lcConfig, "service %s: listener %s: terminating TLS with %s (until %s)%s",
                        qUtf8Printable(service.name), qUtf8Printable(options.listener),
                        qUtf8Printable(main.subject), qUtf8Printable(main.notAfter.toString(Qt::ISODate)),
                        built->kernelTlsRequested() ? ", kernel TLS when the kernel allows it" : "");
                }
                entry.context = std::move(built);
                entry.config = options;
                entry.expiryReported = false;
            } else {
                const QString detail = describeProblem(options, problem);
                qCWarning(lcConfig, "service %s: listener %s: certificate reload failed: %s; %s",
                    qUtf8Printable(service.name), qUtf8Printable(options.listener),
                    qUtf8Printable(problem.message),
                    entry.context ? "the certificates in force stay"
                                  : "its clients are refused until it is fixed");
                Q_EMIT q->tlsCertificateEvent(
                    service.name, options.listener, QStringLiteral("reload-failed"), detail);
            }
        }
        if (entry.context && !entry.expiryReported) {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (const TlsCertificateInfo &certificate : entry.context->certificates()) {
                const qint64 days = certificate.daysLeft(now);
                if (certificate.notAfter.isValid() && days < ExpiryWarningDays) {
                    const QString detail
                        = QStringLiteral("\"%1\" expires %2 (%3 day(s) left)")
                              .arg(certificate.file, certificate.notAfter.toString(Qt::ISODate))
                              .arg(days);
                    qCWarning(lcConfig, "service %s: listener %s: certificate %s",
                        qUtf8Printable(service.name), qUtf8Printable(options.listener),
                        qUtf8Printable(detail));
                    Q_EMIT q->tlsCertificateEvent(
                        service.name, options.listener, QStringLiteral("expiring"), detail);
                    entry.expiryReported = true;
                    break;
                }
            }
        }
        ListenerTlsRoute route;
        route.listener = options.listener;
        route.context = entry.context;
        route.counters = entry.counters;
        route.handshakeTimeoutMs = options.handshakeTimeoutMs;
        if (entry.context)
            route.certificates = entry.context->certificates();
        routes.append(route);
        next.insert(options.listener, entry);
    }
    state.tlsListeners = next;
    return routes;
}

void EnginePrivate::reloadTls(const char *why)
{
    qCDebug(lcConfig, "certificates: reading again (%s)", why);
    for (const ServiceConfig &serviceConfig : std::as_const(running.services)) {
        const auto it = services.find(serviceConfig.name);
        if (it == services.end() || (serviceConfig.listenerTls.isEmpty() && it->tlsListeners.isEmpty()))
            continue;
        const QList<ListenerTlsRoute> tls = refreshTls(*it, serviceConfig);
        const std::shared_ptr<const ServiceRoute> current = it->slot->load();
        if (!current || current->tlsListeners == tls)
            continue;
        auto route = std::make_shared<ServiceRoute>(*current);
        route->tlsListeners = tls;
        it->slot->store(std::move(route));
    }
    watchTlsFiles();
}

void EnginePrivate::watchTlsFiles()
{
    QStringList files;
    for (const ServiceConfig &serviceConfig : std::as_const(running.services)) {
        for (const ListenerTlsConfig &options : serviceConfig.listenerTls) {
            if (!options.terminate)
                continue;
            for (const QString &file : options.files()) {
                const QString path = TlsServerContext::resolve(file, configDirectory);
                files.append(QFileInfo(path).absoluteFilePath());
            }
        }
    }
    if (files.isEmpty() && !tlsWatcher)
        return;
    if (!tlsWatcher) {
        tlsWatcher = new QFileSystemWatcher(q);
        tlsReloadTimer.setSingleShot(true);
        tlsReloadTimer.setInterval(200);
        QObject::connect(&tlsReloadTimer, &QTimer::timeout, q, [this] { reloadTls("a file changed"); });
        // A file replaced by a rename loses its watch: the directory's
        // event, and the pass through here after the reload, bring it back.
        QObject::connect(tlsWatcher, &QFileSystemWatcher::fileChanged, q, [this] { tlsReloadTimer.start(); });
        QObject::connect(
            tlsWatcher, &QFileSystemWatcher::directoryChanged, q, [this] { tlsReloadTimer.start(); });
    }
    QStringList directories;
    for (const QString &file : std::as_const(files)) {
        const QString directory = QFileInfo(file).absolutePath();
        if (!directories.contains(directory))
            directories.append(directory);
    }
    QStringList unwanted;
    for (const QString &watched : tlsWatcher->files() + tlsWatcher->directories()) {
        if (!files.contains(watched) && !directories.contains(watched))
            unwanted.append(watched);
    }
    if (!unwanted.isEmpty())
        tlsWatcher->removePaths(unwanted);
    QStringList wanted;
    for (const QString &path : std::as_const(files) + directories) {
        if (!tlsWatcher->files().contains(path) && !tlsWatcher->directories().contains(path)
            && QFileInfo::exists(path) && !wanted.contains(path))
            wanted.append(path);
    }
    if (!wanted.isEmpty())
        tlsWatcher->addPaths(wanted);
}

}  // namespace Balancier
