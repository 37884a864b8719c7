#pragma once

#include <QString>
#include <QtGlobal>

struct ssl_st;

namespace Balancier {

/// The TLS side of one terminated client connection: an OpenSSL SSL object
/// bound to the client's raw non-blocking socket (SSL_set_fd), so that
/// OpenSSL reads and writes the socket itself and may hand the record layer
/// to the kernel (kTLS) after the handshake. Every call returns at once:
/// WantRead / WantWrite say which readiness of the socket to wait for.
///
/// Without OpenSSL at build time the class exists but is never created
/// (TlsServerContext::available() is false).
///
/// Thread contract: created, used and destroyed in the session's worker thread.
class TlsStream final
{
    Q_DISABLE_COPY_MOVE(TlsStream)

public:
    enum class Status
    {
        Done,  ///< the call completed (bytes moved, handshake finished)
        WantRead,  ///< retry once the socket is readable
        WantWrite,  ///< retry once the socket is writable
        Closed,  ///< the peer ended its stream (close_notify, or a plain FIN)
        Failed,  ///< a protocol or socket error: error() says which
    };

    /// Takes ownership of `ssl` (SSL_free on destruction).
    explicit TlsStream(ssl_st *ssl);
    ~TlsStream();

    Status handshake();
    /// SSL_read: at most one record per call; `*got` bytes on Done.
    Status read(char *data, qint64 size, qint64 *got);
    /// SSL_write with partial writes: `*put` bytes on Done (may be fewer than `size`).
    Status write(const char *data, qint64 size, qint64 *put);
    /// Sends close_notify (best effort: a full socket drops it).
    void shutdown();

    /// What the last Failed was, e.g. "wrong version number" or
    /// "client certificate: unable to get local issuer certificate".
    const QString &error() const { return m_error; }
    QString serverName() const;  ///< SNI, after the ClientHello
    QString alpn() const;  ///< the protocol chosen, after the handshake
    QString version() const;  ///< "TLSv1.3", after the handshake
    QString cipher() const;
    /// Kernel TLS carries the records (send side), after the handshake.
    bool kernelTls() const;

private:
    Status statusOf(int ret, const char *what);

    ssl_st *m_ssl;
    QString m_error;
};

}  // namespace Balancier
