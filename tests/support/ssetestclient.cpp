#include "ssetestclient.h"

#include <QTest>

SseTestClient::SseTestClient(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QTcpSocket::readyRead, this, &SseTestClient::handleReadyRead);
}

SseTestClient::~SseTestClient()
{
    disconnect(&m_socket, nullptr, this, nullptr);
}

void SseTestClient::open(quint16 port, const QByteArray &path, const QString &user, const QString &password,
    const QByteArray &lastEventId)
{
    QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
        + "\r\nAccept: text/event-stream\r\n";
    if (!user.isEmpty())
        request += "Authorization: Basic " + (user + u':' + password).toUtf8().toBase64() + "\r\n";
    if (!lastEventId.isEmpty())
        request += "Last-Event-ID: " + lastEventId + "\r\n";
    request += "\r\n";
    m_clock.start();
    connect(&m_socket, &QTcpSocket::connected, this, [this, request] { m_socket.write(request); });
    m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
}

bool SseTestClient::waitForHeader(int timeoutMs)
{
    return QTest::qWaitFor(
               [this] { return m_headerDone || m_socket.state() == QAbstractSocket::UnconnectedState; },
               timeoutMs)
        && m_headerDone;
}

void SseTestClient::close()
{
    m_socket.abort();
}

bool SseTestClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

QByteArray SseTestClient::header(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : m_headers) {
        if (name == lowerCaseName)
            return value;
    }
    return {};
}

qsizetype SseTestClient::waitForEvent(
    const std::function<bool(const Event &)> &match, int timeoutMs, qsizetype from)
{
    qsizetype found = -1;
    const auto scan = [&] {
        for (qsizetype i = from; i < m_events.size(); ++i) {
            if (match(m_events.at(i))) {
                found = i;
                return true;
            }
        }
        return false;
    };
    if (!QTest::qWaitFor(scan, timeoutMs))
        return -1;
    return found;
}

qsizetype SseTestClient::waitForEvent(const QByteArray &type, int timeoutMs, qsizetype from)
{
    return waitForEvent([&type](const Event &event) { return event.type == type; }, timeoutMs, from);
}

void SseTestClient::handleReadyRead()
{
    m_buffer += m_socket.readAll();
    if (!m_headerDone) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> statusLine = lines.constFirst().trimmed().split(' ');
        m_status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                m_headers.append({line.left(colon).toLower(), line.mid(colon + 1).trimmed()});
        }
        m_buffer.remove(0, end + 4);
        m_headerDone = true;
    }
    if (!header("content-type").startsWith("text/event-stream")) {
        m_body += m_buffer;
        m_buffer.clear();
        return;
    }
    // Lines end with CRLF, LF or CR (HTML standard, "Parsing an event stream").
    for (;;) {
        qsizetype end = -1;
        qsizetype skip = 1;
        for (qsizetype i = 0; i < m_buffer.size(); ++i) {
            if (m_buffer.at(i) == '\n') {
                end = i;
                break;
            }
            if (m_buffer.at(i) == '\r') {
                if (i + 1 >= m_buffer.size())
                    return;  // a CR at the end: wait to see whether LF follows
                end = i;
                skip = m_buffer.at(i + 1) == '\n' ? 2 : 1;
                break;
            }
        }
        if (end < 0)
            return;
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + skip);
        processLine(line);
    }
}

void SseTestClient::processLine(const QByteArray &line)
{
    if (line.isEmpty()) {
        // Dispatch.
        if (m_haveData) {
            Event event;
            event.id = m_eventIdField;
            event.lastEventId = m_lastEventId;
            event.type = m_eventType.isEmpty() ? QByteArray("message") : m_eventType;
            event.data = m_data;
            event.receivedMs = m_clock.elapsed();
            m_events.append(event);
            Q_EMIT eventReceived();
        }
        m_data.clear();
        m_haveData = false;
        m_eventType.clear();
        m_eventIdField.clear();
        return;
    }
    if (line.startsWith(':'))
        return;  // a comment
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "data") {
        if (m_haveData)
            m_data += '\n';
        m_data += value;
        m_haveData = true;
    } else if (field == "event") {
        m_eventType = value;
    } else if (field == "id") {
        if (value.contains('\0')) {
            if (m_protocolError.isEmpty())
                m_protocolError = QStringLiteral("id with NUL");
            return;
        }
        m_eventIdField = value;
        m_lastEventId = value;
    } else if (field == "retry") {
        bool ok = false;
        const int retry = value.toInt(&ok);
        if (ok && retry >= 0)
            m_retryMs = retry;
        else if (m_protocolError.isEmpty())
            m_protocolError = QStringLiteral("bad retry value '%1'").arg(QString::fromLatin1(value));
    } else if (m_protocolError.isEmpty()) {
        // Browsers ignore unknown fields; our server must never send one.
        m_protocolError = QStringLiteral("unknown field in line '%1'").arg(QString::fromUtf8(line));
    }
}
