#pragma once

#include "balancerclient.h"
#include "sseparser.h"

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace Balancier {

/// A balancierd reached over its admin API (HTTP Basic authentication,
/// optionally TLS): /api/v1/status, the /api/v1/events stream, the config
/// and host endpoints, the connection table (/api/v1/connections, /api/v1/talkers), and the daemon's log
/// (/api/v1/log, fetched on every (re)connect, then "log" events; lines already delivered are not repeated).
///
/// A lost stream is reopened with exponential back-off (resuming with
/// Last-Event-ID); the state goes to Reconnecting and one errorOccurred()
/// says why, however many attempts follow. A refused password or an
/// untrusted certificate stops the attempts: those need the user.
///
/// A self-signed certificate is accepted when its SHA-256 digest equals the
/// one set with setTrustedCertificate() (remembered per profile by the UI);
/// otherwise certificateUntrusted() lets the UI ask the user.
///
/// Thread contract: GUI thread (QNetworkAccessManager's thread).
class RemoteClient final : public BalancerClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteClient)

public:
    /// `baseUrl`: "http://127.0.0.1:8080" or "https://host:8443".
    RemoteClient(QUrl baseUrl, QString user, QString password, QObject *parent = nullptr);
    ~RemoteClient() override;

    QString description() const override;
    bool isLocal() const override { return false; }
    void start() override;
    void stop() override;
    void fetchRunningConfig(QObject *context, ReplyHandler handler) override;
    void fetchConfigHistory(QObject *context, ReplyHandler handler) override;
    void rollbackConfig(qint64 version, QObject *context, ReplyHandler handler) override;
    void applyConfig(const QByteArray &xml, bool dryRun, QObject *context, ReplyHandler handler) override;
    void applyConfigIfMatch(
        const QByteArray &xml, const QByteArray &ifMatch, QObject *context, ReplyHandler handler) override;
    void fetchHealth(QObject *context, ReplyHandler handler) override;
    void hostAction(
        const HostRef &host, HostAction action, int value, QObject *context, ReplyHandler handler) override;
    void drainHost(const HostRef &host, qint64 deadlineMs, DrainThen then, QObject *context,
        ReplyHandler handler) override;
    void fetchHistory(const HostRef &host, QObject *context, ReplyHandler handler) override;
    void setRefreshRate(int hertz) override;
    void fetchConnections(const ConnectionFilter &filter, QObject *context, ReplyHandler handler) override;
    void closeConnection(quint64 id, QObject *context, ReplyHandler handler) override;
    void fetchTalkers(const TalkerQuery &query, QObject *context, ReplyHandler handler) override;

    /// GET /api/v1/connections's answer as a page (unknown fields ignored).
    static ConnectionPage connectionPageFromJson(const QJsonObject &object);
    /// GET /api/v1/talkers's answer.
    static QList<Talker> talkersFromJson(const QJsonObject &object);
    /// The path and query of GET /api/v1/connections for `filter` (empty fields left out).
    static QString connectionsPath(const ConnectionFilter &filter);

    /// The SHA-256 digest of a certificate the user accepted; empty for none.
    void setTrustedCertificate(const QByteArray &sha256);
    QByteArray trustedCertificate() const { return m_trustedDigest; }
    /// Back-off bounds: the first retry waits `initialMs`, each next one
    /// twice as long, at most `maxMs`. Defaults 500 ms and 30 s.
    void setReconnectDelays(int initialMs, int maxMs);
    /// No event for this long means a dead stream (default 10 s; snapshots come at least every 500 ms).
    void setStallTimeout(int ms);
    /// How many times the stream was (re)opened successfully.
    int connectCount() const { return m_connectCount; }
    /// The delay before the next attempt, while reconnecting.
    int nextRetryMs() const { return m_retryDelayMs; }
    /// Tries again now instead of waiting out the back-off.
    void retryNow();

    static QByteArray certificateDigest(const QSslCertificate &certificate);

Q_SIGNALS:
    /// The server's certificate is not trusted. The UI asks the user, then
    /// calls setTrustedCertificate(digest) and start() again.
    void certificateUntrusted(const QSslCertificate &certificate, const QStringList &errors);

private:
    QNetworkRequest makeRequest(const QString &path) const;
    void send(const QByteArray &method, const QString &path, const QByteArray &body,
        const QByteArray &contentType, QObject *context, ReplyHandler handler,
        const QByteArray &ifMatch = {});
    void watchSsl(QNetworkReply *reply);
    void openStream();
    void fetchStatus();
    void handleStreamData();
    void handleStreamFinished();
    void handleStreamEvent(const SseEvent &event);
    void fetchLog();
    /// Delivers a line from /api/v1/log or a "log" event, unless it was delivered already.
    /// `overlapping`: the line may repeat one shown before (the log fetched
    /// at a (re)connect, and the events held while it loaded); a live event
    /// after that is always new.
    void deliverLogLine(const QJsonObject &object, bool overlapping);
    void scheduleReconnect(const QString &reason);
    void giveUp(const QString &reason);
    QString describeFailure(QNetworkReply *reply) const;

    QUrl m_baseUrl;
    QString m_user;
    QString m_password;
    QByteArray m_trustedDigest;
    int m_refreshRate = 2;
    QNetworkAccessManager *m_network;  // child
    QPointer<QNetworkReply> m_stream;
    SseParser m_parser;
    QByteArray m_lastEventId;
    bool m_running = false;
    bool m_streamOpen = false;  // headers of the stream arrived with 200
    bool m_untrusted = false;  // the current attempt hit an untrusted certificate
    int m_initialRetryMs = 500;
    int m_maxRetryMs = 30000;
    int m_retryDelayMs = 500;
    int m_connectCount = 0;
    bool m_logLoaded = false;  // /api/v1/log answered since the stream opened
    QList<QJsonObject> m_pendingLog;  // "log" events that came before that answer
    QDateTime m_lastLogTime;  // the newest line delivered
    QStringList m_lastLogMessages;  // the lines delivered with that time
    QTimer m_retryTimer;
    QTimer m_stallTimer;
};

}  // namespace Balancier
