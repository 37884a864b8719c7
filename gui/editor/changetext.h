#pragma once

#include "config/configdiff.h"
#include "enginetypes.h"

#include <QCoreApplication>
#include <QString>

namespace Balancier {

/// The one place the desktop app words a config change or a host-state
/// reason, in the user's language. Local changes (the engine's list) and
/// remote ones (the admin API's change objects, configChangesFromJson) arrive
/// as the same structured ConfigChange, so both are translated alike; the
/// engine's description() stays English, for logs and scripts. Field names
/// and values (address, weight, "roundrobin") are config words and stay as
/// they are.
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
    /// The same from a code, its parameters and the English text to fall
    /// back on (a host's current reason on the dashboard).
    static QString describeReason(const QString &code, const QVariantMap &params, const QString &english);
};

}  // namespace Balancier
