#include "alerts/alertmanager.h"

#include "config/appliedconfighistory.h"
#include "config/configchangejson.h"
#include "engine.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QProcess>
#include <QQueue>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

Q_LOGGING_CATEGORY(lcAlerts, "balancier.alerts", QtInfoMsg)

}  // namespace

/// One <alert>: its queue, its rate tokens, what it is doing now, its counters.
struct AlertManager::Channel
{
    AlertConfig config;
    int index = 0;
    QQueue<AlertEvent> queue;
    double tokens = 0;
    QElapsedTimer refillClock;
    int inFlight = 0;  ///< attempts running or waiting for their retry
    bool dropSaid = false;  ///< the drops since the queue last drained are logged
    bool retired = false;
    Counters counters;
    QTimer *wake = nullptr;  ///< fires when a rate token is due
    QList<QPointer<QObject>> running;  ///< replies and processes under way

    int maxInFlight() const { return config.exec.isEmpty() ? 1 : MaxExecConcurrency; }
    void refill()
    {
        const double perMs = double(config.rate) / (config.ratePeriodS * 1000.0);
        tokens = qMin(double(config.rate), tokens + refillClock.restart() * perMs);
    }
    qint64 msUntilToken() const
    {
        const double perMs = double(config.rate) / (config.ratePeriodS * 1000.0);
        return qMax<qint64>(1, qint64((1.0 - tokens) / perMs) + 1);
    }
    bool accepts(const AlertEvent &event) const
    {
        if (!(config.events & event.kind))
            return false;
        // Filters apply to the events that name a service or a group.
        if (!config.services.isEmpty() && !event.service.isEmpty()
            && !config.services.contains(event.service))
            return false;
        if (!config.groups.isEmpty() && !event.group.isEmpty() && !config.groups.contains(event.group))
            return false;
        return true;
    }
};

AlertManager::AlertManager(Engine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    connect(&m_engine, &Engine::hostStateChanged, this, &AlertManager::handleHostStateChanged);
    connect(&m_engine, &Engine::configApplied, this, &AlertManager::handleConfigApplied);
}

AlertManager::~AlertManager()
{
    for (const std::shared_ptr<Channel> &channel : std::as_const(m_channels)) {
        channel->retired = true;
        for (const QPointer<QObject> &object : std::as_const(channel->running)) {
            if (auto *process = qobject_cast<QProcess *>(object.data())) {
                process->disconnect();  // its own destructor (a child of this) kills it
            }
        }
    }
}

void AlertManager::configure(const QList<AlertConfig> &alerts)
{
    QList<std::shared_ptr<Channel>> next;
    QList<std::shared_ptr<Channel>> old = m_channels;
    for (const AlertConfig &config : alerts) {
        std::shared_ptr<Channel> channel;
        for (qsizetype i = 0; i < old.size(); ++i) {
            if (old.at(i)->config == config) {
                channel = old.takeAt(i);
                break;
            }
        }
        if (!channel) {
            channel = std::make_shared<Channel>();
            channel->config = config;
            channel->tokens = config.rate;
            channel->refillClock.start();
            channel->wake = new QTimer(this);
            channel->wake->setSingleShot(true);
            const std::weak_ptr<Channel> weak = channel;
            connect(channel->wake, &QTimer::timeout, this, [this, weak] {
                if (const std::shared_ptr<Channel> alive = weak.lock())
                    pump(alive);
            });
        }
        channel->index = int(next.size());
        next.append(channel);
    }
    for (const std::shared_ptr<Channel> &gone : std::as_const(old)) {
        gone->retired = true;
        m_retired.sent += gone->counters.sent;
        m_retired.failed += gone->counters.failed;
        m_retired.dropped += gone->counters.dropped + gone->queue.size();
        m_retired.retried += gone->counters.retried;
        delete gone->wake;
        gone->wake = nullptr;
        for (const QPointer<QObject> &object : std::as_const(gone->running)) {
            if (auto *reply = qobject_cast<QNetworkReply *>(object.data()))
                reply->abort();
            else if (auto *process = qobject_cast<QProcess *>(object.data()))
                process->kill();
        }
    }
    m_channels = next;
}

int AlertManager::alertCount() const
{
    return int(m_channels.size());
}

void AlertManager::raise(const QString &name, const QVariantMap &fields)
{
    AlertEvent event;
    event.name = name;
    event.when = QDateTime::currentDateTimeUtc();
    event.fields = fields;
    event.service = fields.value(u"service"_s).toString();
    event.group = fields.value(u"group"_s).toString();
    event.fields.remove(u"service"_s);
    event.fields.remove(u"group"_s);
    if (name == u"cert-expiry")
        event.kind = AlertConfig::Cert;
    else if (name == u"host")
        event.kind = AlertConfig::Host;
    else if (name == u"group")
        event.kind = AlertConfig::Group;
    else if (name == u"config")
        event.kind = AlertConfig::ConfigApplied;
    else
        return;
    submit(event);
}

void AlertManager::submit(const AlertEvent &event)
{
    for (const std::shared_ptr<Channel> &channel : std::as_const(m_channels)) {
        if (!channel->accepts(event))
            continue;
        if (channel->queue.size() >= channel->config.queue) {
            ++channel->counters.dropped;
            if (!channel->dropSaid) {
                channel->dropSaid = true;
                qCWarning(lcAlerts,
                    "alert %d (%s): its queue of %d is full; events are dropped (counted in "
                    "balancier_alerts_dropped_total) until it drains",
                    channel->index + 1, qUtf8Printable(channel->config.displayName()), channel->config.queue);
            }
            continue;
        }
        channel->queue.enqueue(event);
        pump(channel);
    }
}

void AlertManager::pump(const std::shared_ptr<Channel> &channel)
{
    if (channel->retired)
        return;
    while (!channel->queue.isEmpty() && channel->inFlight < channel->maxInFlight()) {
        channel->refill();
        if (channel->tokens < 1.0) {
            if (!channel->wake->isActive())
                channel->wake->start(int(qMin<qint64>(channel->msUntilToken(), 24 * 3600 * 1000)));
            return;
        }
        channel->tokens -= 1.0;
        ++channel->inFlight;
        deliver(channel, channel->queue.dequeue(), 0);
    }
    if (channel->queue.isEmpty() && channel->dropSaid) {
        channel->dropSaid = false;
        qCInfo(lcAlerts, "alert %d (%s): its queue drained; %llu events dropped so far", channel->index + 1,
            qUtf8Printable(channel->config.displayName()),
            static_cast<unsigned long long>(channel->counters.dropped));
    }
}

void AlertManager::deliver(const std::shared_ptr<Channel> &channel, const AlertEvent &event, int attempt)
{
    if (channel->config.exec.isEmpty())
        postWebhook(channel, event, attempt);
    else
        runExec(channel, event, attempt);
}

void AlertManager::postWebhook(const std::shared_ptr<Channel> &channel, const AlertEvent &event, int attempt)
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest request{QUrl(channel->config.url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setHeader(QNetworkRequest::UserAgentHeader, u"balancier-alerts"_s);
    request.setTransferTimeout(int(qMin<qint64>(channel->config.timeoutMs, std::numeric_limits<int>::max())));
    const QJsonObject body
        = channel->config.format == AlertConfig::Format::Slack ? event.toSlack() : event.toJson();
    QNetworkReply *reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    channel->running.append(reply);
    const std::weak_ptr<Channel> weak = channel;
    connect(reply, &QNetworkReply::finished, this, [this, weak, reply, event, attempt] {
        reply->deleteLater();
        const std::shared_ptr<Channel> alive = weak.lock();
        if (!alive || alive->retired)
            return;
        alive->running.removeAll(QPointer<QObject>(reply));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool ok = reply->error() == QNetworkReply::NoError && status >= 200 && status < 300;
        // A receiver that refuses the request itself (4xx) will refuse it again;
        // one that is busy (408, 429) or broken (5xx, no answer) may not.
        const bool retryable = status == 0 || status >= 500 || status == 408 || status == 429;
        const QString why = status > 0 ? u"HTTP %1"_s.arg(status)
            : reply->error() == QNetworkReply::OperationCanceledError
            ? u"no answer within %1 ms"_s.arg(alive->config.timeoutMs)
            : reply->errorString();
        finishAttempt(alive, event, attempt, ok, retryable, why);
    });
}

void AlertManager::runExec(const std::shared_ptr<Channel> &channel, const AlertEvent &event, int attempt)
{
    auto *process = new QProcess(this);
    process->setProgram(channel->config.exec);
    process->setProcessEnvironment(event.environment(QProcessEnvironment::systemEnvironment()));
    // Its output is not read: a pipe nobody drains would stall it.
    process->setStandardOutputFile(QProcess::nullDevice());
    process->setStandardErrorFile(QProcess::nullDevice());
    process->setStandardInputFile(QProcess::nullDevice());
    channel->running.append(process);
    auto *timeout = new QTimer(process);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, process, [process] { process->kill(); });
    const std::weak_ptr<Channel> weak = channel;
    auto done = std::make_shared<bool>(false);
    const auto finish = [this, weak, process, event, attempt, done, timeout](bool ok, const QString &why) {
        if (*done)
            return;
        *done = true;
        timeout->stop();
        process->deleteLater();
        const std::shared_ptr<Channel> alive = weak.lock();
        if (!alive || alive->retired)
            return;
        alive->running.removeAll(QPointer<QObject>(process));
        finishAttempt(alive, event, attempt, ok, true, why);
    };
    connect(process, &QProcess::finished, this,
        [process, finish, timeout, channelTimeout = channel->config.timeoutMs](
            int exitCode, QProcess::ExitStatus status) {
            Q_UNUSED(process);
            if (status == QProcess::NormalExit && exitCode == 0)
                finish(true, {});
            else if (status == QProcess::NormalExit)
                finish(false, u"exit code %1"_s.arg(exitCode));
            else
                finish(
                    false, timeout->isActive() ? u"crashed"_s : u"killed after %1 ms"_s.arg(channelTimeout));
        });
    connect(process, &QProcess::errorOccurred, this, [process, finish](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(false, u"cannot start: "_s + process->errorString());
    });
    timeout->start(int(qMin<qint64>(channel->config.timeoutMs, std::numeric_limits<int>::max())));
    process->start();
}

void AlertManager::finishAttempt(const std::shared_ptr<Channel> &channel, const AlertEvent &event,
    int attempt, bool ok, bool retryable, const QString &why)
{
    Q_EMIT attemptFinished(channel->index, ok);
    if (ok) {
        ++channel->counters.sent;
    } else if (retryable && attempt < channel->config.retries) {
        ++channel->counters.retried;
        const qint64 delay = qMin(MaxBackoffMs, channel->config.backoffMs << qMin(attempt, 20));
        qCInfo(lcAlerts, "alert %d (%s): %s failed (%s); retry %d of %d in %lld ms", channel->index + 1,
            qUtf8Printable(channel->config.displayName()), qUtf8Printable(event.name), qUtf8Printable(why),
            attempt + 1, channel->config.retries, static_cast<long long>(delay));
        const std::weak_ptr<Channel> weak = channel;
        // The slot stays taken while the retry waits: a webhook's events keep their order.
        QTimer::singleShot(delay, this, [this, weak, event, attempt] {
            const std::shared_ptr<Channel> alive = weak.lock();
            if (alive && !alive->retired)
                deliver(alive, event, attempt + 1);
        });
        return;
    } else {
        ++channel->counters.failed;
        qCWarning(lcAlerts, "alert %d (%s): %s not delivered: %s%s", channel->index + 1,
            qUtf8Printable(channel->config.displayName()), qUtf8Printable(event.name), qUtf8Printable(why),
            retryable ? qUtf8Printable(u" (after %1 retries)"_s.arg(channel->config.retries)) : "");
    }
    --channel->inFlight;
    // Queued: a program that cannot start fails within start(), and a
    // direct call would recurse once per queued event.
    const std::weak_ptr<Channel> weak = channel;
    QMetaObject::invokeMethod(
        this,
        [this, weak] {
            if (const std::shared_ptr<Channel> alive = weak.lock())
                pump(alive);
        },
        Qt::QueuedConnection);
}

AlertManager::Counters AlertManager::totals() const
{
    Counters sum = m_retired;
    for (const std::shared_ptr<Channel> &channel : std::as_const(m_channels)) {
        sum.sent += channel->counters.sent;
        sum.failed += channel->counters.failed;
        sum.dropped += channel->counters.dropped;
        sum.retried += channel->counters.retried;
    }
    return sum;
}

QJsonArray AlertManager::statusJson() const
{
    QJsonArray list;
    for (const std::shared_ptr<Channel> &channel : std::as_const(m_channels)) {
        const AlertConfig &config = channel->config;
        QJsonObject object;
        object.insert(u"index"_s, channel->index + 1);
        object.insert(u"target"_s, config.displayName());
        object.insert(u"type"_s, config.exec.isEmpty() ? u"webhook"_s : u"exec"_s);
        object.insert(u"events"_s, alertKindsName(config.events));
        object.insert(u"services"_s, QJsonArray::fromStringList(config.services));
        object.insert(u"groups"_s, QJsonArray::fromStringList(config.groups));
        object.insert(u"format"_s, alertFormatName(config.format));
        object.insert(u"timeoutMs"_s, config.timeoutMs);
        object.insert(u"retries"_s, config.retries);
        object.insert(u"backoffMs"_s, config.backoffMs);
        object.insert(u"ratelimit"_s, config.rateText());
        object.insert(u"queue"_s, config.queue);
        object.insert(u"queued"_s, int(channel->queue.size()));
        object.insert(u"inFlight"_s, channel->inFlight);
        object.insert(u"sent"_s, qint64(channel->counters.sent));
        object.insert(u"failed"_s, qint64(channel->counters.failed));
        object.insert(u"dropped"_s, qint64(channel->counters.dropped));
        object.insert(u"retried"_s, qint64(channel->counters.retried));
        list.append(object);
    }
    return list;
}

void AlertManager::handleHostStateChanged(
    const QString &service, const QString &group, const QString &host, const HostStateEvent &event)
{
    if (m_channels.isEmpty())
        return;
    AlertEvent alert;
    alert.kind = AlertConfig::Host;
    alert.name = u"host"_s;
    alert.service = service;
    alert.group = group;
    alert.when = event.when.isValid() ? event.when.toUTC() : QDateTime::currentDateTimeUtc();
    alert.fields.insert(u"host"_s, host);
    alert.fields.insert(u"state"_s, event.state);
    alert.fields.insert(u"reason"_s, event.reason);
    alert.fields.insert(u"reasonCode"_s, event.reasonCode);
    submit(alert);

    // The group: did it just lose its last live host, or get one back?
    const Config running = m_engine.runningConfig();
    const ServiceConfig *serviceConfig = running.service(service);
    const GroupConfig *groupConfig = serviceConfig ? serviceConfig->group(group) : nullptr;
    if (!groupConfig || groupConfig->hosts.isEmpty())
        return;
    bool live = false;
    for (const HostConfig &member : groupConfig->hosts) {
        const std::optional<HostView> view = m_engine.host(service, group, member.name);
        if (view && view->state == u"up") {
            live = true;
            break;
        }
    }
    const QString key = service + u'/' + group;
    if (live == !m_lostGroups.contains(key))
        return;
    if (live)
        m_lostGroups.remove(key);
    else
        m_lostGroups.insert(key);
    AlertEvent groupEvent;
    groupEvent.kind = AlertConfig::Group;
    groupEvent.name = u"group"_s;
    groupEvent.service = service;
    groupEvent.group = group;
    groupEvent.when = alert.when;
    groupEvent.fields.insert(u"state"_s, live ? u"up"_s : u"down"_s);
    groupEvent.fields.insert(u"enabled"_s, serviceConfig->enabledGroup == group);
    groupEvent.fields.insert(u"lastHost"_s, host);
    submit(groupEvent);
}

void AlertManager::handleConfigApplied(const QList<ConfigChange> &changes)
{
    if (m_channels.isEmpty() || changes.isEmpty())
        return;
    AlertEvent alert;
    alert.kind = AlertConfig::ConfigApplied;
    alert.name = u"config"_s;
    alert.when = QDateTime::currentDateTimeUtc();
    const AppliedConfigHistory &history = m_engine.history();
    alert.fields.insert(u"version"_s, history.currentVersion());
    alert.fields.insert(u"origin"_s, history.origin().kind);
    alert.fields.insert(u"user"_s, history.origin().user);
    QStringList descriptions;
    for (const ConfigChange &change : changes)
        descriptions.append(change.description());
    alert.fields.insert(u"changes"_s, descriptions);
    submit(alert);
}

}  // namespace Balancier
