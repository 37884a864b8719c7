#include "tlsstream.h"

#ifdef BALANCIER_HAVE_OPENSSL
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#endif

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

namespace Balancier {

#ifdef BALANCIER_HAVE_OPENSSL

namespace {

QString openSslErrors()
{
    QString text;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        const char *reason = ERR_reason_error_string(code);
        if (!text.isEmpty())
            text += u"; ";
        text += QString::fromUtf8(reason ? reason : buffer);
    }
    return text;
}

int clampSize(qint64 size)
{
    return int(std::min<qint64>(size, std::numeric_limits<int>::max()));
}

}  // namespace

TlsStream::TlsStream(ssl_st *ssl)
    : m_ssl(ssl)
{ }

TlsStream::~TlsStream()
{
    SSL_free(m_ssl);
}

TlsStream::Status TlsStream::statusOf(int ret, const char *what)
{
    const int code = SSL_get_error(m_ssl, ret);
    switch (code) {
    case SSL_ERROR_WANT_READ:
        return Status::WantRead;
    case SSL_ERROR_WANT_WRITE:
        return Status::WantWrite;
    case SSL_ERROR_ZERO_RETURN:
        return Status::Closed;
    case SSL_ERROR_SYSCALL: {
        const QString queued = openSslErrors();
        if (queued.isEmpty() && errno == 0)
            return Status::Closed;  // a FIN without close_notify (SSL_OP_IGNORE_UNEXPECTED_EOF aside)
        m_error = QString::fromLatin1(what) + u": "
            + (queued.isEmpty() ? QString::fromLocal8Bit(strerror(errno)) : queued);
        return Status::Failed;
    }
    default: {
        QString queued = openSslErrors();
        const long verify = SSL_get_verify_result(m_ssl);
        if (verify != X509_V_OK) {
            queued += (queued.isEmpty() ? u"" : u"; ") + QStringLiteral("client certificate: ")
                + QString::fromUtf8(X509_verify_cert_error_string(verify));
        }
        m_error = QString::fromLatin1(what) + u": " + (queued.isEmpty() ? QStringLiteral("error") : queued);
        return Status::Failed;
    }
    }
}

TlsStream::Status TlsStream::handshake()
{
    ERR_clear_error();
    errno = 0;
    const int ret = SSL_do_handshake(m_ssl);
    return ret == 1 ? Status::Done : statusOf(ret, "handshake");
}

TlsStream::Status TlsStream::read(char *data, qint64 size, qint64 *got)
{
    ERR_clear_error();
    errno = 0;
    size_t read = 0;
    const int ret = SSL_read_ex(m_ssl, data, size_t(clampSize(size)), &read);
    if (ret == 1) {
        *got = qint64(read);
        return Status::Done;
    }
    *got = 0;
    return statusOf(ret, "TLS read");
}

TlsStream::Status TlsStream::write(const char *data, qint64 size, qint64 *put)
{
    ERR_clear_error();
    errno = 0;
    size_t written = 0;
    const int ret = SSL_write_ex(m_ssl, data, size_t(clampSize(size)), &written);
    if (ret == 1) {
        *put = qint64(written);
        return Status::Done;
    }
    *put = 0;
    return statusOf(ret, "TLS write");
}

void TlsStream::shutdown()
{
    ERR_clear_error();
    if (!(SSL_get_shutdown(m_ssl) & SSL_SENT_SHUTDOWN) && SSL_is_init_finished(m_ssl))
        SSL_shutdown(m_ssl);
    ERR_clear_error();
}

QString TlsStream::serverName() const
{
    const char *name = SSL_get_servername(m_ssl, TLSEXT_NAMETYPE_host_name);
    return name ? QString::fromUtf8(name) : QString();
}

QString TlsStream::alpn() const
{
    const unsigned char *data = nullptr;
    unsigned int length = 0;
    SSL_get0_alpn_selected(m_ssl, &data, &length);
    return data ? QString::fromLatin1(reinterpret_cast<const char *>(data), qsizetype(length)) : QString();
}

QString TlsStream::version() const
{
    return QString::fromLatin1(SSL_get_version(m_ssl));
}

QString TlsStream::cipher() const
{
    const char *name = SSL_get_cipher_name(m_ssl);
    return name ? QString::fromLatin1(name) : QString();
}

bool TlsStream::kernelTls() const
{
#if defined(BIO_get_ktls_send)
    return BIO_get_ktls_send(SSL_get_wbio(m_ssl)) != 0;
#else
    return false;
#endif
}

#else  // !BALANCIER_HAVE_OPENSSL

TlsStream::TlsStream(ssl_st *ssl)
    : m_ssl(ssl)
    , m_error(QStringLiteral("built without TLS"))
{ }

TlsStream::~TlsStream() = default;

TlsStream::Status TlsStream::statusOf(int, const char *)
{
    return Status::Failed;
}

TlsStream::Status TlsStream::handshake()
{
    return Status::Failed;
}

TlsStream::Status TlsStream::read(char *, qint64, qint64 *got)
{
    *got = 0;
    return Status::Failed;
}

TlsStream::Status TlsStream::write(const char *, qint64, qint64 *put)
{
    *put = 0;
    return Status::Failed;
}

void TlsStream::shutdown()
{ }

QString TlsStream::serverName() const
{
    return {};
}

QString TlsStream::alpn() const
{
    return {};
}

QString TlsStream::version() const
{
    return {};
}

QString TlsStream::cipher() const
{
    return {};
}

bool TlsStream::kernelTls() const
{
    return false;
}

#endif

}  // namespace Balancier
