#include "logcategories.h"

namespace Balancier {

Q_LOGGING_CATEGORY(lcNet, "balancier.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConnLog, "balancier.connlog", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHealth, "balancier.health", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "balancier.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAdmin, "balancier.admin", QtInfoMsg)

}  // namespace Balancier
