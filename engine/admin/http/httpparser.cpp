#include "admin/http/httpparser.h"

#include <QUrl>

#include <utility>

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

/// RFC 9110, 5.5: a field value holds no control character but HTAB.
bool isFieldValue(const QByteArray &value)
{
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\t') || byte == 0x7f)
            return false;
    }
    return true;
}

/// RFC 9112, 6.3: Content-Length = 1*DIGIT; no sign, no blanks, and no
/// leading zero (a length is written once, canonically). -1 when malformed,
/// -2 when too large to be a length at all.
qlonglong parseContentLength(const QByteArray &value)
{
    if (value.isEmpty() || (value.size() > 1 && value.startsWith('0')))
        return -1;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return -1;
    }
    if (value.size() > 18)
        return -2;
    return value.toLongLong();
}

}  // namespace

bool HttpParser::checkParameters(const QByteArray &encoded, QString *why)
{
    for (const QByteArray &item : encoded.split('&')) {
        const qsizetype equals = item.indexOf('=');
        const QByteArray name = QByteArray::fromPercentEncoding(equals < 0 ? item : item.left(equals));
        const QByteArray value
            = equals < 0 ? QByteArray() : QByteArray::fromPercentEncoding(item.mid(equals + 1));
        if (!QByteArrayView(name).isValidUtf8()) {
            *why = QStringLiteral("a parameter name is not valid UTF-8: %1")
                       .arg(QString::fromLatin1(name.toPercentEncoding()));
            return false;
        }
        if (!QByteArrayView(value).isValidUtf8()) {
            *why = QStringLiteral("parameter '%1' is not valid UTF-8").arg(QString::fromUtf8(name));
            return false;
        }
    }
    return true;
}

HttpParser::State HttpParser::fail(int status, const QString &message)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorMessage = message;
    m_buffer.clear();
    m_headerScanned = 0;
    m_continuePending = false;
    return m_state;
}

HttpParser::State HttpParser::parseHeader(qsizetype end)
{
    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + 4);
    // Every line ends in CRLF: a CR or LF anywhere else is refused, not
    // guessed at (RFC 9112, 2.2), so no two parsers can read it differently.
    QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QByteArray &line = lines[i];
        if (i + 1 < lines.size()) {
            if (!line.endsWith('\r'))
                return fail(
                    400, QStringLiteral("line %1 of the header ends in a bare LF; use CRLF").arg(i + 1));
            line.chop(1);
        }
        if (line.contains('\r'))
            return fail(400, QStringLiteral("bare CR in line %1 of the header").arg(i + 1));
    }
    const QByteArray &requestLine = lines.constFirst();
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
    if (!isFieldValue(target) || target.contains('\t'))
        return fail(400, QStringLiteral("control character in the request target"));

    m_request = HttpRequest{};
    m_request.method = parts.at(0);
    const qsizetype question = target.indexOf('?');
    const QByteArray rawPath = question < 0 ? target : target.left(question);
    const QByteArray path = QByteArray::fromPercentEncoding(rawPath);
    // Decoding would fold invalid UTF-8 into U+FFFD: two different names would read the same.
    if (!QByteArrayView(path).isValidUtf8())
        return fail(400, QStringLiteral("the path is not valid UTF-8"));
    m_request.path = QString::fromUtf8(path);
    if (m_request.path.contains(u'\0'))
        return fail(400, QStringLiteral("malformed path"));
    // Split first, then decode each segment: "a%2Fb" is one name, not two.
    for (const QByteArray &raw : rawPath.split('/')) {
        const QString segment = QString::fromUtf8(QByteArray::fromPercentEncoding(raw));
        if (segment == u".." || segment == u".")
            return fail(400, QStringLiteral("malformed path: \"%1\" segments are not served").arg(segment));
        m_request.segments.append(segment);
    }
    if (question >= 0) {
        const QByteArray rawQuery = target.mid(question + 1);
        QString why;
        if (!checkParameters(rawQuery, &why))
            return fail(400, why);
        m_request.query.setQuery(QString::fromUtf8(rawQuery));
    }
    const bool http11 = parts.at(2) == "HTTP/1.1";
    m_request.keepAlive = http11;

    bool haveLength = false;
    int hosts = 0;
    QByteArray expect;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            continue;
        if (line.startsWith(' ') || line.startsWith('\t'))
            return fail(400, QStringLiteral("folded header lines are not accepted"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon)))
            return fail(400, QStringLiteral("malformed header line %1").arg(i + 1));
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (!isFieldValue(value))
            return fail(400, QStringLiteral("control character in header line %1").arg(i + 1));
        if (name == "content-length") {
            const qlonglong length = parseContentLength(value);
            if (length == -1 || (haveLength && length != m_bodyLength))
                return fail(400, QStringLiteral("invalid Content-Length"));
            if (length == -2 || length > MaxBodyBytes)
                return fail(413, QStringLiteral("the body exceeds %1 bytes").arg(MaxBodyBytes));
            m_bodyLength = length;
            haveLength = true;
        } else if (name == "transfer-encoding") {
            return fail(501, QStringLiteral("Transfer-Encoding is not supported; send Content-Length"));
        } else if (name == "host") {
            ++hosts;
        } else if (name == "expect") {
            expect = value.toLower();
        } else if (name == "connection") {
            const QByteArray lower = value.toLower();
            if (lower.contains("close"))
                m_request.keepAlive = false;
            else if (lower.contains("keep-alive"))
                m_request.keepAlive = true;
        }
        m_request.headers.append({name, value});
    }
    // RFC 9112, 3.2: exactly one Host in HTTP/1.1; at most one in 1.0.
    if ((http11 && hosts == 0) || hosts > 1)
        return fail(400,
            hosts == 0 ? QStringLiteral("an HTTP/1.1 request needs a Host header")
                       : QStringLiteral("more than one Host header"));
    // RFC 9110, 10.1.1: 100-continue is the only expectation; HTTP/1.0 ones are ignored.
    if (http11 && !expect.isNull()) {
        if (expect != "100-continue")
            return fail(417, QStringLiteral("only \"Expect: 100-continue\" is supported"));
        m_continuePending = m_bodyLength > 0;
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
        while (m_buffer.startsWith("\r\n")) {
            m_buffer.remove(0, 2);
            m_headerScanned = qMax<qsizetype>(0, m_headerScanned - 2);
        }
        // Search only what came since the last feed (and the 3 bytes before
        // it, where the blank line may have begun): a header trickled in byte
        // by byte costs linear time, not quadratic.
        const qsizetype end = m_buffer.indexOf("\r\n\r\n", qMax<qsizetype>(0, m_headerScanned - 3));
        m_headerScanned = end < 0 ? m_buffer.size() : 0;
        if (end < 0) {
            // A header of exactly MaxHeaderBytes is accepted below; its blank
            // line may still be on the way, so wait for those 4 bytes too:
            // how the stream was split must not change the verdict.
            if (m_buffer.size() > MaxHeaderBytes + 3)
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
    // The body is here already: no interim answer is due.
    m_continuePending = false;
    m_request.body = m_buffer.left(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    // A form-encoded body carries parameters only on POST, as HTML forms
    // send them. A PUT body is the resource itself: curl's --data-binary
    // labels a config "x-www-form-urlencoded" unless told otherwise.
    const QByteArray contentType = m_request.header("content-type");
    if (m_request.method == "POST" && contentType.startsWith("application/x-www-form-urlencoded")) {
        QString why;
        if (!checkParameters(m_request.body, &why))
            return fail(400, why);
        QString form = QString::fromUtf8(m_request.body);
        form.replace(u'+', u' ');
        const QUrlQuery formQuery(form);
        for (const auto &[key, value] : formQuery.queryItems(QUrl::FullyEncoded))
            m_request.query.addQueryItem(key, value);
    }
    m_state = State::Complete;
    return m_state;
}

bool HttpParser::takeContinueRequest()
{
    return std::exchange(m_continuePending, false);
}

HttpRequest HttpParser::takeRequest()
{
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest{};
    m_headerDone = false;
    m_bodyLength = 0;
    m_continuePending = false;
    m_state = State::NeedMore;
    return request;
}

}  // namespace Balancier
