#include "admin/auth/csrf.h"

#include "admin/http/httpmessage.h"
#include "config/address.h"
#include "config/config.h"
#include "config/constanttime.h"

#include <QMessageAuthenticationCode>
#include <QNetworkInterface>
#include <QRandomGenerator>

namespace Balancier {

Csrf::Csrf()
{
    m_secret.resize(32);
    QRandomGenerator::system()->generate(m_secret.begin(), m_secret.end());
}

QString Csrf::token(const QString &user) const
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(user.toUtf8(), m_secret, QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool Csrf::check(
    const HttpRequest &request, const AdminUser &user, const Listener &listener, QString *why) const
{
    // A browser adds Origin (or at least Referer) to a cross-site form post; scripts send neither.
    const QByteArray origin = request.header("origin");
    const QByteArray referer = request.header("referer");
    const QByteArray fetchSite = request.header("sec-fetch-site");
    const bool fromBrowser = !origin.isEmpty() || !referer.isEmpty() || !fetchSite.isEmpty();
    if (!fromBrowser)
        return true;
    // Compared with where we listen and the configured names, never with the
    // request's Host: under DNS rebinding, an attacker's page sends its own
    // name in both Origin and Host.
    const QStringList allowed = allowedOrigins(listener);
    const auto sameOrigin = [&](const QByteArray &url) {
        const QString normalized = canonicalOrigin(QString::fromUtf8(url), true);
        return !normalized.isEmpty() && allowed.contains(normalized);
    };
    if ((!origin.isEmpty() && origin != "null" && !sameOrigin(origin)) || (origin == "null")
        || (origin.isEmpty() && !referer.isEmpty() && !sameOrigin(referer))
        || (!fetchSite.isEmpty() && fetchSite != "same-origin" && fetchSite != "none")) {
        *why = QStringLiteral("cross-site request refused");
        return false;
    }
    const QString formToken = request.parameter(QStringLiteral("csrf"));
    const QByteArray headerToken = request.header("x-csrf-token");
    const QString expected = token(user.name);
    const QString given = formToken.isEmpty() ? QString::fromLatin1(headerToken) : formToken;
    if (given.isEmpty() || !constantTimeEquals(given.toUtf8(), expected.toUtf8())) {
        *why = QStringLiteral("missing or invalid CSRF token");
        return false;
    }
    return true;
}

QStringList Csrf::allowedOrigins(const Listener &listener)
{
    const bool tls = listener.tls;
    const QHostAddress &listen = listener.address;
    const quint16 port = listener.port;
    const QStringList &configured = listener.configuredOrigins;
    const QString scheme = tls ? QStringLiteral("https") : QStringLiteral("http");
    QList<QHostAddress> addresses;
    if (listen == QHostAddress::Any || listen == QHostAddress::AnyIPv4 || listen == QHostAddress::AnyIPv6)
        addresses = QNetworkInterface::allAddresses();
    else
        addresses = {listen};
    QStringList origins;
    bool loopback = false;
    for (QHostAddress address : std::as_const(addresses)) {
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        if (isV4)
            address = QHostAddress(v4);
        address.setScopeId({});
        loopback = loopback || address.isLoopback();
        const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
            ? u'[' + address.toString() + u']'
            : address.toString();
        origins.append(canonicalOrigin(scheme + u"://" + host + u':' + QString::number(port), false));
    }
    if (loopback)
        origins.append(canonicalOrigin(scheme + u"://localhost:" + QString::number(port), false));
    for (const QString &origin : configured)
        origins.append(canonicalOrigin(origin, false));
    origins.removeAll(QString());
    return origins;
}

}  // namespace Balancier
