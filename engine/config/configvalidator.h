#pragma once

#include "config.h"
#include "diagnostic.h"

namespace Balancier {

/// Semantic checks that do not depend on how the model was made: duplicate
/// names, an enabled group that does not exist, a service with no listener
/// or no host, ports, weights, schedulers. Uses each item's SourcePos when
/// it has one, so a model read from a file gets located messages.
/// Listener port 0 is accepted (the OS picks a free port); host port 0 is not.
/// Two listeners (admin API included) on the same address and port are an
/// error. A legacy DES crypt password is a Warning. Without a SourcePos, a
/// message says where in the tree it is ("service "web", group "prod": ...").
/// Thread contract: pure function; call from any thread.
QList<Diagnostic> validateConfig(const Config &config, const QString &fileName = {});

}  // namespace Balancier
