#pragma once

#include <QByteArray>
#include <QString>

namespace Balancier {

/// The user name and password of an `Authorization: Basic` header value
/// (RFC 7617): "Basic " and the base64 of "name:password". The name ends at
/// the first colon; the password may hold more. Both are read as UTF-8.
///
/// Thread contract: a value; parse() is a pure function, any thread.
struct BasicCredentials
{
    enum class Kind
    {
        NotBasic,  ///< empty, or another scheme: nothing to check
        Malformed,  ///< "Basic " but no "name:password" in it
        Valid,  ///< name and password are set
    };

    Kind kind = Kind::NotBasic;
    QString name;
    QString password;

    static BasicCredentials parse(const QByteArray &header);
};

}  // namespace Balancier
