#include "localclient.h"

#include "config/appliedconfighistory.h"
#include "config/configdocument.h"
#include "config/configetag.h"
#include "config/configreader.h"
#include "engine.h"
#include "ops/operations.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QThread>

#include <type_traits>

namespace Balancier {

LocalClient::LocalClient(QString configPath, QObject *parent)
    : BalancerClient(parent)
    , m_configPath(std::move(configPath))
    , m_description(tr("Local balancer: %1").arg(QFileInfo(m_configPath).fileName()))
{ }

LocalClient::LocalClient(const Config &config, QString description, QObject *parent)
    : BalancerClient(parent)
    , m_config(config)
    , m_description(std::move(description))
{ }

LocalClient::~LocalClient()
{
    stop();
}

QString LocalClient::description() const
{
    return m_description;
}

void LocalClient::start()
{
    if (m_thread)
        return;
    setState(State::Connecting);
    Config config = m_config;
    if (!m_configPath.isEmpty()) {
        const LoadResult loaded = ConfigReader::readFile(m_configPath);
        if (!loaded.ok()) {
            QStringList lines;
            for (const Diagnostic &diagnostic : loaded.diagnostics) {
                if (diagnostic.severity == Diagnostic::Severity::Error)
                    lines.append(diagnostic.toString());
            }
            setState(State::Disconnected, tr("Cannot run %1:\n%2").arg(m_configPath, lines.join(u'\n')));
            return;
        }
        config = loaded.config;
    }
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("balancier-engine"));
    m_anchor = new QObject;
    m_anchor->moveToThread(m_thread);
    m_thread->start();
    const int rate = m_refreshRate;
    // Relative certificate files (<listen tls="terminate" cert>) are next to the config.
    const QString directory = m_configPath.isEmpty() ? QString() : QFileInfo(m_configPath).absolutePath();
    QMetaObject::invokeMethod(
        m_anchor,
        [this, config, rate, directory] {
            // The engine is born in its thread so that its timers, health
            // probes and listeners belong to that thread's event loop.
            m_engine = new Engine;
            m_engine->setConfigDirectory(directory);
            m_operations = new Operations(*m_engine);
            connect(m_engine, &Engine::statsUpdated, this, &LocalClient::deliverSnapshot);
            connect(m_engine, &Engine::hostStateChanged, this,
                [this](const QString &service, const QString &group, const QString &host,
                    const HostStateEvent &event) {
                    Q_EMIT hostStateChanged({service, group, host}, event);
                });
            connect(m_engine, &Engine::configApplied, this, &BalancerClient::configApplied);
            // An administrative state change (drain, maintenance, ready)
            // comes as Engine::hostStateChanged too, after configApplied.
            m_engine->setStatsRate(rate);
            const ClientReply reply = replyFrom(OpResult::from(m_engine->apply(config)));
            const StatsSnapshot first = m_engine->snapshot();
            QMetaObject::invokeMethod(
                this,
                [this, reply, first] {
                    handleStarted(reply);
                    if (reply.ok)
                        deliverSnapshot(first);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void LocalClient::handleStarted(const ClientReply &reply)
{
    if (!reply.ok) {
        stop();
        setState(State::Disconnected, tr("The balancer refused the config:\n%1").arg(reply.error));
        return;
    }
    setState(State::Connected);
    if (!reply.warnings.isEmpty())
        Q_EMIT errorOccurred(reply.warnings.join(u'\n'));
}

void LocalClient::stop()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(
        m_anchor,
        [this] {
            delete m_operations;
            m_operations = nullptr;
            delete m_engine;
            m_engine = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_anchor;
    m_anchor = nullptr;
    delete m_thread;
    m_thread = nullptr;
    setState(State::Disconnected);
}

void LocalClient::post(std::function<void(Engine &)> work)
{
    if (!m_anchor)
        return;
    QMetaObject::invokeMethod(
        m_anchor,
        [this, work = std::move(work)] {
            if (m_engine)
                work(*m_engine);
        },
        Qt::QueuedConnection);
}

ClientReply LocalClient::replyFrom(const OpResult &result)
{
    ClientReply reply;
    reply.ok = result.ok;
    reply.conflict = result.failure == OpResult::Failure::Conflict;
    reply.diagnostics = result.errors;
    reply.warnings = result.warnings;
    reply.changes = result.changes;
    if (!result.ok)
        reply.error = result.errorString();
    return reply;
}

namespace {

ClientReply notRunning()
{
    ClientReply reply;
    reply.error = LocalClient::tr("The local balancer is not running.");
    return reply;
}

QString noSuchHost(const HostRef &host)
{
    return LocalClient::tr("No host %1 in group %2 of service %3.").arg(host.host, host.group, host.service);
}

}  // namespace

void LocalClient::request(QObject *context, ReplyHandler handler, std::function<ClientReply(Engine &)> work)
{
    if (!m_anchor)
        return deliver(context, handler, notRunning());
    // The guard is made here, in the GUI thread, and read there again: the
    // engine thread never touches `context`, which may be gone by then.
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        m_anchor,
        [this, guard, handler = std::move(handler), work = std::move(work)] {
            const ClientReply reply = m_engine ? work(*m_engine) : notRunning();
            QMetaObject::invokeMethod(
                this,
                [guard, handler, reply] {
                    if (guard && handler)
                        handler(reply);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void LocalClient::requestAsync(QObject *context, ReplyHandler handler,
    std::function<void(Operations &, QObject *anchor, Finish finish)> work)
{
    if (!m_anchor)
        return deliver(context, handler, notRunning());
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        m_anchor,
        [this, guard, handler = std::move(handler), work = std::move(work)] {
            Finish finish = [this, guard, handler](const ClientReply &reply) {
                QMetaObject::invokeMethod(
                    this,
                    [guard, handler, reply] {
                        if (guard && handler)
                            handler(reply);
                    },
                    Qt::QueuedConnection);
            };
            if (!m_operations)
                return finish(notRunning());
            work(*m_operations, m_anchor, std::move(finish));
        },
        Qt::QueuedConnection);
}

void LocalClient::fetchConnections(const ConnectionFilter &filter, QObject *context, ReplyHandler handler)
{
    requestAsync(
        context, std::move(handler), [filter](Operations &operations, QObject *anchor, Finish finish) {
            // The operations answer a bad filter with an empty page: its error first, as the admin API does.
            if (const OpResult checked = Operations::checkConnectionFilter(filter); !checked.ok)
                return finish(replyFrom(checked));
            operations.listConnections(filter, anchor, [finish](const ConnectionPage &page) {
                ClientReply reply;
                reply.ok = true;
                reply.connections = page;
                finish(reply);
            });
        });
}

void LocalClient::closeConnection(quint64 id, QObject *context, ReplyHandler handler)
{
    requestAsync(context, std::move(handler), [id](Operations &operations, QObject *anchor, Finish finish) {
        operations.closeConnection(
            id, anchor, [finish](const OpResult &result) { finish(replyFrom(result)); });
    });
}

void LocalClient::fetchTalkers(const TalkerQuery &query, QObject *context, ReplyHandler handler)
{
    requestAsync(
        context, std::move(handler), [query](Operations &operations, QObject *anchor, Finish finish) {
            if (const OpResult checked = Operations::checkTalkerQuery(query); !checked.ok)
                return finish(replyFrom(checked));
            operations.talkers(query, anchor, [finish](const QList<Talker> &talkers) {
                ClientReply reply;
                reply.ok = true;
                reply.talkers = talkers;
                finish(reply);
            });
        });
}

void LocalClient::fetchRunningConfig(QObject *context, ReplyHandler handler)
{
    request(context, std::move(handler), [](Engine &engine) {
        ClientReply reply;
        reply.ok = true;
        reply.data = ConfigDocument::serialize(engine.runningConfig());
        reply.etag = ConfigEtag::of(engine.runningConfig());
        return reply;
    });
}

void LocalClient::fetchConfigHistory(QObject *context, ReplyHandler handler)
{
    request(context, std::move(handler), [](Engine &engine) {
        QJsonArray entries;
        for (const AppliedConfigEntry &entry : engine.history().entries())
            entries.append(entry.toJson(true));
        ClientReply reply;
        reply.ok = true;
        reply.data = QJsonDocument(entries).toJson(QJsonDocument::Compact);
        return reply;
    });
}

namespace {

/// Reads `xml` and replaces the running config with it (what PUT
/// /api/v1/config does), under the origin in force. With `ifMatch`, only
/// while the running config still has that ETag (the API's If-Match check,
/// in the engine thread, so nothing applies between check and replace).
ClientReply replaceWith(
    Engine &engine, const QByteArray &xml, const QString &source, bool dryRun, const QByteArray &ifMatch = {})
{
    ClientReply reply;
    const QByteArray runningEtag = ConfigEtag::of(engine.runningConfig());
    if (!ifMatch.isEmpty() && !ConfigEtag::matches(ifMatch, runningEtag)) {
        reply.conflict = true;
        reply.etag = runningEtag;
        reply.error = LocalClient::tr("The running config has changed since the draft was based on it.");
        return reply;
    }
    const LoadResult loaded = ConfigReader::readData(xml, source);
    if (!loaded.ok()) {
        reply.diagnostics = loaded.diagnostics;
        QStringList lines;
        for (const Diagnostic &diagnostic : loaded.diagnostics)
            lines.append(diagnostic.toString());
        reply.error = lines.join(u'\n');
        return reply;
    }
    Operations::ReplaceOptions options;
    options.dryRun = dryRun;
    // The desktop app does not host the admin API: the config is the user's own.
    options.keepFullAccessUser = false;
    options.source = source;
    const OpResult result = Operations(engine).replaceConfig(loaded.config, options);
    reply.ok = result.ok;
    reply.conflict = result.failure == OpResult::Failure::Conflict;
    reply.diagnostics = result.errors;
    reply.warnings = result.warnings;
    reply.changes = result.changes;
    if (!result.ok)
        reply.error = result.errorString();
    // A dry run names the config its changes were computed against.
    reply.etag = dryRun ? runningEtag : ConfigEtag::of(engine.runningConfig());
    return reply;
}

}  // namespace

void LocalClient::applyConfig(const QByteArray &xml, bool dryRun, QObject *context, ReplyHandler handler)
{
    request(context, std::move(handler), [xml, dryRun](Engine &engine) {
        ConfigOrigin origin;
        origin.kind = QStringLiteral("gui");
        const AppliedConfigHistory::OriginScope scope(engine.history(), origin);
        return replaceWith(engine, xml, tr("draft"), dryRun);
    });
}

void LocalClient::applyConfigIfMatch(
    const QByteArray &xml, const QByteArray &ifMatch, QObject *context, ReplyHandler handler)
{
    request(context, std::move(handler), [xml, ifMatch](Engine &engine) {
        ConfigOrigin origin;
        origin.kind = QStringLiteral("gui");
        const AppliedConfigHistory::OriginScope scope(engine.history(), origin);
        return replaceWith(engine, xml, tr("draft"), false, ifMatch);
    });
}

void LocalClient::rollbackConfig(qint64 version, QObject *context, ReplyHandler handler)
{
    request(context, std::move(handler), [version](Engine &engine) {
        const std::optional<AppliedConfigEntry> entry = engine.history().entry(version);
        if (!entry) {
            ClientReply reply;
            reply.error = tr("Version %1 is not in the config history.").arg(version);
            return reply;
        }
        ConfigOrigin origin = engine.history().origin();
        origin.kind = QStringLiteral("rollback");
        origin.rollbackOf = entry->version;
        const AppliedConfigHistory::OriginScope scope(engine.history(), origin);
        return replaceWith(engine, entry->xml, tr("config history version %1").arg(version), false);
    });
}

void LocalClient::drainHost(
    const HostRef &host, qint64 deadlineMs, DrainThen then, QObject *context, ReplyHandler handler)
{
    request(context, std::move(handler), [host, deadlineMs, then](Engine &engine) {
        return replyFrom(
            Operations(engine).drainHost(host.service, host.group, host.host, {deadlineMs, then}));
    });
}

void LocalClient::hostAction(
    const HostRef &host, HostAction action, int value, QObject *context, ReplyHandler handler)
{
    request(context, std::move(handler), [host, action, value](Engine &engine) {
        Operations operations(engine);
        switch (action) {
        case HostAction::Drain:
            return replyFrom(
                operations.setHostAdminState(host.service, host.group, host.host, HostAdminState::Drain));
        case HostAction::Maintenance:
            return replyFrom(operations.setHostAdminState(
                host.service, host.group, host.host, HostAdminState::Maintenance));
        case HostAction::Ready:
            return replyFrom(
                operations.setHostAdminState(host.service, host.group, host.host, HostAdminState::Ready));
        case HostAction::Retry: {
            ClientReply reply;
            QString why;
            reply.ok = engine.retryHost(host.service, host.group, host.host, &why);
            if (!reply.ok)
                reply.error = why.isEmpty() ? noSuchHost(host) : why;
            return reply;
        }
        case HostAction::Remove:
        case HostAction::RemoveForced:
            return replyFrom(operations.removeHost(
                host.service, host.group, host.host, action == HostAction::RemoveForced));
        case HostAction::SetWeight:
            return replyFrom(operations.setHostWeight(host.service, host.group, host.host, value));
        }
        return ClientReply{};
    });
}

void LocalClient::fetchHistory(const HostRef &host, QObject *context, ReplyHandler handler)
{
    request(context, std::move(handler), [host](Engine &engine) {
        ClientReply reply;
        if (const std::optional<HostView> runtime = engine.host(host.service, host.group, host.host)) {
            reply.ok = true;
            reply.history = runtime->history;
        } else {
            reply.error = noSuchHost(host);
        }
        return reply;
    });
}

void LocalClient::setRefreshRate(int hertz)
{
    m_refreshRate = qBound(2, hertz, 10);
    post([rate = m_refreshRate](Engine &engine) { engine.setStatsRate(rate); });
}

}  // namespace Balancier
