#include "sseparser.h"

namespace Balancier {

QList<SseEvent> SseParser::feed(const QByteArray &chunk)
{
    QList<SseEvent> events;
    m_buffer.append(chunk);
    qsizetype start = 0;
    if (m_skipLeadingLf && !m_buffer.isEmpty()) {
        if (m_buffer.at(0) == '\n')
            start = 1;
        m_skipLeadingLf = false;
    }
    for (qsizetype i = start; i < m_buffer.size(); ++i) {
        const char c = m_buffer.at(i);
        if (c != '\n' && c != '\r')
            continue;
        processLine(m_buffer.mid(start, i - start), &events);
        if (c == '\r') {
            if (i + 1 < m_buffer.size()) {
                if (m_buffer.at(i + 1) == '\n')
                    ++i;
            } else {
                // CRLF may be split across chunks.
                m_skipLeadingLf = true;
            }
        }
        start = i + 1;
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() + m_current.data.size() > MaxPending)
        reset();
    return events;
}

void SseParser::reset()
{
    m_buffer.clear();
    m_skipLeadingLf = false;
    m_current = SseEvent();
    m_hasData = false;
}

void SseParser::processLine(const QByteArray &line, QList<SseEvent> *events)
{
    if (line.isEmpty()) {
        if (m_hasData) {
            if (m_current.data.endsWith('\n'))
                m_current.data.chop(1);
            events->append(m_current);
        }
        // The id persists as "last event id" in a browser; here the caller
        // keeps it, so every event starts afresh.
        m_current = SseEvent();
        m_hasData = false;
        return;
    }
    if (line.startsWith(':'))
        return;
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "data") {
        m_current.data.append(value);
        m_current.data.append('\n');
        m_hasData = true;
    } else if (field == "event") {
        m_current.type = value.isEmpty() ? QByteArrayLiteral("message") : value;
    } else if (field == "id") {
        if (!value.contains('\0')) {
            m_current.id = value;
            m_current.hasId = true;
        }
    }
}

}  // namespace Balancier
