#pragma once

#include "config/config.h"
#include "runtime/serviceroute.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

struct ssl_st;
struct ssl_ctx_st;

namespace Balancier {

/// The server side of one terminating listener (<listen tls="terminate">):
/// an OpenSSL SSL_CTX with the default certificate, one per <cert> chosen by
/// the client's SNI, the minimum version, ciphers, ALPN and the client
/// certificate check. Built and checked on the control thread from the
/// files' bytes, then immutable: a certificate reload builds a new one and
/// publishes it with the service's route; handshakes that started keep the
/// one they started with (a session holds its route).
///
/// Without OpenSSL at build time, available() is false and build() always
/// fails with "built without TLS".
///
/// Thread contract: build() on any one thread; after that, const and safe
/// to share between worker threads (SSL_new is thread-safe on a context).
class TlsServerContext final
{
    Q_DISABLE_COPY_MOVE(TlsServerContext)

public:
    /// What is wrong, and where: `attribute` of the <listen> ("cert",
    /// "key", "ciphers", ...) or, with `certificate` >= 0, of that <cert> child.
    struct Problem
    {
        QString attribute;
        int certificate = -1;
        QString message;
    };

    /// True when this build can terminate TLS (it found OpenSSL).
    static bool available();
    /// "OpenSSL 3.0.11 19 Sep 2023", or "none".
    static QString libraryVersion();
    /// `file` as given, or, when relative, under `baseDir` (when that is set).
    static QString resolve(const QString &file, const QString &baseDir);

    /// Reads every file of `options` (paths relative to `baseDir`) and
    /// builds the context; nullptr with `problem` filled when a file is
    /// unreadable, not PEM, a key does not match its certificate, or
    /// OpenSSL refuses a setting. `warnings` (may be null) gets what is
    /// suspicious but allowed (an expired certificate).
    static std::shared_ptr<TlsServerContext> build(
        const ListenerTlsConfig &options, const QString &baseDir, Problem *problem, QStringList *warnings);

    /// A digest of the bytes of every file `options` names, as they are now
    /// (a file that cannot be read counts as its error text): equal digests,
    /// nothing to reload.
    static QByteArray digestFiles(const ListenerTlsConfig &options, const QString &baseDir);

    ~TlsServerContext();

    /// A new server-side TLS connection on `socket`; nullptr if OpenSSL
    /// cannot make one (out of memory). Any worker thread.
    ssl_st *newConnection(qintptr socket) const;

    /// The default certificate first, then the <cert> ones in order.
    const QList<TlsCertificateInfo> &certificates() const { return m_certificates; }
    const ListenerTlsConfig &options() const { return m_options; }
    /// digestFiles() when it was built.
    const QByteArray &digest() const { return m_digest; }
    /// Kernel TLS was asked of OpenSSL (the kernel may still say no per connection).
    bool kernelTlsRequested() const { return m_ktlsRequested; }

private:
    TlsServerContext() = default;

    /// The <cert> context whose names match `serverName`, or null.
    ssl_ctx_st *contextFor(const char *serverName) const;
    static int handleServerName(ssl_st *ssl, int *alert, void *arg);

    struct Named
    {
        QStringList names;  ///< lower case; "*.suffix" wildcards keep their star
        ssl_ctx_st *context = nullptr;
    };

    ListenerTlsConfig m_options;
    ssl_ctx_st *m_default = nullptr;
    QList<Named> m_named;
    QByteArray m_alpnWire;  ///< the ALPN list in wire format
    QList<TlsCertificateInfo> m_certificates;
    QByteArray m_digest;
    bool m_ktlsRequested = false;
};

}  // namespace Balancier
