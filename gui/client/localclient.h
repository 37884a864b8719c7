#pragma once

#include "balancerclient.h"
#include "config/config.h"

#include <QString>

class QThread;

namespace Balancier {

class Engine;
class Operations;
struct OpResult;

/// A balancer run by this process: an Engine on its own QThread, loaded
/// from a config file (or given a Config, for tests and the demo).
///
/// Thread contract: the LocalClient object lives in the GUI thread. The
/// Engine is created, used and destroyed in the client's engine thread and
/// is only ever touched there: every request is a functor queued to that
/// thread with QMetaObject::invokeMethod, and the engine's signals come
/// back to the GUI thread as queued connections. Proxying runs in the
/// engine's own worker threads, so neither the GUI nor the engine thread
/// blocks the data plane.
class LocalClient final : public BalancerClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalClient)

public:
    /// Runs the config in `configPath` (read at start()).
    explicit LocalClient(QString configPath, QObject *parent = nullptr);
    /// Runs `config`; `description` names it in the UI.
    LocalClient(const Config &config, QString description, QObject *parent = nullptr);
    ~LocalClient() override;

    QString description() const override;
    bool isLocal() const override { return true; }
    void start() override;
    void stop() override;
    void fetchRunningConfig(QObject *context, ReplyHandler handler) override;
    void fetchConfigHistory(QObject *context, ReplyHandler handler) override;
    void applyConfig(const QByteArray &xml, bool dryRun, QObject *context, ReplyHandler handler) override;
    void applyConfigIfMatch(
        const QByteArray &xml, const QByteArray &ifMatch, QObject *context, ReplyHandler handler) override;
    void rollbackConfig(qint64 version, QObject *context, ReplyHandler handler) override;
    void hostAction(
        const HostRef &host, HostAction action, int value, QObject *context, ReplyHandler handler) override;
    void drainHost(const HostRef &host, qint64 deadlineMs, DrainThen then, QObject *context,
        ReplyHandler handler) override;
    void fetchHistory(const HostRef &host, QObject *context, ReplyHandler handler) override;
    void setRefreshRate(int hertz) override;
    void fetchConnections(const ConnectionFilter &filter, QObject *context, ReplyHandler handler) override;
    void closeConnection(quint64 id, QObject *context, ReplyHandler handler) override;
    void fetchTalkers(const TalkerQuery &query, QObject *context, ReplyHandler handler) override;

    /// The config file this client runs, or empty.
    QString configPath() const { return m_configPath; }

private:
    /// Queues `work` to the engine thread; it gets the engine (never null there).
    void post(std::function<void(Engine &)> work);
    /// Runs `work` in the engine thread and hands its reply to `handler` in
    /// the GUI thread, if `context` still exists by then.
    void request(QObject *context, ReplyHandler handler, std::function<ClientReply(Engine &)> work);
    /// The same for an operation that answers later (the connection table:
    /// every worker answers for its own sessions): `work` runs in the engine
    /// thread with the operations, the context the operation answers in (the
    /// engine thread's anchor), and the function to call with the reply.
    using Finish = std::function<void(const ClientReply &)>;
    void requestAsync(QObject *context, ReplyHandler handler,
        std::function<void(Operations &, QObject *anchor, Finish finish)> work);
    void handleStarted(const ClientReply &reply);
    /// The one place an operation's outcome becomes a reply.
    static ClientReply replyFrom(const OpResult &result);

    QString m_configPath;
    Config m_config;
    QString m_description;
    int m_refreshRate = 2;
    QThread *m_thread = nullptr;  // owned; runs while started
    QObject *m_anchor = nullptr;  // owned; lives in m_thread, the target of posted work
    Engine *m_engine = nullptr;  // engine thread only
    /// Engine thread only; lives as long as m_engine, so that an operation
    /// answering later never outlives what it was called on.
    Operations *m_operations = nullptr;
};

}  // namespace Balancier
