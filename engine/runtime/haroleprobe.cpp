#include "haroleprobe.h"

#include <QFile>
#include <QHostAddress>
#include <QNetworkInterface>

using namespace Qt::StringLiterals;

namespace Balancier {

QString HaRoleProbe::roleFromState(QStringView text)
{
    const QStringView word = text.trimmed();
    if (word.compare(u"MASTER", Qt::CaseInsensitive) == 0)
        return u"master"_s;
    for (const QStringView passive : {u"BACKUP", u"FAULT", u"STOP"}) {
        if (word.compare(passive, Qt::CaseInsensitive) == 0)
            return u"backup"_s;
    }
    return {};
}

QString HaRoleProbe::role(const HaConfig &config)
{
    if (!config.enabled)
        return u"unknown"_s;
    if (!config.stateFile.isEmpty()) {
        QFile file(config.stateFile);
        // A state file is one word; more is not keepalived's.
        if (file.open(QIODevice::ReadOnly)) {
            const QString role = roleFromState(QString::fromUtf8(file.read(64)));
            if (!role.isEmpty())
                return role;
        }
    }
    if (!config.vip.isEmpty()) {
        const QHostAddress vip(config.vip);
        if (vip.isNull())
            return u"unknown"_s;
        const QList<QHostAddress> local = QNetworkInterface::allAddresses();
        for (const QHostAddress &address : local) {
            if (address.isEqual(vip, QHostAddress::TolerantConversion))
                return u"master"_s;
        }
        return u"backup"_s;
    }
    return u"unknown"_s;
}

}  // namespace Balancier
