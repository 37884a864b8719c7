#pragma once

#include <QByteArray>
#include <QList>

namespace Balancier {

/// One event of a text/event-stream.
struct SseEvent
{
    QByteArray type = QByteArrayLiteral("message");
    QByteArray data;  ///< the data lines joined with '\n'
    QByteArray id;  ///< the event's id field, or empty
    bool hasId = false;
};

/// Splits a Server-Sent Events stream, fed in arbitrary chunks, into
/// events, as the WHATWG "event stream interpretation" says: lines end with
/// LF, CRLF or CR; a blank line dispatches; "data" lines join with LF;
/// lines starting with ':' are comments; unknown fields are ignored.
///
/// Thread contract: a value owned by one thread at a time.
class SseParser final
{
public:
    /// Feeds a chunk; returns the events it completed, in order.
    QList<SseEvent> feed(const QByteArray &chunk);
    /// Forgets a partial event (after the connection was lost).
    void reset();

    /// Most bytes kept for one unfinished line or event; a peer that sends
    /// more without a line break is cut off (the stream is then reset).
    static constexpr qsizetype MaxPending = 8 * 1024 * 1024;

private:
    void processLine(const QByteArray &line, QList<SseEvent> *events);

    QByteArray m_buffer;
    bool m_skipLeadingLf = false;  // the previous chunk ended with CR
    SseEvent m_current;
    bool m_hasData = false;
};

}  // namespace Balancier
