#include "httpparser.h"

#include <QUrl>

namespace Balancier {

namespace {

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

}  // namespace

HttpParser::State HttpParser::fail(int status, const QString &message)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    m_buffer.clear();
    return m_state;
}

HttpParser::State HttpParser::parseHeader(qsizetype end)
{
    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> lines = head.split('\n');
    QByteArray requestLine = lines.constFirst();
    if (requestLine.endsWith('\r'))
        requestLine.chop(1);
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3)
        return fail(400, QStringLiteral("malformed request line"));
    if (!isToken(parts.at(0)))
        return fail(400, QStringLiteral("malformed method"));
    if (parts.at(2) != "HTTP/1.1" && parts.at(2) != "HTTP/1.0")
        return fail(505, QStringLiteral("only HTTP/1.0 and HTTP/1.1 are served"));
    const QByteArray target = parts.at(1);
    if (!target.startsWith('/'))
        return fail(400, QStringLiteral("the request target must be a path"));

    m_request = HttpRequest{};
    m_request.method = parts.at(0);
    const qsizetype question = target.indexOf('?');
    const QByteArray rawPath = question < 0 ? target : target.left(question);
    m_request.path = QUrl::fromPercentEncoding(rawPath);
    if (m_request.path.contains(u'\0') || m_request.path.contains(QStringLiteral("/../"))
        || m_request.path.endsWith(QStringLiteral("/..")))
        return fail(400, QStringLiteral("malformed path"));
    if (question >= 0)
        m_request.query.setQuery(QString::fromUtf8(target.mid(question + 1)));
    m_request.keepAlive = parts.at(2) == "HTTP/1.1";

    bool haveLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            continue;
        if (line.startsWith(' ') || line.startsWith('\t'))
            return fail(400, QStringLiteral("folded header lines are not accepted"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon)))
            return fail(400, QStringLiteral("malformed header line %1").arg(i + 1));
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qlonglong length = value.toLongLong(&ok);
            if (!ok || length < 0 || (haveLength && length != m_bodyLength))
                return fail(400, QStringLiteral("invalid Content-Length"));
            if (length > MaxBodyBytes)
                return fail(413, QStringLiteral("the body exceeds %1 bytes").arg(MaxBodyBytes));
            m_bodyLength = length;
            haveLength = true;
        } else if (name == "transfer-encoding") {
            return fail(501, QStringLiteral("Transfer-Encoding is not supported; send Content-Length"));
        } else if (name == "connection") {
            const QByteArray lower = value.toLower();
            if (lower.contains("close"))
                m_request.keepAlive = false;
            else if (lower.contains("keep-alive"))
                m_request.keepAlive = true;
        }
        m_request.headers.append({name, value});
    }
    m_headerDone = true;
    return State::NeedMore;
}

HttpParser::State HttpParser::feed(const QByteArray &bytes)
{
    if (m_state != State::NeedMore)
        return m_state;
    m_buffer += bytes;
    if (!m_headerDone) {
        // Tolerate stray line breaks between pipelined requests (RFC 9112, 2.2).
        while (m_buffer.startsWith("\r\n"))
            m_buffer.remove(0, 2);
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > MaxHeaderBytes)
                return fail(431, QStringLiteral("the request header exceeds %1 bytes").arg(MaxHeaderBytes));
            return State::NeedMore;
        }
        if (end > MaxHeaderBytes)
            return fail(431, QStringLiteral("the request header exceeds %1 bytes").arg(MaxHeaderBytes));
        if (parseHeader(end) == State::Failed)
            return m_state;
    }
    if (m_buffer.size() < m_bodyLength)
        return State::NeedMore;
    m_request.body = m_buffer.left(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    const QByteArray contentType = m_request.header("content-type");
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
        QString form = QString::fromUtf8(m_request.body);
        form.replace(u'+', u' ');
        const QUrlQuery formQuery(form);
        for (const auto &[key, value] : formQuery.queryItems(QUrl::FullyEncoded))
            m_request.query.addQueryItem(key, value);
    }
    m_state = State::Complete;
    return m_state;
}

HttpRequest HttpParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest{};
    m_headerDone = false;
    m_bodyLength = 0;
    m_state = State::NeedMore;
    return request;
}

}  // namespace Balancier
