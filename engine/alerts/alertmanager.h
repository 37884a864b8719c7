#pragma once

#include "alerts/alertevent.h"
#include "config/config.h"
#include "config/configdiff.h"

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QSet>

#include <memory>

class QNetworkAccessManager;

namespace Balancier {

class Engine;
struct HostStateEvent;

/// Delivers the balancer's events to the config's <alert>s: webhooks
/// (HTTP(S) POST of a JSON body through QNetworkAccessManager) and exec
/// hooks (a program run through QProcess with the event in its
/// environment). Each alert filters by kind, service and group, has a
/// bounded queue and a rate limit (what does not fit is dropped, counted
/// and logged once until the queue drains), a timeout per attempt, and
/// retries with exponential backoff. Everything is asynchronous: the
/// control thread never waits for a receiver and the workers never see an
/// alert. Idle while the config has no <alert>.
///
/// Thread contract: lives in the engine's control thread (owned by the
/// Engine) and is used only from there.
class AlertManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertManager)

public:
    /// Exec hooks of one alert running at once at most.
    static constexpr int MaxExecConcurrency = 4;
    /// The longest wait between two attempts.
    static constexpr qint64 MaxBackoffMs = 5 * 60 * 1000;

    explicit AlertManager(Engine &engine, QObject *parent = nullptr);
    ~AlertManager() override;

    /// Takes the config's alerts. An alert that did not change keeps its
    /// queue and counters; the others start afresh (their deliveries under
    /// way are abandoned).
    void configure(const QList<AlertConfig> &alerts);

    /// An event from another part of the engine, by name: "cert-expiry"
    /// (fields service, listener, subject, notAfter, daysLeft), "host",
    /// "group" or "config". An unknown name is ignored.
    void raise(const QString &name, const QVariantMap &fields);
    /// Hands `event` to every alert whose filter takes it.
    void submit(const AlertEvent &event);

    struct Counters
    {
        quint64 sent = 0;  ///< delivered (HTTP 2xx, or the program exited 0)
        quint64 failed = 0;  ///< given up after the last retry
        quint64 dropped = 0;  ///< not queued: the queue was full
        quint64 retried = 0;  ///< attempts after a failed one
        bool operator==(const Counters &) const = default;
    };
    /// The sum over every alert (the /metrics counters; they survive a reload).
    Counters totals() const;
    /// Per alert: its target (secrets left out), filters, settings, queue and counters.
    QJsonArray statusJson() const;
    int alertCount() const;

Q_SIGNALS:
    /// An attempt of alert `index` ended: delivered or not (tests, logs).
    void attemptFinished(int index, bool ok);

private:
    struct Channel;
    void handleHostStateChanged(
        const QString &service, const QString &group, const QString &host, const HostStateEvent &event);
    void handleConfigApplied(const QList<ConfigChange> &changes);
    void pump(const std::shared_ptr<Channel> &channel);
    void deliver(const std::shared_ptr<Channel> &channel, const AlertEvent &event, int attempt);
    void postWebhook(const std::shared_ptr<Channel> &channel, const AlertEvent &event, int attempt);
    void runExec(const std::shared_ptr<Channel> &channel, const AlertEvent &event, int attempt);
    void finishAttempt(const std::shared_ptr<Channel> &channel, const AlertEvent &event, int attempt, bool ok,
        bool retryable, const QString &why);

    Engine &m_engine;
    QNetworkAccessManager *m_network = nullptr;  ///< made at the first webhook
    QList<std::shared_ptr<Channel>> m_channels;
    Counters m_retired;  ///< counters of alerts the config no longer has
    QSet<QString> m_lostGroups;  ///< "service/group" without a live host, said once
};

}  // namespace Balancier
