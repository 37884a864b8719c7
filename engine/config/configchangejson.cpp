#include "configchangejson.h"

#include <QJsonValue>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

using Kind = ConfigChange::Kind;

/// The one table of wire names; never rename an entry (clients depend on it).
constexpr std::array<std::pair<Kind, QStringView>, 31> kindNames{{
    {Kind::ServiceAdded, u"serviceAdded"},
    {Kind::ServiceRemoved, u"serviceRemoved"},
    {Kind::ListenerAdded, u"listenerAdded"},
    {Kind::ListenerRemoved, u"listenerRemoved"},
    {Kind::GroupAdded, u"groupAdded"},
    {Kind::GroupRemoved, u"groupRemoved"},
    {Kind::GroupEnabled, u"groupEnabled"},
    {Kind::SchedulerChanged, u"schedulerChanged"},
    {Kind::GroupHealthChanged, u"groupHealthChanged"},
    {Kind::HostAdded, u"hostAdded"},
    {Kind::HostRemoved, u"hostRemoved"},
    {Kind::HostChanged, u"hostChanged"},
    {Kind::UserAdded, u"userAdded"},
    {Kind::UserRemoved, u"userRemoved"},
    {Kind::UserChanged, u"userChanged"},
    {Kind::ServiceSettingsChanged, u"serviceSettingsChanged"},
    {Kind::SettingsChanged, u"settingsChanged"},
    {Kind::GroupProxyChanged, u"groupProxyChanged"},
    {Kind::GroupFeedbackChanged, u"groupFeedbackChanged"},
    {Kind::AclRuleAdded, u"aclRuleAdded"},
    {Kind::AclRuleRemoved, u"aclRuleRemoved"},
    {Kind::AclChanged, u"aclChanged"},
    {Kind::GroupLifecycleChanged, u"groupLifecycleChanged"},
    {Kind::RouteAdded, u"routeAdded"},
    {Kind::RouteRemoved, u"routeRemoved"},
    {Kind::RouteChanged, u"routeChanged"},
    {Kind::RoutesChanged, u"routesChanged"},
    {Kind::AlertAdded, u"alertAdded"},
    {Kind::AlertRemoved, u"alertRemoved"},
    {Kind::AlertChanged, u"alertChanged"},
    {Kind::GroupDiscoverChanged, u"groupDiscoverChanged"},
}};

void insertIfSet(QJsonObject &object, QLatin1StringView key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(key, value);
}

}  // namespace

QString configChangeKindName(Kind kind)
{
    for (const auto &[k, name] : kindNames) {
        if (k == kind)
            return name.toString();
    }
    return u"unknown"_s;
}

bool configChangeKindFromName(const QString &name, Kind *kind)
{
    for (const auto &[k, n] : kindNames) {
        if (n == name) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QJsonObject configChangeToJson(const ConfigChange &change)
{
    QJsonObject object;
    object.insert("kind"_L1, configChangeKindName(change.kind));
    insertIfSet(object, "service"_L1, change.service);
    insertIfSet(object, "group"_L1, change.group);
    insertIfSet(object, "name"_L1, change.name);
    if (!change.fields.isEmpty())
        object.insert("fields"_L1, QJsonArray::fromStringList(change.fields));
    insertIfSet(object, "before"_L1, change.before);
    insertIfSet(object, "after"_L1, change.after);
    object.insert("text"_L1, change.description());
    return object;
}

QJsonArray configChangesToJson(const QList<ConfigChange> &changes)
{
    QJsonArray array;
    for (const ConfigChange &change : changes)
        array.append(configChangeToJson(change));
    return array;
}

QList<ConfigChange> configChangesFromJson(const QJsonArray &array, QString *error)
{
    QList<ConfigChange> changes;
    const auto fail = [&](qsizetype index, const QString &why) {
        if (error)
            *error = u"changes[%1]: %2"_s.arg(index).arg(why);
        return changes;
    };
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject())
            return fail(i, u"not an object"_s);
        const QJsonObject object = array.at(i).toObject();
        ConfigChange change{};
        const QJsonValue kind = object.value("kind"_L1);
        if (!kind.isString())
            return fail(i, u"\"kind\" is missing or not a string"_s);
        if (!configChangeKindFromName(kind.toString(), &change.kind))
            return fail(i, u"unknown kind \"%1\""_s.arg(kind.toString()));
        const std::array<std::pair<QLatin1StringView, QString *>, 5> strings{{
            {"service"_L1, &change.service},
            {"group"_L1, &change.group},
            {"name"_L1, &change.name},
            {"before"_L1, &change.before},
            {"after"_L1, &change.after},
        }};
        for (const auto &[key, target] : strings) {
            const QJsonValue value = object.value(key);
            if (value.isUndefined() || value.isNull())
                continue;
            if (!value.isString())
                return fail(i, u"\"%1\" is not a string"_s.arg(key));
            *target = value.toString();
        }
        const QJsonValue fields = object.value("fields"_L1);
        if (!fields.isUndefined() && !fields.isNull()) {
            if (!fields.isArray())
                return fail(i, u"\"fields\" is not an array"_s);
            for (const QJsonValue &field : fields.toArray()) {
                if (!field.isString())
                    return fail(i, u"\"fields\" holds a non-string"_s);
                change.fields.append(field.toString());
            }
        }
        changes.append(change);
    }
    if (error)
        error->clear();
    return changes;
}

}  // namespace Balancier
