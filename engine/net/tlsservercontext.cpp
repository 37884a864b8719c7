#include "tlsservercontext.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <ctime>

#ifdef BALANCIER_HAVE_OPENSSL
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#endif

using namespace Qt::StringLiterals;

namespace Balancier {

QString TlsServerContext::resolve(const QString &file, const QString &baseDir)
{
    if (file.isEmpty() || baseDir.isEmpty() || QFileInfo(file).isAbsolute())
        return file;
    return QDir(baseDir).absoluteFilePath(file);
}

QByteArray TlsServerContext::digestFiles(const ListenerTlsConfig &options, const QString &baseDir)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &file : options.files()) {
        QFile input(resolve(file, baseDir));
        hash.addData(file.toUtf8());
        if (input.open(QIODevice::ReadOnly))
            hash.addData(input.readAll());
        else
            hash.addData(input.errorString().toUtf8());
        hash.addData(QByteArrayView("\0", 1));
    }
    return hash.result();
}

#ifdef BALANCIER_HAVE_OPENSSL

namespace {

/// Never asks for a passphrase (OpenSSL would prompt on the terminal).
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

QString takeErrors()
{
    QString text;
    while (const unsigned long code = ERR_get_error()) {
        const char *reason = ERR_reason_error_string(code);
        char buffer[256];
        if (!reason) {
            ERR_error_string_n(code, buffer, sizeof buffer);
            reason = buffer;
        }
        if (!text.isEmpty())
            text += u"; ";
        text += QString::fromUtf8(reason);
    }
    return text;
}

QString quoted(const QString &file)
{
    return u'"' + file + u'"';
}

struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct X509Deleter
{
    void operator()(X509 *cert) const { X509_free(cert); }
};
struct KeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using KeyPtr = std::unique_ptr<EVP_PKEY, KeyDeleter>;

bool readFile(const QString &path, const QString &written, QByteArray *out, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read "_s + quoted(written) + u": "_s + file.errorString();
        return false;
    }
    *out = file.read(4 * 1024 * 1024);  // a certificate bundle is far smaller
    return true;
}

QDateTime dateOf(const ASN1_TIME *time)
{
    std::tm parts{};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
        QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), QTimeZone::utc());
}

TlsCertificateInfo describe(X509 *cert)
{
    TlsCertificateInfo info;
    if (BioPtr bio(BIO_new(BIO_s_mem())); bio) {
        X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253);
        char *data = nullptr;
        const long length = BIO_get_mem_data(bio.get(), &data);
        info.subject = QString::fromUtf8(data, qsizetype(length));
    }
    if (auto *names
        = static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr))) {
        for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
            const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, i);
            if (name->type == GEN_DNS) {
                const ASN1_IA5STRING *dns = name->d.dNSName;
                info.names.append(QString::fromLatin1(
                    reinterpret_cast<const char *>(ASN1_STRING_get0_data(dns)), ASN1_STRING_length(dns)));
            } else if (name->type == GEN_IPADD) {
                const ASN1_OCTET_STRING *ip = name->d.iPAddress;
                const auto *bytes = ASN1_STRING_get0_data(ip);
                const int length = ASN1_STRING_length(ip);
                if (length == 4) {
                    info.names.append(QStringLiteral("%1.%2.%3.%4")
                                          .arg(bytes[0])
                                          .arg(bytes[1])
                                          .arg(bytes[2])
                                          .arg(bytes[3]));
                } else if (length == 16) {
                    QStringList groups;
                    for (int j = 0; j < 16; j += 2)
                        groups.append(QString::number((bytes[j] << 8) | bytes[j + 1], 16));
                    info.names.append(groups.join(u':'));
                }
            }
        }
        GENERAL_NAMES_free(names);
    }
    info.notAfter = dateOf(X509_get0_notAfter(cert));
    return info;
}

int selectAlpn(SSL *, const unsigned char **out, unsigned char *outLength, const unsigned char *in,
    unsigned int inLength, void *arg)
{
    const auto *wire = static_cast<const QByteArray *>(arg);
    unsigned char *chosen = nullptr;
    if (SSL_select_next_proto(&chosen, outLength, reinterpret_cast<const unsigned char *>(wire->constData()),
            unsigned(wire->size()), in, inLength)
        != OPENSSL_NPN_NEGOTIATED) {
        return SSL_TLSEXT_ERR_NOACK;  // no common protocol: go on without ALPN, as HAProxy does
    }
    *out = chosen;
    return SSL_TLSEXT_ERR_OK;
}

/// One SSL_CTX with the listener's settings and one certificate (and chain) and key.
SSL_CTX *makeContext(const ListenerTlsConfig &options, const QString &baseDir, const QString &certFile,
    const QString &keyFile, const QByteArray *alpnWire, TlsServerContext::Problem *problem,
    TlsCertificateInfo *info, QByteArray *caData)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx) {
        problem->message = u"OpenSSL cannot create a context: "_s + takeErrors();
        return nullptr;
    }
    const auto fail = [&](const QString &attribute, const QString &message) {
        problem->attribute = attribute;
        problem->message = message;
        SSL_CTX_free(ctx);
        return nullptr;
    };
    ERR_clear_error();
    SSL_CTX_set_default_passwd_cb(ctx, noPassphrase);
    SSL_CTX_set_min_proto_version(ctx, options.minVersion == u"1.3" ? TLS1_3_VERSION : TLS1_2_VERSION);
    // Renegotiation is a CPU lever for clients; compression leaks (CRIME).
    // A FIN without close_notify is taken as the end, as a plain TCP relay would.
    uint64_t flags = SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE
        | SSL_OP_IGNORE_UNEXPECTED_EOF;
#ifdef SSL_OP_ENABLE_KTLS
    flags |= SSL_OP_ENABLE_KTLS;
#endif
    SSL_CTX_set_options(ctx, flags);
    // Partial writes and a moving buffer: the relay writes what the socket
    // takes and keeps the rest in its own bounded buffer. Buffers go back
    // while a connection is idle: bounded memory per connection.
    SSL_CTX_set_mode(
        ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS);
    static const unsigned char sessionContext[] = "balancier";
    SSL_CTX_set_session_id_context(ctx, sessionContext, sizeof sessionContext - 1);
    if (!options.ciphers.isEmpty()
        && SSL_CTX_set_cipher_list(ctx, options.ciphers.toLatin1().constData()) != 1)
        return fail(u"ciphers"_s, u"OpenSSL accepts no TLS 1.2 cipher of \""_s + options.ciphers + u'"');
    if (!options.cipherSuites.isEmpty()
        && SSL_CTX_set_ciphersuites(ctx, options.cipherSuites.toLatin1().constData()) != 1) {
        return fail(u"ciphersuites"_s,
            u"OpenSSL does not accept the TLS 1.3 cipher suites \""_s + options.cipherSuites + u'"');
    }
    ERR_clear_error();

    const QString certAttribute = info->sni.isEmpty() ? u"cert"_s : u"file"_s;
    QByteArray certData;
    QString error;
    if (!readFile(TlsServerContext::resolve(certFile, baseDir), certFile, &certData, &error))
        return fail(certAttribute, error);
    BioPtr certBio(BIO_new_mem_buf(certData.constData(), int(certData.size())));
    X509Ptr cert(PEM_read_bio_X509_AUX(certBio.get(), nullptr, noPassphrase, nullptr));
    if (!cert)
        return fail(certAttribute, u"no PEM certificate in "_s + quoted(certFile));
    if (SSL_CTX_use_certificate(ctx, cert.get()) != 1)
        return fail(certAttribute, quoted(certFile) + u": "_s + takeErrors());
    SSL_CTX_clear_chain_certs(ctx);
    while (X509 *extra = PEM_read_bio_X509(certBio.get(), nullptr, noPassphrase, nullptr)) {
        if (SSL_CTX_add0_chain_cert(ctx, extra) != 1) {
            X509_free(extra);
            return fail(certAttribute, quoted(certFile) + u": a chain certificate: "_s + takeErrors());
        }
    }
    ERR_clear_error();  // the end of the chain reads as "no start line"

    QByteArray keyData;
    if (!readFile(TlsServerContext::resolve(keyFile, baseDir), keyFile, &keyData, &error))
        return fail(u"key"_s, error);
    BioPtr keyBio(BIO_new_mem_buf(keyData.constData(), int(keyData.size())));
    KeyPtr key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr));
    if (!key) {
        const bool encrypted = keyData.contains("ENCRYPTED");
        ERR_clear_error();
        return fail(u"key"_s,
            encrypted ? QString(
                u"the private key in "_s + quoted(keyFile) + u" is encrypted; give it without a passphrase"_s)
                      : QString(u"no PEM private key in "_s + quoted(keyFile)));
    }
    if (SSL_CTX_use_PrivateKey(ctx, key.get()) != 1 || SSL_CTX_check_private_key(ctx) != 1) {
        ERR_clear_error();
        return fail(u"key"_s,
            u"the key in "_s + quoted(keyFile) + u" does not match the certificate in "_s + quoted(certFile));
    }

    if (!options.clientCa.isEmpty()) {
        if (caData->isEmpty()) {
            if (!readFile(
                    TlsServerContext::resolve(options.clientCa, baseDir), options.clientCa, caData, &error))
                return fail(u"clientca"_s, error);
        }
        BioPtr caBio(BIO_new_mem_buf(caData->constData(), int(caData->size())));
        X509_STORE *store = SSL_CTX_get_cert_store(ctx);
        STACK_OF(X509_NAME) *names = sk_X509_NAME_new_null();
        int count = 0;
        while (X509 *ca = PEM_read_bio_X509(caBio.get(), nullptr, noPassphrase, nullptr)) {
            X509_STORE_add_cert(store, ca);
            if (X509_NAME *name = X509_NAME_dup(X509_get_subject_name(ca)))
                sk_X509_NAME_push(names, name);
            X509_free(ca);
            ++count;
        }
        ERR_clear_error();
        if (count == 0) {
            sk_X509_NAME_pop_free(names, X509_NAME_free);
            return fail(u"clientca"_s, u"no PEM certificate in "_s + quoted(options.clientCa));
        }
        SSL_CTX_set_client_CA_list(ctx, names);
        SSL_CTX_set_verify(
            ctx, SSL_VERIFY_PEER | (options.verifyClient ? SSL_VERIFY_FAIL_IF_NO_PEER_CERT : 0), nullptr);
    }
    if (!alpnWire->isEmpty())
        SSL_CTX_set_alpn_select_cb(ctx, selectAlpn, const_cast<QByteArray *>(alpnWire));

    const QStringList sni = info->sni;
    *info = describe(cert.get());
    info->file = certFile;
    info->sni = sni;
    return ctx;
}

bool nameMatches(const QString &pattern, const QString &name)
{
    if (pattern.startsWith(u"*.")) {
        // One label, as in a certificate: "*.b.example" takes "x.b.example",
        // not "b.example" nor "y.x.b.example".
        const QStringView suffix = QStringView(pattern).mid(1);
        return name.endsWith(suffix) && name.size() > suffix.size()
            && !QStringView(name).first(name.size() - suffix.size()).contains(u'.');
    }
    return pattern == name;
}

}  // namespace

bool TlsServerContext::available()
{
    return true;
}

QString TlsServerContext::libraryVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

std::shared_ptr<TlsServerContext> TlsServerContext::build(
    const ListenerTlsConfig &options, const QString &baseDir, Problem *problem, QStringList *warnings)
{
    std::shared_ptr<TlsServerContext> context(new TlsServerContext);
    context->m_options = options;
    context->m_digest = digestFiles(options, baseDir);
    for (const QString &protocol : options.alpn) {
        const QByteArray name = protocol.toLatin1();
        if (name.isEmpty() || name.size() > 255) {
            problem->attribute = u"alpn"_s;
            problem->message = u"an ALPN protocol name has 1 to 255 characters"_s;
            return nullptr;
        }
        context->m_alpnWire.append(char(name.size()));
        context->m_alpnWire.append(name);
    }
    QByteArray caData;
    TlsCertificateInfo info;
    context->m_default = makeContext(
        options, baseDir, options.cert, options.key, &context->m_alpnWire, problem, &info, &caData);
    if (!context->m_default)
        return nullptr;
    context->m_certificates.append(info);
    for (int i = 0; i < options.certificates.size(); ++i) {
        const TlsCertificateConfig &extra = options.certificates.at(i);
        TlsCertificateInfo named;
        named.sni = extra.sni;
        SSL_CTX *ctx = makeContext(
            options, baseDir, extra.file, extra.key, &context->m_alpnWire, problem, &named, &caData);
        if (!ctx) {
            problem->certificate = i;
            if (problem->attribute == u"cert")
                problem->attribute = u"file"_s;
            return nullptr;
        }
        Named entry;
        for (const QString &name : extra.sni)
            entry.names.append(name.trimmed().toLower());
        entry.context = ctx;
        context->m_named.append(entry);
        context->m_certificates.append(named);
    }
    if (!context->m_named.isEmpty()) {
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"  // OpenSSL's macro casts the callback
#endif
        SSL_CTX_set_tlsext_servername_callback(context->m_default, handleServerName);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
        SSL_CTX_set_tlsext_servername_arg(context->m_default, context.get());
    }
#ifdef SSL_OP_ENABLE_KTLS
    context->m_ktlsRequested = true;
#endif
    if (warnings) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const TlsCertificateInfo &certificate : std::as_const(context->m_certificates)) {
            if (certificate.notAfter.isValid() && certificate.notAfter < now) {
                warnings->append(u"the certificate in \""_s + certificate.file + u"\" expired on "_s
                    + certificate.notAfter.toString(Qt::ISODate));
            }
        }
    }
    return context;
}

TlsServerContext::~TlsServerContext()
{
    for (const Named &entry : std::as_const(m_named))
        SSL_CTX_free(entry.context);
    SSL_CTX_free(m_default);
}

ssl_st *TlsServerContext::newConnection(qintptr socket) const
{
    SSL *ssl = SSL_new(m_default);
    if (!ssl)
        return nullptr;
    if (SSL_set_fd(ssl, int(socket)) != 1) {
        SSL_free(ssl);
        ERR_clear_error();
        return nullptr;
    }
    SSL_set_accept_state(ssl);
    return ssl;
}

ssl_ctx_st *TlsServerContext::contextFor(const char *serverName) const
{
    const QString name = QString::fromUtf8(serverName).toLower();
    for (const Named &entry : m_named) {
        for (const QString &pattern : entry.names) {
            if (nameMatches(pattern, name))
                return entry.context;
        }
    }
    return nullptr;
}

int TlsServerContext::handleServerName(ssl_st *ssl, int *, void *arg)
{
    const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    if (!name)
        return SSL_TLSEXT_ERR_NOACK;
    const auto *self = static_cast<const TlsServerContext *>(arg);
    if (SSL_CTX *chosen = self->contextFor(name))
        SSL_set_SSL_CTX(ssl, chosen);
    return SSL_TLSEXT_ERR_OK;  // no match: the default certificate
}

#else  // !BALANCIER_HAVE_OPENSSL

bool TlsServerContext::available()
{
    return false;
}

QString TlsServerContext::libraryVersion()
{
    return QStringLiteral("none");
}

std::shared_ptr<TlsServerContext> TlsServerContext::build(
    const ListenerTlsConfig &, const QString &, Problem *problem, QStringList *)
{
    problem->attribute = QStringLiteral("tls");
    problem->message = QStringLiteral("built without TLS: this balancer was compiled without OpenSSL, "
                                      "so tls=\"terminate\" is not available");
    return nullptr;
}

TlsServerContext::~TlsServerContext() = default;

ssl_st *TlsServerContext::newConnection(qintptr) const
{
    return nullptr;
}

ssl_ctx_st *TlsServerContext::contextFor(const char *) const
{
    return nullptr;
}

int TlsServerContext::handleServerName(ssl_st *, int *, void *)
{
    return 0;
}

#endif

}  // namespace Balancier
