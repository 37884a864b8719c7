#include "confighistory.h"
#include "changetext.h"

#include "config/configchangejson.h"
#include "config/configreader.h"

#include <QFont>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Balancier {

ConfigHistory::ConfigHistory(QObject *parent)
    : QAbstractTableModel(parent)
{ }

ConfigHistory::~ConfigHistory() = default;

bool ConfigHistory::record(const QByteArray &xml, const Config &config, const QString &origin)
{
    // The balancer's own list is fetched again instead (ConfigEditor).
    if (m_balancers)
        return false;
    QList<ConfigChange> changes;
    if (!m_versions.isEmpty()) {
        // Compared as models: the same config served twice may differ in
        // bytes (attribute order, a refresh racing a save), not in meaning.
        changes = diffConfigs(m_versions.constFirst().config, config);
        if (changes.isEmpty())
            return false;
    }
    Version version;
    version.number = m_nextNumber++;
    version.when = QDateTime::currentDateTime();
    version.origin = origin;
    version.xml = xml;
    version.config = config;
    version.changes = changes;
    version.running = true;
    // The version that ran until now stops being marked, as a change of its
    // own: an insertion must not change the rows that were there.
    if (!m_versions.isEmpty()) {
        m_versions.first().running = false;
        Q_EMIT dataChanged(index(0, 0), index(0, ColumnCount - 1));
    }
    beginInsertRows({}, 0, 0);
    m_versions.prepend(version);
    endInsertRows();
    if (m_versions.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_versions.size()) - 1);
        m_versions.resize(m_capacity);
        endRemoveRows();
    }
    return true;
}

bool ConfigHistory::setBalancerVersions(const QByteArray &json)
{
    const QJsonArray entries = QJsonDocument::fromJson(json).array();
    QList<Version> versions;
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        Version version;
        version.number = int(entry.value("version"_L1).toInteger());
        version.when
            = QDateTime::fromString(entry.value("when"_L1).toString(), Qt::ISODateWithMs).toLocalTime();
        version.origin
            = describeOrigin(entry.value("origin"_L1).toString(), entry.value("user"_L1).toString(),
                entry.value("peer"_L1).toString(), entry.value("rollbackOf"_L1).toInteger());
        version.xml = entry.value("xml"_L1).toString().toUtf8();
        const LoadResult loaded
            = ConfigReader::readData(version.xml, tr("version %1").arg(version.number), AdminFiles::Skipped);
        if (version.number <= 0 || !loaded.ok())
            continue;
        version.config = loaded.config;
        version.changes = configChangesFromJson(entry.value("changes"_L1).toArray());
        versions.append(version);
    }
    if (versions.isEmpty())
        return false;
    versions.first().running = true;
    if (versions.size() > m_capacity)
        versions.resize(m_capacity);
    bool same = m_balancers && versions.size() == m_versions.size();
    for (qsizetype i = 0; same && i < versions.size(); ++i)
        same = versions.at(i).number == m_versions.at(i).number;
    if (same)
        return false;
    beginResetModel();
    m_versions = versions;
    m_balancers = true;
    endResetModel();
    return true;
}

QString ConfigHistory::describeOrigin(
    const QString &kind, const QString &user, const QString &peer, qint64 rollbackOf)
{
    const QString who = peer.isEmpty() ? user : tr("%1 from %2").arg(user, peer);
    if (kind == "api"_L1)
        return tr("admin API, %1").arg(who);
    if (kind == "gui"_L1)
        return user.isEmpty() ? tr("desktop app") : tr("desktop app, %1").arg(who);
    if (kind == "sighup"_L1)
        return tr("reload (SIGHUP)");
    if (kind == "startup"_L1)
        return tr("daemon started");
    if (kind == "rollback"_L1)
        return user.isEmpty() ? tr("rollback to version %1").arg(rollbackOf)
                              : tr("rollback to version %1, %2").arg(rollbackOf).arg(who);
    if (kind == "engine"_L1)
        return tr("balancer");
    return kind;
}

void ConfigHistory::clear()
{
    m_balancers = false;
    if (m_versions.isEmpty())
        return;
    beginResetModel();
    m_versions.clear();
    endResetModel();
}

void ConfigHistory::setCapacity(int versions)
{
    m_capacity = qMax(1, versions);
    if (m_versions.size() > m_capacity) {
        beginRemoveRows({}, m_capacity, int(m_versions.size()) - 1);
        m_versions.resize(m_capacity);
        endRemoveRows();
    }
}

int ConfigHistory::rowOfNumber(int number) const
{
    for (int row = 0; row < m_versions.size(); ++row) {
        if (m_versions.at(row).number == number)
            return row;
    }
    return -1;
}

int ConfigHistory::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int ConfigHistory::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConfigHistory::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Version &version = m_versions.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case WhenColumn: {
            const QString time = QLocale().toString(version.when.time(), QLocale::ShortFormat);
            return version.running ? tr("%1 (running)").arg(time) : time;
        }
        case OriginColumn:
            return tr("#%1 %2").arg(version.number).arg(version.origin);
        case ChangesColumn:
            if (version.changes.isEmpty())
                return tr("first version seen");
            if (version.changes.size() == 1)
                return ChangeText::describe(version.changes.constFirst());
            return tr("%n change(s): %1; …", nullptr, int(version.changes.size()))
                .arg(ChangeText::describe(version.changes.constFirst()));
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        QStringList lines;
        lines.append(QLocale().toString(version.when, QLocale::LongFormat));
        for (const ConfigChange &change : version.changes)
            lines.append(ChangeText::describe(change));
        return lines.join(u'\n');
    }
    if (role == Qt::FontRole && version.running) {
        QFont font;
        font.setBold(true);
        return font;
    }
    return {};
}

QVariant ConfigHistory::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case OriginColumn:
        return tr("Version");
    case ChangesColumn:
        return tr("Changes");
    default:
        return {};
    }
}

}  // namespace Balancier
