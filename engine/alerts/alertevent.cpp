#include "alerts/alertevent.h"

#include <QJsonDocument>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace Balancier {

QString AlertEvent::summary() const
{
    const QString where = group.isEmpty() ? service : service + u'/' + group;
    if (name == u"host") {
        QString text = u"host %1/%2 is %3"_s.arg(
            where, fields.value(u"host"_s).toString(), fields.value(u"state"_s).toString());
        const QString reason = fields.value(u"reason"_s).toString();
        if (!reason.isEmpty())
            text += u": "_s + reason;
        return text;
    }
    if (name == u"group") {
        return fields.value(u"state"_s).toString() == u"down"
            ? u"group %1 has no live host left"_s.arg(where)
            : u"group %1 has a live host again"_s.arg(where);
    }
    if (name == u"config") {
        QString text = u"config version %1 applied"_s.arg(fields.value(u"version"_s).toLongLong());
        const QString origin = fields.value(u"origin"_s).toString();
        const QString user = fields.value(u"user"_s).toString();
        if (!origin.isEmpty())
            text += u" (%1%2)"_s.arg(origin, user.isEmpty() ? QString() : u" by "_s + user);
        const int count = fields.value(u"changes"_s).toStringList().size();
        text += u": %1 change%2"_s.arg(count).arg(count == 1 ? QString() : u"s"_s);
        return text;
    }
    if (name == u"cert-expiry") {
        return u"certificate %1 of %2 %3 expires in %4 days (%5)"_s.arg(fields.value(u"subject"_s).toString(),
            service, fields.value(u"listener"_s).toString(), fields.value(u"daysLeft"_s).toString(),
            fields.value(u"notAfter"_s).toString());
    }
    return name;
}

QJsonObject AlertEvent::toJson() const
{
    QJsonObject object = QJsonObject::fromVariantMap(fields);
    object.insert(u"event"_s, name);
    object.insert(u"time"_s, when.toUTC().toString(Qt::ISODateWithMs));
    if (!service.isEmpty())
        object.insert(u"service"_s, service);
    if (!group.isEmpty())
        object.insert(u"group"_s, group);
    object.insert(u"balancer"_s, QSysInfo::machineHostName());
    object.insert(u"summary"_s, summary());
    return object;
}

QJsonObject AlertEvent::toSlack() const
{
    QJsonObject object;
    object.insert(u"text"_s, u"[balancier %1] %2"_s.arg(QSysInfo::machineHostName(), summary()));
    return object;
}

QProcessEnvironment AlertEvent::environment(const QProcessEnvironment &base) const
{
    QProcessEnvironment environment = base;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        const QVariant &value = it.value();
        const QString text
            = value.typeId() == QMetaType::QStringList ? value.toStringList().join(u'\n') : value.toString();
        environment.insert(u"BALANCIER_EVENT_"_s + it.key().toUpper(), text);
    }
    environment.insert(u"BALANCIER_EVENT_KIND"_s, alertKindsName(kind));
    environment.insert(u"BALANCIER_EVENT_NAME"_s, name);
    environment.insert(u"BALANCIER_EVENT_SERVICE"_s, service);
    environment.insert(u"BALANCIER_EVENT_GROUP"_s, group);
    environment.insert(u"BALANCIER_EVENT_TIME"_s, when.toUTC().toString(Qt::ISODateWithMs));
    environment.insert(u"BALANCIER_EVENT_SUMMARY"_s, summary());
    environment.insert(
        u"BALANCIER_EVENT_JSON"_s, QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact)));
    return environment;
}

}  // namespace Balancier
