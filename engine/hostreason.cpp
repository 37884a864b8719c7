#include "enginetypes.h"

using namespace Qt::StringLiterals;

namespace Balancier {

QString HostReason::text() const
{
    const auto param = [this](const char *name) {
        return params.value(QString::fromLatin1(name)).toString();
    };
    const int count = params.value(u"count"_s).toInt();
    if (code == "added"_L1)
        return u"added"_s;
    if (code == "adminChange"_L1)
        return u"administrative change"_s;
    if (code == "addressChanged"_L1)
        return u"address changed from %1 to %2"_s.arg(param("from"), param("to"));
    if (code == "removedFromConfig"_L1)
        return u"removed from the config"_s;
    if (code == "discovered"_L1)
        return u"discovered by DNS (%1)"_s.arg(param("from"));
    if (code == "undiscovered"_L1)
        return u"its DNS record is gone (%1)"_s.arg(param("from"));
    if (code == "groupRemoved"_L1)
        return u"its group was removed"_s;
    if (code == "serviceRemoved"_L1)
        return u"its service was removed"_s;
    if (code == "connectFailed"_L1)
        return param("detail").isEmpty() ? u"connect failed"_s : param("detail");
    if (code == "probeFailed"_L1)
        return count <= 1
            ? u"probe failed: %1"_s.arg(param("detail"))
            : u"%1 consecutive probes failed: %2"_s.arg(QString::number(count), param("detail"));
    if (code == "probeSucceeded"_L1)
        return count <= 1 ? u"probe succeeded"_s : u"%1 consecutive probes succeeded"_s.arg(count);
    if (code == "answeredWhileGroupDown"_L1)
        return u"answered while every host of group '%1' was down"_s.arg(param("group"));
    if (code == "drainTimeout"_L1)
        return u"drain timeout %1 passed: %2 open connection(s) cut"_s.arg(param("timeout"), param("cut"));
    if (code == "drainDeadline"_L1)
        return u"drain deadline passed: %1 open connection(s) cut"_s.arg(param("cut"));
    if (code == "agentDown"_L1)
        return param("reason").isEmpty() ? u"the agent said %1"_s.arg(param("word"))
                                         : u"the agent said %1: %2"_s.arg(param("word"), param("reason"));
    if (code == "agentUp"_L1)
        return u"the agent said up"_s;
    if (code == "agentAdmin"_L1)
        return u"the agent set %1"_s.arg(param("state"));
    if (code == "agentOff"_L1)
        return u"the agent check was switched off"_s;
    return param("text");
}

}  // namespace Balancier
