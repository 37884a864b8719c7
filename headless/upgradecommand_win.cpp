#include "upgradecommand.h"

#include "console.h"

using namespace Qt::StringLiterals;

namespace Balancier::UpgradeCommand {

int run(const QString &pidFile)
{
    Q_UNUSED(pidFile)
    Console::writeError(u"balancierd: --upgrade: a hitless upgrade is not supported on Windows; stop and "
                        "start the service instead\n"_s);
    return 1;
}

}  // namespace Balancier::UpgradeCommand
