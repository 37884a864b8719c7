#include "net/pollerchoice.h"

#include <QtGlobal>

namespace Balancier {

namespace {

#if defined(Q_OS_LINUX)
constexpr char16_t NativeName[] = u"epoll";
#elif defined(Q_OS_MACOS)
constexpr char16_t NativeName[] = u"kqueue";
#else
constexpr char16_t NativeName[] = u"poll";
#endif

}  // namespace

PollerSetting parsePollerSetting(const QString &value)
{
    const QString name = value.trimmed().toLower();
    PollerSetting setting;
    if (name.isEmpty() || name == QStringView(NativeName))
        return setting;
    if (name == u"poll") {
        setting.choice = PollerChoice::Poll;
        return setting;
    }
    if (name == u"qt") {
        setting.choice = PollerChoice::Qt;
        return setting;
    }
    setting.error
        = QStringLiteral("BALANCIER_POLLER=\"%1\" is not a poller on this system (use %2, poll or qt); "
                         "using %2")
              .arg(value, QStringView(NativeName));
    return setting;
}

PollerSetting pollerSettingFromEnvironment()
{
    return parsePollerSetting(qEnvironmentVariable("BALANCIER_POLLER"));
}

}  // namespace Balancier
