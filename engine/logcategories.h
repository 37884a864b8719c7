#pragma once

#include <QLoggingCategory>

namespace Balancier {

// The engine's logging categories, shared by the engine, the daemon and the GUI.
// One definition each (in logcategories.cpp) so that a rule such as
// QT_LOGGING_RULES="balancier.health.debug=true" reaches every user of it.
// Default level is QtInfoMsg: debug output is opt-in.

/// "balancier.net": listeners, accepted and proxied connections.
Q_DECLARE_LOGGING_CATEGORY(lcNet)
/// "balancier.connlog": the connection log (<logging connections="yes" to="log">).
Q_DECLARE_LOGGING_CATEGORY(lcConnLog)
/// "balancier.health": health checks and host state changes.
Q_DECLARE_LOGGING_CATEGORY(lcHealth)
/// "balancier.config": reading, validating, applying and saving configs.
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
/// "balancier.admin": the admin API, authentication and live changes.
Q_DECLARE_LOGGING_CATEGORY(lcAdmin)

}  // namespace Balancier
