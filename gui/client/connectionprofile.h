#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Balancier {

/// A saved way to reach a balancer. Never holds a password: the app asks
/// for it each time it connects (there is no system keyring to keep it in).
struct ConnectionProfile
{
    enum class Kind
    {
        Local,  ///< run a config file in this process
        Remote,  ///< a balancierd's admin API
    };

    QString name;
    Kind kind = Kind::Remote;
    QString configPath;  ///< Local
    QString url;  ///< Remote: "http://127.0.0.1:8081"
    QString user;  ///< Remote
    QByteArray trustedCertificate;  ///< Remote: SHA-256 (hex) of a certificate the user accepted

    bool isValid() const { return !name.isEmpty(); }
    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

/// A fleet: a named set of balancers that run the same config, such as a
/// VRRP pair ("prod-pair"). Its nodes are connection profiles, by name.
struct FleetProfile
{
    QString name;
    QStringList nodes;  ///< ConnectionProfile::name of each node

    bool isValid() const { return !name.isEmpty(); }
    friend bool operator==(const FleetProfile &, const FleetProfile &) = default;
};

}  // namespace Balancier
