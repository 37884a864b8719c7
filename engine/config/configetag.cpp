#include "configetag.h"

#include "config/configdocument.h"

#include <QCryptographicHash>

namespace Balancier::ConfigEtag {

QByteArray of(const Config &config)
{
    const QByteArray digest
        = QCryptographicHash::hash(ConfigDocument::serialize(config), QCryptographicHash::Sha256);
    return '"' + digest.left(16).toHex() + '"';
}

bool matches(const QByteArray &ifMatch, const QByteArray &etag)
{
    for (QByteArray tag : ifMatch.split(',')) {
        tag = tag.trimmed();
        if (tag == "*" || tag == etag)
            return true;
    }
    return false;
}

}  // namespace Balancier::ConfigEtag
