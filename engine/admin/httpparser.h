#pragma once

#include "admin/httpmessage.h"

#include <QByteArray>
#include <QString>

namespace Balancier {

/// Incremental, strict HTTP/1.1 request parser with hard limits.
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

    int errorStatus() const { return m_errorStatus; }
    const QString &errorMessage() const { return m_errorMessage; }
    /// True while part of a request has arrived (for the slow-request timeout).
    bool inProgress() const { return !m_buffer.isEmpty() || m_headerDone; }

private:
    State fail(int status, const QString &message);
    State parseHeader(qsizetype end);

    QByteArray m_buffer;
    HttpRequest m_request;
    bool m_headerDone = false;
    qsizetype m_bodyLength = 0;
    State m_state = State::NeedMore;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

}  // namespace Balancier
