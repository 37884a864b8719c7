#pragma once

#include "admin/http/httpmessage.h"

#include <QByteArray>
#include <QString>

namespace Balancier {

/// Incremental, strict HTTP/1.1 request parser with hard limits (RFC 9112):
/// CRLF line ends only, no bare CR or LF, no control characters in field
/// values, Content-Length as plain digits, exactly one Host in HTTP/1.1,
/// `Expect: 100-continue` or none, and a path and parameters that are valid
/// UTF-8 once percent-decoded.
///
/// Thread contract: owned by one connection, used from its thread.
class HttpParser final
{
public:
    static constexpr qsizetype MaxHeaderBytes = 16 * 1024;
    static constexpr qsizetype MaxBodyBytes = 8 * 1024 * 1024;  ///< a large config fits

    enum class State
    {
        NeedMore,  ///< keep feeding
        Complete,  ///< request() is ready; takeRequest() then feed({}) for the next
        Failed,  ///< errorStatus()/errorMessage() say why; close after answering
    };

    /// Appends bytes and parses as far as possible.
    State feed(const QByteArray &bytes);
    HttpRequest takeRequest();
    /// True once when the header just parsed asked for `100 Continue` and
    /// the body has yet to come: the caller sends the interim response.
    bool takeContinueRequest();

    int errorStatus() const { return m_errorStatus; }
    const QString &errorMessage() const { return m_errorMessage; }
    /// True while part of a request has arrived (for the slow-request timeout).
    bool inProgress() const { return !m_buffer.isEmpty() || m_headerDone; }

private:
    State fail(int status, const QString &message);
    State parseHeader(qsizetype end);
    /// Checks that every `&`-separated name and value of `encoded` is UTF-8
    /// once percent-decoded; `why` names the first that is not.
    static bool checkParameters(const QByteArray &encoded, QString *why);

    QByteArray m_buffer;
    qsizetype m_headerScanned = 0;  ///< bytes of m_buffer searched for the header's end in vain
    HttpRequest m_request;
    bool m_headerDone = false;
    qsizetype m_bodyLength = 0;
    bool m_continuePending = false;
    State m_state = State::NeedMore;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

}  // namespace Balancier
