#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>

namespace Balancier {

class Engine;
class HttpConnection;
class LogHub;
struct StatsSnapshot;

/// The admin API's event stream (GET /api/v1/events): the open streams,
/// "host" and "config" events from the engine (remembered in a ring for
/// resuming with Last-Event-ID), "stats" snapshots at the rate each stream
/// asked for (the fastest is requested from the engine), and "log" events
/// from the log tap.
///
/// Thread contract: lives in the engine's control thread, as the
/// AdminServer that owns it; the log tap's signal arrives queued.
class EventHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventHub)

public:
    /// How many remembered events a resuming client can be sent.
    static constexpr int MaxRecentEvents = 512;
    /// The stats snapshot rates (Hz) a stream may ask for (GET /api/v1/events?rate=).
    static constexpr int MinStreamRate = 2;
    static constexpr int MaxStreamRate = 10;
    /// How many lines GET /api/v1/log returns without ?lines=.
    static constexpr int DefaultLogLines = 100;

    explicit EventHub(Engine &engine, QObject *parent = nullptr);
    ~EventHub() override;

    /// The log tap whose new lines become "log" events; null: none. The tap
    /// must outlive this hub or be destroyed as a QObject (it is watched).
    void setLogHub(LogHub *hub);
    LogHub *logHub() const;

    /// Turns `connection` (whose event stream has started) into a stream
    /// of `rateHz` stats snapshots. With `lastEventId`, the events after it
    /// are replayed first, or a "reset" event is sent when some were missed
    /// (or the id is from another process).
    void openStream(HttpConnection *connection, int rateHz, const QByteArray &lastEventId);
    /// Forgets every stream and withdraws the stats rate request.
    void closeAll();

private:
    void broadcast(const QByteArray &type, const QByteArray &data, bool remember);
    /// The SSE id of event `number`: "<epoch>-<number>".
    QByteArray eventId(quint64 number) const;
    void handleStats(const StatsSnapshot &snapshot);
    /// Streams the tap's new lines as "log" events.
    void handleLogLines();
    /// Drops closed streams; tells the engine the rate when that changed the set.
    void pruneStreams();
    /// Tells the engine the rate the open event streams need.
    void updateStatsRate();

    Engine &m_engine;
    struct Stream
    {
        QPointer<HttpConnection> connection;
        qint64 intervalMs = 500;
        qint64 lastSentMs = -1;
    };
    QList<Stream> m_streams;
    struct Event
    {
        quint64 id;
        QByteArray type;
        QByteArray data;
    };
    QList<Event> m_recentEvents;  ///< for resuming with Last-Event-ID
    quint64 m_nextEventId = 1;
    QByteArray m_eventEpoch;  ///< random per process; part of every event id
    QElapsedTimer m_clock;
    QPointer<LogHub> m_logHub;
    quint64 m_logSequence = 0;  ///< the number of the last log line streamed
};

}  // namespace Balancier
