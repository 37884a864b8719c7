#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QTcpSocket>

#include <functional>

/// A Server-Sent Events client for tests: sends one GET with Basic
/// credentials (and Last-Event-ID when resuming), then parses the stream
/// strictly as the HTML standard's EventSource does, recording every event
/// with its arrival time. A line that breaks the grammar is recorded in
/// protocolError(), so a test can assert the stream is clean.
///
/// Thread contract: lives in the thread that created it; waits run the event loop.
class SseTestClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SseTestClient)

public:
    struct Event
    {
        QByteArray id;  ///< the id field of this event; empty when it had none
        QByteArray lastEventId;  ///< the last id seen so far, as a browser tracks it
        QByteArray type;  ///< "message" when the event had no type
        QByteArray data;
        qint64 receivedMs = 0;  ///< since open()
    };

    explicit SseTestClient(QObject *parent = nullptr);
    ~SseTestClient() override;

    void open(quint16 port, const QByteArray &path, const QString &user, const QString &password,
        const QByteArray &lastEventId = {});
    /// Waits for the response header; false on timeout or close.
    bool waitForHeader(int timeoutMs = 5000);
    void close();
    bool isConnected() const;

    int status() const { return m_status; }
    QByteArray header(const QByteArray &lowerCaseName) const;
    /// Bytes after the header when the answer was not a stream (an error).
    const QByteArray &body() const { return m_body; }
    const QList<Event> &events() const { return m_events; }
    QByteArray lastEventId() const { return m_lastEventId; }
    int retryMs() const { return m_retryMs; }
    const QString &protocolError() const { return m_protocolError; }

    /// Waits for the first event at index >= `from` that matches; its index, or -1.
    qsizetype waitForEvent(
        const std::function<bool(const Event &)> &match, int timeoutMs, qsizetype from = 0);
    /// Same, for the first event of `type`.
    qsizetype waitForEvent(const QByteArray &type, int timeoutMs, qsizetype from = 0);

Q_SIGNALS:
    void eventReceived();

private:
    void handleReadyRead();
    void processLine(const QByteArray &line);

    QTcpSocket m_socket;
    QElapsedTimer m_clock;
    QByteArray m_buffer;
    bool m_headerDone = false;
    int m_status = 0;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    QList<Event> m_events;
    QByteArray m_lastEventId;
    QByteArray m_eventType;
    QByteArray m_data;
    QByteArray m_eventIdField;
    bool m_haveData = false;
    int m_retryMs = -1;
    QString m_protocolError;
};
