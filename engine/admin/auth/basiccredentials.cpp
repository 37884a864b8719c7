#include "admin/auth/basiccredentials.h"

namespace Balancier {

BasicCredentials BasicCredentials::parse(const QByteArray &header)
{
    BasicCredentials credentials;
    if (!header.startsWith("Basic "))
        return credentials;
    const QByteArray decoded = QByteArray::fromBase64(header.mid(6).trimmed());
    const qsizetype colon = decoded.indexOf(':');
    if (colon < 0) {
        credentials.kind = Kind::Malformed;
        return credentials;
    }
    credentials.kind = Kind::Valid;
    credentials.name = QString::fromUtf8(decoded.left(colon));
    credentials.password = QString::fromUtf8(decoded.mid(colon + 1));
    return credentials;
}

}  // namespace Balancier
