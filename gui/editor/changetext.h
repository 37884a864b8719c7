#pragma once

#include "config/configdiff.h"
#include "enginetypes.h"

#include <QCoreApplication>
#include <QString>

namespace Balancier {

/// ConfigChange::description() in the user's language: the engine's
/// description is English, for logs and the admin API; the desktop app
/// shows the same sentence through tr(). Field names and values (address,
/// weight, "roundrobin") are config words and stay as they are.
///
/// Thread contract: any thread (pure function).
class ChangeText final
{
    Q_DECLARE_TR_FUNCTIONS(Balancier::ChangeText)

public:
    ChangeText() = delete;

    static QString describe(const ConfigChange &change);
    /// Why a host's state changed, from its reason code (local and remote
    /// alike); the English text when the code is unknown or missing.
    static QString describeReason(const HostStateEvent &event);
};

}  // namespace Balancier
