#pragma once

#include <QString>
#include <QStringList>

namespace Balancier {

/// Where balancierd looks for its config when --config is not given:
/// ./balancier.xml, then balancier/balancier.xml in the user's (and the
/// system's XDG) config directories, then /etc/balancier/balancier.xml on Unix.
///
/// Thread contract: stateless; main thread in practice.
class ConfigLocator final
{
public:
    ConfigLocator() = delete;

    /// The places looked at, in order, as absolute paths.
    static QStringList searchPath();
    /// The first existing file of searchPath(), or an empty string.
    static QString find();
};

}  // namespace Balancier
