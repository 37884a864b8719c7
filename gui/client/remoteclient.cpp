#include "remoteclient.h"

#include "config/configchangejson.h"
#include "config/duration.h"
#include "stats/statsjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QUrlQuery>

#include <utility>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

QString hostPath(const HostRef &host)
{
    const auto segment = [](const QString &name) {
        return QString::fromLatin1(QUrl::toPercentEncoding(name));
    };
    return u"/api/v1/services/"_s + segment(host.service) + u"/groups/"_s + segment(host.group) + u"/hosts/"_s
        + segment(host.host);
}

QList<Diagnostic> diagnosticsFrom(const QJsonArray &array)
{
    QList<Diagnostic> diagnostics;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        Diagnostic diagnostic;
        diagnostic.line = object.value("line"_L1).toInt();
        diagnostic.column = object.value("column"_L1).toInt();
        diagnostic.element = object.value("element"_L1).toString();
        diagnostic.message = object.value("message"_L1).toString();
        diagnostics.append(diagnostic);
    }
    return diagnostics;
}

EventLogModel::Level logLevel(const QString &name)
{
    if (name == "debug"_L1)
        return EventLogModel::Level::Debug;
    if (name == "warning"_L1)
        return EventLogModel::Level::Warning;
    if (name == "critical"_L1 || name == "fatal"_L1)
        return EventLogModel::Level::Error;
    return EventLogModel::Level::Info;
}

// As many as the daemon keeps; more than that is a flood to drop.
constexpr qsizetype MaxPendingLog = 500;

QStringList stringsFrom(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

}  // namespace

RemoteClient::RemoteClient(QUrl baseUrl, QString user, QString password, QObject *parent)
    : BalancerClient(parent)
    , m_baseUrl(std::move(baseUrl))
    , m_user(std::move(user))
    , m_password(std::move(password))
    , m_network(new QNetworkAccessManager(this))
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RemoteClient::openStream);
    m_stallTimer.setSingleShot(true);
    m_stallTimer.setInterval(10000);
    connect(&m_stallTimer, &QTimer::timeout, this, [this] {
        if (m_stream) {
            m_stream->setProperty("stalled", true);
            m_stream->abort();
        }
    });
}

RemoteClient::~RemoteClient()
{
    stop();
}

QString RemoteClient::description() const
{
    return tr("%1 as %2").arg(m_baseUrl.toDisplayString(), m_user);
}

QByteArray RemoteClient::certificateDigest(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

void RemoteClient::setTrustedCertificate(const QByteArray &sha256)
{
    m_trustedDigest = sha256;
}

void RemoteClient::setReconnectDelays(int initialMs, int maxMs)
{
    m_initialRetryMs = qMax(1, initialMs);
    m_maxRetryMs = qMax(m_initialRetryMs, maxMs);
    m_retryDelayMs = m_initialRetryMs;
}

void RemoteClient::setStallTimeout(int ms)
{
    m_stallTimer.setInterval(ms);
}

void RemoteClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_untrusted = false;
    m_retryDelayMs = m_initialRetryMs;
    setState(State::Connecting);
    openStream();
}

void RemoteClient::stop()
{
    m_running = false;
    m_retryTimer.stop();
    m_stallTimer.stop();
    if (m_stream) {
        QNetworkReply *stream = m_stream;
        m_stream.clear();
        stream->disconnect(this);
        stream->abort();
        stream->deleteLater();
    }
    m_streamOpen = false;
    m_parser.reset();
    setState(State::Disconnected);
}

void RemoteClient::retryNow()
{
    if (!m_running || m_stream)
        return;
    m_retryTimer.stop();
    openStream();
}

void RemoteClient::setRefreshRate(int hertz)
{
    const int rate = qBound(2, hertz, 10);
    if (rate == m_refreshRate)
        return;
    m_refreshRate = rate;
    // The stream's rate is fixed when it opens: reopen it.
    if (m_stream && m_streamOpen)
        m_stream->abort();
}

QNetworkRequest RemoteClient::makeRequest(const QString &path) const
{
    QUrl url = m_baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    const qsizetype question = path.indexOf(u'?');
    url.setPath(base + path.left(question), QUrl::TolerantMode);
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    QNetworkRequest request(url);
    const QByteArray credentials = m_user.toUtf8() + ':' + m_password.toUtf8();
    request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    // The balancer's config history records our applies as the desktop app's.
    request.setRawHeader("X-Balancier-Client", "gui");
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    return request;
}

void RemoteClient::watchSsl(QNetworkReply *reply)
{
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        QSslCertificate certificate = reply->sslConfiguration().peerCertificate();
        for (const QSslError &error : errors) {
            if (certificate.isNull())
                certificate = error.certificate();
        }
        if (!m_trustedDigest.isEmpty() && certificateDigest(certificate) == m_trustedDigest) {
            reply->ignoreSslErrors(errors);
            return;
        }
        if (reply == m_stream && !m_untrusted) {
            m_untrusted = true;
            QStringList messages;
            for (const QSslError &error : errors)
                messages.append(error.errorString());
            Q_EMIT certificateUntrusted(certificate, messages);
        }
    });
}

QString RemoteClient::describeFailure(QNetworkReply *reply) const
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400) {
        const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
        const QString message = object.value("error"_L1).toString();
        if (status == 401)
            return tr("The server refused user \"%1\" or its password.").arg(m_user);
        return message.isEmpty() ? tr("HTTP status %1").arg(status)
                                 : tr("HTTP status %1: %2").arg(status).arg(message);
    }
    return reply->errorString();
}

void RemoteClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
    const QByteArray &contentType, QObject *context, ReplyHandler handler, const QByteArray &ifMatch)
{
    QNetworkRequest request = makeRequest(path);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!ifMatch.isEmpty())
        request.setRawHeader("If-Match", ifMatch);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    watchSsl(reply);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [this, reply, guard, handler] {
        reply->deleteLater();
        if (!guard || !handler)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        ClientReply result;
        result.etag = reply->rawHeader("ETag");
        const bool xml = reply->header(QNetworkRequest::ContentTypeHeader).toString().contains("xml"_L1);
        if (xml && status == 200) {
            result.ok = true;
            result.data = data;
            handler(result);
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(data).object();
        if (status >= 200 && status < 300) {
            result.ok = object.value("ok"_L1).toBool(true);
            result.changes = configChangesFromJson(object.value("changes"_L1).toArray());
            result.warnings = stringsFrom(object.value("warnings"_L1));
            if (object.value("entries"_L1).isArray())  // the config history
                result.data
                    = QJsonDocument(object.value("entries"_L1).toArray()).toJson(QJsonDocument::Compact);
            if (object.contains("saveError"_L1))
                result.warnings.append(
                    tr("Not saved on the server: %1").arg(object.value("saveError"_L1).toString()));
            if (object.contains("connections"_L1))
                result.connections = connectionPageFromJson(object);
            if (object.contains("talkers"_L1))
                result.talkers = talkersFromJson(object);
            for (const QJsonValue &value : object.value("history"_L1).toArray()) {
                const QJsonObject entry = value.toObject();
                HostStateEvent event;
                event.when = QDateTime::fromString(entry.value("when"_L1).toString(), Qt::ISODateWithMs);
                event.state = entry.value("state"_L1).toString();
                event.reason = entry.value("reason"_L1).toString();
                event.reasonCode = entry.value("reasonCode"_L1).toString();
                event.reasonParams = entry.value("reasonParams"_L1).toObject().toVariantMap();
                result.history.append(event);
            }
        } else if (status != 0) {
            // 409: the running state forbids it; 412: the config moved on since its ETag.
            result.conflict = status == 409 || status == 412;
            result.forbidden = status == 403;
            result.diagnostics = diagnosticsFrom(object.value("errors"_L1).toArray());
            QStringList lines;
            for (const QJsonValue &value : object.value("errors"_L1).toArray())
                lines.append(value.toObject().value("text"_L1).toString());
            if (lines.isEmpty())
                lines.append(object.value("error"_L1).toString());
            if (status == 401)
                lines = QStringList{tr("The server refused user \"%1\" or its password.").arg(m_user)};
            else if (lines.join(QString()).isEmpty())
                lines = QStringList{tr("HTTP status %1").arg(status)};
            result.error = lines.join(u'\n');
        } else {
            result.error = reply->errorString();
        }
        handler(result);
    });
}

void RemoteClient::fetchStatus()
{
    QNetworkReply *reply = m_network->get(makeRequest(u"/api/v1/status"_s));
    watchSsl(reply);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (!m_running || reply->error() != QNetworkReply::NoError)
            return;
        const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
        if (document.isObject())
            deliverSnapshot(statsFromJson(document.object()));
    });
}

void RemoteClient::fetchLog()
{
    QNetworkReply *reply = m_network->get(makeRequest(u"/api/v1/log?lines=500"_s));
    watchSsl(reply);
    QPointer<QNetworkReply> stream = m_stream;
    connect(reply, &QNetworkReply::finished, this, [this, reply, stream] {
        reply->deleteLater();
        // An answer for a stream that is gone: the next one fetches again.
        if (!m_running || !stream || stream != m_stream)
            return;
        // A daemon without /api/v1/log (older) still streams what comes next.
        if (reply->error() == QNetworkReply::NoError) {
            const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
            for (const QJsonValue &value : object.value("lines"_L1).toArray())
                deliverLogLine(value.toObject(), true);
        }
        m_logLoaded = true;
        const QList<QJsonObject> pending = std::exchange(m_pendingLog, {});
        for (const QJsonObject &line : pending)
            deliverLogLine(line, true);
    });
}

void RemoteClient::deliverLogLine(const QJsonObject &object, bool overlapping)
{
    const QDateTime when = QDateTime::fromString(object.value("time"_L1).toString(), Qt::ISODateWithMs);
    const QString message = object.value("message"_L1).toString();
    // After a reconnect the daemon's log repeats what was seen: skip up to
    // the newest line delivered (the same time and text). A live line is
    // never skipped, even if the daemon's clock stepped back.
    if (m_lastLogTime.isValid() && when.isValid()) {
        if (overlapping
            && (when < m_lastLogTime || (when == m_lastLogTime && m_lastLogMessages.contains(message))))
            return;
        if (when < m_lastLogTime)
            m_lastLogTime = QDateTime();
        if (when != m_lastLogTime)
            m_lastLogMessages.clear();
    }
    if (when.isValid()) {
        m_lastLogTime = when;
        m_lastLogMessages.append(message);
    }
    QString category = object.value("category"_L1).toString();
    if (category.startsWith("balancier."_L1))
        category = category.mid(10);
    Q_EMIT logLineReceived(logLevel(object.value("level"_L1).toString()), category, message,
        when.isValid() ? when.toLocalTime() : QDateTime::currentDateTime());
}

void RemoteClient::openStream()
{
    if (!m_running || m_stream)
        return;
    m_untrusted = false;
    m_streamOpen = false;
    m_parser.reset();
    m_logLoaded = false;
    m_pendingLog.clear();
    QNetworkRequest request = makeRequest(u"/api/v1/events?rate="_s + QString::number(m_refreshRate));
    request.setRawHeader("Accept", "text/event-stream");
    if (!m_lastEventId.isEmpty())
        request.setRawHeader("Last-Event-ID", m_lastEventId);
    QNetworkReply *stream = m_network->get(request);
    m_stream = stream;
    watchSsl(stream);
    connect(stream, &QNetworkReply::metaDataChanged, this, [this, stream] {
        if (stream != m_stream || m_streamOpen)
            return;
        const int status = stream->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200)
            return;  // finished() tells why
        m_streamOpen = true;
        ++m_connectCount;
        m_retryDelayMs = m_initialRetryMs;
        m_stallTimer.start();
        setState(State::Connected);
        fetchStatus();
        fetchLog();
    });
    connect(stream, &QNetworkReply::readyRead, this, &RemoteClient::handleStreamData);
    connect(stream, &QNetworkReply::finished, this, &RemoteClient::handleStreamFinished);
}

void RemoteClient::handleStreamData()
{
    if (!m_stream || !m_streamOpen)
        return;
    m_stallTimer.start();
    const QList<SseEvent> events = m_parser.feed(m_stream->readAll());
    for (const SseEvent &event : events) {
        handleStreamEvent(event);
        if (!m_running)
            return;
    }
}

void RemoteClient::handleStreamEvent(const SseEvent &event)
{
    if (event.hasId && !event.id.isEmpty())
        m_lastEventId = event.id;
    const QJsonObject object = QJsonDocument::fromJson(event.data).object();
    if (event.type == "stats") {
        deliverSnapshot(statsFromJson(object));
    } else if (event.type == "host") {
        HostStateEvent state;
        state.when = QDateTime::fromString(object.value("when"_L1).toString(), Qt::ISODateWithMs);
        state.state = object.value("state"_L1).toString();
        state.reason = object.value("reason"_L1).toString();
        state.reasonCode = object.value("reasonCode"_L1).toString();
        state.reasonParams = object.value("reasonParams"_L1).toObject().toVariantMap();
        Q_EMIT hostStateChanged({object.value("service"_L1).toString(), object.value("group"_L1).toString(),
                                    object.value("host"_L1).toString()},
            state);
    } else if (event.type == "config") {
        Q_EMIT configApplied(configChangesFromJson(object.value("changes"_L1).toArray()));
    } else if (event.type == "log") {
        if (m_logLoaded)
            deliverLogLine(object, false);
        else if (m_pendingLog.size() < MaxPendingLog)
            m_pendingLog.append(object);
    } else if (event.type == "reset") {
        // Events were missed while away: take the whole state again.
        fetchStatus();
    }
}

void RemoteClient::handleStreamFinished()
{
    QNetworkReply *stream = m_stream;
    if (!stream)
        return;
    m_stream.clear();
    stream->deleteLater();
    m_stallTimer.stop();
    if (!m_running)
        return;
    const int status = stream->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_untrusted) {
        giveUp(tr("The certificate of %1 is not trusted.").arg(m_baseUrl.host()));
        return;
    }
    if (status == 401 || status == 403) {
        giveUp(describeFailure(stream));
        return;
    }
    if (stream->property("stalled").toBool()) {
        scheduleReconnect(tr("no data for %1 s").arg(m_stallTimer.interval() / 1000));
        return;
    }
    if (m_streamOpen && stream->error() == QNetworkReply::OperationCanceledError) {
        // Reopened on purpose (a new refresh rate): no back-off, no alarm.
        m_streamOpen = false;
        openStream();
        return;
    }
    scheduleReconnect(stream->error() == QNetworkReply::NoError ? tr("the server closed the event stream")
                                                                : describeFailure(stream));
}

void RemoteClient::scheduleReconnect(const QString &reason)
{
    m_streamOpen = false;
    m_parser.reset();
    setState(State::Reconnecting, tr("Connection to %1 lost: %2").arg(m_baseUrl.toDisplayString(), reason));
    m_retryTimer.start(m_retryDelayMs);
    m_retryDelayMs = qMin(m_retryDelayMs * 2, m_maxRetryMs);
}

void RemoteClient::giveUp(const QString &reason)
{
    m_running = false;
    m_retryTimer.stop();
    m_streamOpen = false;
    setState(State::Disconnected, reason);
}

void RemoteClient::fetchRunningConfig(QObject *context, ReplyHandler handler)
{
    send("GET", u"/api/v1/config"_s, {}, {}, context, std::move(handler));
}

void RemoteClient::fetchConfigHistory(QObject *context, ReplyHandler handler)
{
    send("GET", u"/api/v1/config/history?full=1"_s, {}, {}, context, std::move(handler));
}

void RemoteClient::rollbackConfig(qint64 version, QObject *context, ReplyHandler handler)
{
    send("POST", u"/api/v1/config/history/%1/rollback"_s.arg(version), {}, {}, context, std::move(handler));
}

void RemoteClient::applyConfig(const QByteArray &xml, bool dryRun, QObject *context, ReplyHandler handler)
{
    send("PUT", dryRun ? u"/api/v1/config?dryrun=1"_s : u"/api/v1/config"_s, xml, "application/xml", context,
        std::move(handler));
}

void RemoteClient::applyConfigIfMatch(
    const QByteArray &xml, const QByteArray &ifMatch, QObject *context, ReplyHandler handler)
{
    send("PUT", u"/api/v1/config"_s, xml, "application/xml", context, std::move(handler), ifMatch);
}

void RemoteClient::fetchHealth(QObject *context, ReplyHandler handler)
{
    // Not send(): 503 is an answer here (unhealthy), and 404 an older daemon.
    QNetworkReply *reply = m_network->get(makeRequest(u"/api/v1/health"_s));
    watchSsl(reply);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [this, reply, guard, handler] {
        reply->deleteLater();
        if (!guard || !handler)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        ClientReply result;
        if (status == 404) {
            result.ok = true;  // no health endpoint: health and role unknown
            handler(result);
            return;
        }
        const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
        if ((status == 200 || status == 503) && document.isObject()) {
            const QJsonObject object = document.object();
            result.ok = true;
            result.health.known = true;
            result.health.healthy = object.value("healthy"_L1).toBool(status == 200);
            result.health.serving = object.value("serving"_L1).toBool();
            result.health.liveServices = object.value("liveServices"_L1).toInt();
            result.health.services = object.value("services"_L1).toInt();
            result.health.role = NodeHealth::roleFromName(object.value("role"_L1).toString());
        } else {
            result.error
                = status != 0 ? tr("GET /api/v1/health: HTTP status %1").arg(status) : reply->errorString();
        }
        handler(result);
    });
}

void RemoteClient::hostAction(
    const HostRef &host, HostAction action, int value, QObject *context, ReplyHandler handler)
{
    const QString path = hostPath(host);
    switch (action) {
    case HostAction::Drain:
        return send("POST", path + u"/drain"_s, {}, {}, context, std::move(handler));
    case HostAction::Maintenance:
        return send("POST", path + u"/maintenance"_s, {}, {}, context, std::move(handler));
    case HostAction::Ready:
        return send("POST", path + u"/ready"_s, {}, {}, context, std::move(handler));
    case HostAction::Retry:
        return send("POST", path + u"/retry"_s, {}, {}, context, std::move(handler));
    case HostAction::Remove:
        return send("DELETE", path, {}, {}, context, std::move(handler));
    case HostAction::RemoveForced:
        return send("DELETE", path + u"?force=1"_s, {}, {}, context, std::move(handler));
    case HostAction::SetWeight: {
        QJsonObject body;
        body.insert("weight"_L1, value);
        return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json",
            context, std::move(handler));
    }
    }
}

void RemoteClient::drainHost(
    const HostRef &host, qint64 deadlineMs, DrainThen then, QObject *context, ReplyHandler handler)
{
    QString query;
    if (deadlineMs > 0)
        query += u"deadline="_s + formatDuration(deadlineMs);
    if (then != DrainThen::None)
        query += (query.isEmpty() ? QString() : u"&"_s) + u"then="_s + drainThenName(then);
    send("POST", hostPath(host) + u"/drain"_s + (query.isEmpty() ? QString() : u'?' + query), {}, {}, context,
        std::move(handler));
}

void RemoteClient::fetchHistory(const HostRef &host, QObject *context, ReplyHandler handler)
{
    send("GET", hostPath(host) + u"/history"_s, {}, {}, context, std::move(handler));
}

}  // namespace Balancier

namespace Balancier {

QString RemoteClient::connectionsPath(const ConnectionFilter &filter)
{
    QUrlQuery query;
    const auto add = [&query](const QString &name, const QString &value) {
        if (!value.isEmpty())
            query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value, "/:")));
    };
    add(u"service"_s, filter.service);
    add(u"group"_s, filter.group);
    add(u"backend"_s, filter.backend);
    add(u"client"_s, filter.clientPrefix);
    if (filter.minAgeMs > 0)
        add(u"minage"_s, QString::number(filter.minAgeMs / 1000));
    if (filter.minBytes > 0)
        add(u"minbytes"_s, QString::number(filter.minBytes));
    add(u"sort"_s, filter.sort);
    query.addQueryItem(u"offset"_s, QString::number(qMax(0, filter.offset)));
    query.addQueryItem(u"limit"_s, QString::number(qBound(1, filter.limit, 1000)));
    return u"/api/v1/connections?"_s + query.query(QUrl::FullyEncoded);
}

ConnectionPage RemoteClient::connectionPageFromJson(const QJsonObject &object)
{
    ConnectionPage page;
    page.total = object.value("total"_L1).toInt();
    const QJsonArray rows = object.value("connections"_L1).toArray();
    page.rows.reserve(rows.size());
    for (const QJsonValue &value : rows) {
        const QJsonObject entry = value.toObject();
        ConnectionRow row;
        // A decimal string (a 64-bit id loses precision as a JSON number); a number is taken too.
        const QJsonValue id = entry.value("id"_L1);
        row.id = id.isString() ? id.toString().toULongLong() : quint64(id.toInteger());
        row.service = entry.value("service"_L1).toString();
        row.group = entry.value("group"_L1).toString();
        row.backend = entry.value("backend"_L1).toString();
        row.client = entry.value("client"_L1).toString();
        row.local = entry.value("local"_L1).toString();
        row.ageMs = entry.value("ageMs"_L1).toInteger();
        row.bytesIn = entry.value("bytesIn"_L1).toInteger();
        row.bytesOut = entry.value("bytesOut"_L1).toInteger();
        row.state = entry.value("state"_L1).toString();
        const QJsonObject reason = entry.value("reason"_L1).toObject();
        row.reason.code = reason.value("code"_L1).toString();
        row.reason.params = reason.value("params"_L1).toObject().toVariantMap();
        for (const QJsonValue &attempt : entry.value("attempts"_L1).toArray()) {
            const QJsonObject tried = attempt.toObject();
            row.attempts.append({tried.value("backend"_L1).toString(), tried.value("result"_L1).toString()});
        }
        page.rows.append(row);
    }
    return page;
}

QList<Talker> RemoteClient::talkersFromJson(const QJsonObject &object)
{
    QList<Talker> talkers;
    for (const QJsonValue &value : object.value("talkers"_L1).toArray()) {
        const QJsonObject entry = value.toObject();
        Talker talker;
        talker.prefix = entry.value("prefix"_L1).toString();
        talker.open = entry.value("open"_L1).toInt();
        talker.ratePerSecond = entry.value("ratePerSecond"_L1).toDouble();
        talker.bytesIn = entry.value("bytesIn"_L1).toInteger();
        talker.bytesOut = entry.value("bytesOut"_L1).toInteger();
        talkers.append(talker);
    }
    return talkers;
}

void RemoteClient::fetchConnections(const ConnectionFilter &filter, QObject *context, ReplyHandler handler)
{
    send("GET", connectionsPath(filter), {}, {}, context, std::move(handler));
}

void RemoteClient::closeConnection(quint64 id, QObject *context, ReplyHandler handler)
{
    send("DELETE", u"/api/v1/connections/"_s + QString::number(id), {}, {}, context, std::move(handler));
}

void RemoteClient::fetchTalkers(const TalkerQuery &query, QObject *context, ReplyHandler handler)
{
    QUrlQuery items;
    if (!query.service.isEmpty())
        items.addQueryItem(u"service"_s, QString::fromLatin1(QUrl::toPercentEncoding(query.service)));
    items.addQueryItem(u"prefix4"_s, QString::number(query.prefix4));
    items.addQueryItem(u"prefix6"_s, QString::number(query.prefix6));
    items.addQueryItem(u"limit"_s, QString::number(query.limit));
    if (!query.sort.isEmpty())
        items.addQueryItem(u"sort"_s, query.sort);
    send("GET", u"/api/v1/talkers?"_s + items.query(QUrl::FullyEncoded), {}, {}, context, std::move(handler));
}

}  // namespace Balancier
