#include "admin/events/eventhub.h"

#include "admin/http/httpconnection.h"
#include "admin/resources/resourcehelpers.h"
#include "config/configchangejson.h"
#include "engine.h"
#include "loghub.h"
#include "stats/statsjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace Balancier {

using AdminResources::compact;

EventHub::EventHub(Engine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    m_clock.start();
    // Event ids carry this process's mark, so that a client resuming with an
    // id from before a restart is told to reload instead of trusting a replay.
    m_eventEpoch = QByteArray::number(QRandomGenerator::system()->generate(), 16);
    connect(&m_engine, &Engine::statsUpdated, this, &EventHub::handleStats);
    connect(&m_engine, &Engine::hostStateChanged, this,
        [this](const QString &service, const QString &group, const QString &hostName,
            const HostStateEvent &event) {
            QJsonObject object;
            object.insert(QStringLiteral("service"), service);
            object.insert(QStringLiteral("group"), group);
            object.insert(QStringLiteral("host"), hostName);
            object.insert(QStringLiteral("state"), event.state);
            object.insert(QStringLiteral("reason"), event.reason);
            object.insert(QStringLiteral("reasonCode"), event.reasonCode);
            object.insert(QStringLiteral("reasonParams"), QJsonObject::fromVariantMap(event.reasonParams));
            object.insert(QStringLiteral("when"), event.when.toString(Qt::ISODateWithMs));
            broadcast("host", compact(object), true);
        });
    // What a host's agent answered when it changed something.
    connect(&m_engine, &Engine::agentChanged, this,
        [this](const QString &service, const QString &group, const QString &hostName,
            const HostAgentView &agent) {
            QJsonObject object;
            object.insert(QStringLiteral("service"), service);
            object.insert(QStringLiteral("group"), group);
            object.insert(QStringLiteral("host"), hostName);
            object.insert(QStringLiteral("answer"), agent.lastAnswer);
            object.insert(QStringLiteral("changed"), QJsonArray::fromStringList(agent.changed));
            object.insert(QStringLiteral("weightPercent"), agent.weightPercent);
            object.insert(QStringLiteral("when"),
                (agent.changedAt.isValid() ? agent.changedAt : QDateTime::currentDateTimeUtc())
                    .toString(Qt::ISODateWithMs));
            broadcast("agent", compact(object), true);
        });
    // Aggregated by the engine: at most one a second per service.
    connect(&m_engine, &Engine::connectionsRefused, this,
        [this](const QString &service, const QVariantMap &counts, qint64 sinceMs) {
            QJsonObject object;
            object.insert(QStringLiteral("service"), service);
            object.insert(QStringLiteral("counts"), QJsonObject::fromVariantMap(counts));
            object.insert(QStringLiteral("sinceMs"), sinceMs);
            broadcast("refused", compact(object), false);
        });
    // Issue 16: a guided drain's progress (at most once a second per host)
    // and its end; backups taking over or giving way.
    connect(&m_engine, &Engine::hostDrainProgress, this,
        [this](const QString &service, const QString &group, const QString &hostName,
            const QVariantMap &progress) {
            QJsonObject object = QJsonObject::fromVariantMap(progress);
            object.insert(QStringLiteral("service"), service);
            object.insert(QStringLiteral("group"), group);
            object.insert(QStringLiteral("host"), hostName);
            const qint64 open = progress.value(QStringLiteral("open")).toLongLong();
            const qint64 remainingMs = progress.value(QStringLiteral("remainingMs")).toLongLong();
            QString text = progress.value(QStringLiteral("phase")).toString() == u"done"
                ? QStringLiteral("drain of %1 done (%2)")
                      .arg(hostName, progress.value(QStringLiteral("outcome")).toString())
                : remainingMs >= 0
                ? QStringLiteral("%1 open, %2 min left").arg(open).arg((remainingMs + 59999) / 60000)
                : QStringLiteral("%1 open").arg(open);
            object.insert(QStringLiteral("text"), text);
            broadcast(
                "drain", compact(object), progress.value(QStringLiteral("phase")).toString() == u"done");
        });
    connect(&m_engine, &Engine::backupStateChanged, this,
        [this](const QString &service, const QString &group, bool active, int cut) {
            QJsonObject object;
            object.insert(QStringLiteral("service"), service);
            object.insert(QStringLiteral("group"), group);
            object.insert(QStringLiteral("active"), active);
            object.insert(QStringLiteral("cut"), cut);
            broadcast("backup", compact(object), true);
        });
    // DNS discovery: a set changed, or a lookup failed or recovered.
    connect(&m_engine, &Engine::discoveryChanged, this,
        [this](const QString &service, const QString &group, const QVariantMap &details) {
            QJsonObject object = QJsonObject::fromVariantMap(details);
            object.insert(QStringLiteral("service"), service);
            object.insert(QStringLiteral("group"), group);
            object.insert(
                QStringLiteral("when"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
            broadcast("discovery", compact(object), true);
        });
    // A terminating listener's certificates: reloaded, a reload refused, or near expiry.
    connect(&m_engine, &Engine::tlsCertificateEvent, this,
        [this](const QString &service, const QString &listener, const QString &kind, const QString &detail) {
            QJsonObject object;
            object.insert(QStringLiteral("service"), service);
            object.insert(QStringLiteral("listener"), listener);
            object.insert(QStringLiteral("kind"), kind);
            object.insert(QStringLiteral("detail"), detail);
            broadcast("tls", compact(object), true);
        });
    connect(&m_engine, &Engine::configApplied, this, [this](const QList<ConfigChange> &changes) {
        QJsonObject object;
        object.insert(QStringLiteral("changes"), configChangesToJson(changes));
        broadcast("config", compact(object), true);
        // An administrative state change comes as Engine::hostStateChanged, after this.
    });
}

EventHub::~EventHub() = default;

void EventHub::setLogHub(LogHub *hub)
{
    if (m_logHub)
        m_logHub->disconnect(this);
    m_logHub = hub;
    if (!hub)
        return;
    // Only new lines are streamed. Reading also rearms the tap's signal,
    // which lines logged before any reader existed have left waiting.
    hub->linesAfter(hub->lastSequence(), &m_logSequence);
    // Queued: lines are appended in whichever thread logs.
    connect(hub, &LogHub::linesAdded, this, &EventHub::handleLogLines, Qt::QueuedConnection);
}

LogHub *EventHub::logHub() const
{
    return m_logHub;
}

void EventHub::openStream(HttpConnection *connection, int rateHz, const QByteArray &lastEventId)
{
    // Last-Event-ID is "<epoch>-<number>" as we issued it.
    if (!lastEventId.isEmpty()) {
        const qsizetype dash = lastEventId.lastIndexOf('-');
        bool numberOk = false;
        const quint64 lastId = dash < 0 ? 0 : lastEventId.mid(dash + 1).toULongLong(&numberOk);
        const bool ours = numberOk && lastEventId.left(dash) == m_eventEpoch && lastId < m_nextEventId;
        // Complete when every event after lastId is still remembered.
        const bool complete = ours
            && (lastId + 1 == m_nextEventId
                || (!m_recentEvents.isEmpty() && m_recentEvents.constFirst().id <= lastId + 1));
        if (!complete) {
            connection->sendEvent({}, "reset", R"({"reason":"events were missed; reload the state"})");
        } else {
            for (const Event &event : std::as_const(m_recentEvents)) {
                if (event.id > lastId)
                    connection->sendEvent(eventId(event.id), event.type, event.data);
            }
        }
    }
    connection->sendEvent({}, "stats", compact(statsToJson(m_engine.snapshot())));
    m_streams.append({connection, 1000 / rateHz, m_clock.elapsed()});
    updateStatsRate();
}

void EventHub::closeAll()
{
    m_streams.clear();
    m_engine.requestStatsRate(this, 0);
}

void EventHub::handleLogLines()
{
    if (!m_logHub)
        return;
    // Sending may log (a client that does not read is closed): those lines
    // are written, but not tapped, or each log event could cause another.
    const LogHub::SuppressScope suppress;
    const QList<LogLine> lines = m_logHub->linesAfter(m_logSequence, &m_logSequence);
    // Not remembered for Last-Event-ID: a flood of log lines would push the
    // host and config events out; a client reloads the log with GET /api/v1/log.
    for (const LogLine &line : lines)
        broadcast("log", line.toJson(), false);
}

QByteArray EventHub::eventId(quint64 number) const
{
    return m_eventEpoch + '-' + QByteArray::number(number);
}

void EventHub::broadcast(const QByteArray &type, const QByteArray &data, bool remember)
{
    quint64 id = 0;
    if (remember) {
        id = m_nextEventId++;
        m_recentEvents.append({id, type, data});
        if (m_recentEvents.size() > MaxRecentEvents)
            m_recentEvents.removeFirst();
    }
    pruneStreams();
    const QByteArray idText = id ? eventId(id) : QByteArray();
    for (const Stream &stream : std::as_const(m_streams))
        stream.connection->sendEvent(idText, type, data);
}

void EventHub::pruneStreams()
{
    const qsizetype before = m_streams.size();
    m_streams.removeIf([](const Stream &stream) { return stream.connection.isNull(); });
    if (m_streams.size() != before)
        updateStatsRate();
}

void EventHub::updateStatsRate()
{
    // The admin API's one request to the engine: as fast as its fastest
    // stream, none without streams. Other callers (the desktop app) have
    // their own; the engine takes the fastest of all.
    int fastest = 0;
    for (const Stream &stream : std::as_const(m_streams)) {
        if (!stream.connection.isNull())
            fastest = qMax(fastest, int(1000 / stream.intervalMs));
    }
    m_engine.requestStatsRate(this, fastest);
}

void EventHub::handleStats(const StatsSnapshot &snapshot)
{
    pruneStreams();
    if (m_streams.isEmpty())
        return;
    const qint64 now = m_clock.elapsed();
    QByteArray data;
    for (Stream &stream : m_streams) {
        // Tolerate timer jitter: a tick slightly early still counts.
        if (now - stream.lastSentMs < stream.intervalMs * 9 / 10)
            continue;
        if (data.isEmpty())
            data = compact(statsToJson(snapshot));
        stream.lastSentMs = now;
        stream.connection->sendEvent({}, "stats", data);
    }
}

}  // namespace Balancier
