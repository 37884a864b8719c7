#pragma once

#include "config/config.h"
#include "config/diagnostic.h"

#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace Balancier {

/// What the admin API serves TLS with: the certificate chain (leaf first)
/// and the private key of the leaf.
struct AdminTlsIdentity
{
    QList<QSslCertificate> chain;
    QSslKey key;
};

/// Largest <admin cert> or <admin key> file that is read. A PEM chain of a
/// few certificates is some kilobytes; anything bigger is not a certificate.
inline constexpr qint64 maxAdminTlsFileBytes = 1024 * 1024;

/// Everything that decides whether <admin> can listen, in one place: run by
/// validateConfig() (so `balancierd --check`, the daemon's start and reload,
/// PUT /api/v1/config and the GUI's Problems list report it) and by
/// AdminServer::start(), which listens with the identity it returns.
///
/// Checks that a non-loopback address has TLS or insecure="yes"; that cert
/// and key come together; that each is a regular file (not a directory,
/// device, FIFO or socket) of at most maxAdminTlsFileBytes; that the cert
/// file holds a PEM certificate and the key file an unencrypted PEM RSA or EC
/// key; and that the key belongs to the first certificate.
/// Every problem is an Error at `admin.pos` in `fileName`, naming the file.
/// An unparsable listen address is left to the caller (the validator's
/// listener check reports it).
///
/// `identity`, when given, receives the chain and key when there is no error.
/// With `readFiles` false, the files are neither read nor checked (see
/// AdminFiles in configvalidator.h) and `identity` stays empty.
/// Thread contract: reentrant; reads the files (bounded), no network.
QList<Diagnostic> checkAdminListen(const AdminConfig &admin, const QString &fileName,
    AdminTlsIdentity *identity = nullptr, bool readFiles = true);

}  // namespace Balancier
