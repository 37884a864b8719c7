#include "configlocator.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Balancier {

QStringList ConfigLocator::searchPath()
{
    QStringList places{QDir::current().absoluteFilePath(u"balancier.xml"_s)};
    // GenericConfigLocation is ~/.config (then /etc/xdg) on Linux,
    // ~/Library/Preferences on macOS, %LOCALAPPDATA% on Windows.
    for (const QString &dir : QStandardPaths::standardLocations(QStandardPaths::GenericConfigLocation))
        places.append(QDir(dir).absoluteFilePath(u"balancier/balancier.xml"_s));
#if defined(Q_OS_UNIX)
    places.append(u"/etc/balancier/balancier.xml"_s);
#endif
    places.removeDuplicates();
    return places;
}

QString ConfigLocator::find()
{
    for (const QString &place : searchPath()) {
        if (QFileInfo(place).isFile())
            return place;
    }
    return {};
}

}  // namespace Balancier
