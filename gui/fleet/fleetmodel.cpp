#include "fleetmodel.h"

#include "common/displayformat.h"
#include "common/statestyle.h"
#include "common/traynotifier.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

struct Counts
{
    int hosts = 0;
    int up = 0;
    double throughput = 0;
};

Counts countsOf(const StatsSnapshot &snapshot)
{
    Counts counts;
    for (const ServiceStats &service : snapshot.services) {
        counts.throughput += service.bytesInRate + service.bytesOutRate;
        for (const GroupStats &group : service.groups) {
            for (const HostStats &host : group.hosts) {
                ++counts.hosts;
                if (host.state == "up"_L1)
                    ++counts.up;
            }
        }
    }
    return counts;
}

}  // namespace

FleetModel::FleetModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_healthTimer.setInterval(5000);
    connect(&m_healthTimer, &QTimer::timeout, this, &FleetModel::refreshHealth);
}

FleetModel::~FleetModel()
{
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.alive)
            entry.client->disconnect(this);
    }
}

void FleetModel::addClient(BalancerClient *client, QWidget *window, const QString &name)
{
    if (!client || rowOf(client) >= 0)
        return;
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append({client, window, name, client->description(), true, {}});
    endInsertRows();
    connect(client, &BalancerClient::stateChanged, this, [this, client](BalancerClient::State state) {
        rowChanged(client);
        if (state == BalancerClient::State::Connected)
            askHealth(client);
    });
    connect(client, &BalancerClient::snapshotReceived, this, [this, client](const StatsSnapshot &snapshot) {
        rowChanged(client);
        const int at = rowOf(client);
        if (at >= 0)
            Q_EMIT snapshotReceived(nameOf(m_entries.at(at)), snapshot);
    });
    connect(client, &BalancerClient::hostStateChanged, this,
        [this, client](const HostRef &host, const HostStateEvent &event) {
            const int at = rowOf(client);
            if (at >= 0)
                Q_EMIT hostStateChanged(nameOf(m_entries.at(at)), host, event);
        });
    // The client may be destroyed without removeClient(): the row goes with it.
    connect(client, &QObject::destroyed, this, [this, client] {
        const int at = rowOf(client);
        if (at >= 0)
            m_entries[at].alive = false;
        removeClient(client);
    });
    Q_EMIT healthChanged();
    if (!m_healthTimer.isActive() && m_healthTimer.interval() > 0)
        m_healthTimer.start();
}

void FleetModel::removeClient(BalancerClient *client)
{
    const int row = rowOf(client);
    if (row < 0)
        return;
    if (m_entries.at(row).alive)
        client->disconnect(this);
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    Q_EMIT healthChanged();
}

void FleetModel::setName(BalancerClient *client, const QString &name)
{
    const int row = rowOf(client);
    if (row < 0)
        return;
    m_entries[row].name = name;
    Q_EMIT dataChanged(index(row, NameColumn), index(row, NameColumn));
}

BalancerClient *FleetModel::client(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).client : nullptr;
}

QWidget *FleetModel::window(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).window.data() : nullptr;
}

int FleetModel::rowOf(const BalancerClient *client) const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).client == client)
            return int(row);
    }
    return -1;
}

QString FleetModel::name(int row) const
{
    return row >= 0 && row < m_entries.size() ? nameOf(m_entries.at(row)) : QString();
}

NodeHealth FleetModel::health(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).health : NodeHealth();
}

void FleetModel::setHealthInterval(int ms)
{
    m_healthTimer.setInterval(ms);
    if (ms <= 0)
        m_healthTimer.stop();
    else if (!m_entries.isEmpty())
        m_healthTimer.start();
}

void FleetModel::refreshHealth()
{
    for (const Entry &entry : std::as_const(m_entries)) {
        if (!entry.alive || entry.client->state() != BalancerClient::State::Connected)
            continue;
        askHealth(entry.client);
    }
}

void FleetModel::askHealth(BalancerClient *client)
{
    client->fetchHealth(this, [this, client](const ClientReply &reply) {
        const int row = rowOf(client);
        if (row < 0 || !reply.ok)
            return;
        m_entries[row].health = reply.health;
        Q_EMIT dataChanged(index(row, RoleColumn), index(row, RoleColumn));
    });
}

QString FleetModel::nameOf(const Entry &entry) const
{
    return entry.name.isEmpty() ? entry.description : entry.name;
}

void FleetModel::rowChanged(const BalancerClient *client)
{
    const int row = rowOf(client);
    if (row < 0)
        return;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT healthChanged();
}

int FleetModel::worstSeverity() const
{
    int worst = -1;
    for (const Entry &entry : m_entries) {
        if (!entry.alive)
            continue;
        const int level = entry.client->state() == BalancerClient::State::Connected
            ? TrayNotifier::severity(entry.client->snapshot())
            : 3;
        worst = qMax(worst, level);
    }
    return worst;
}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    if (!entry.alive)
        return role == Qt::DisplayRole && index.column() == NameColumn ? QVariant(nameOf(entry)) : QVariant();
    const BalancerClient &client = *entry.client;
    const bool connected = client.state() == BalancerClient::State::Connected;
    const int severity = connected ? TrayNotifier::severity(client.snapshot()) : 3;
    const Counts counts = connected ? countsOf(client.snapshot()) : Counts{};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return nameOf(entry);
        case StateColumn:
            return BalancerClient::stateName(client.state());
        case HealthColumn:
            if (!connected)
                return client.lastError().section(u'\n', 0, 0);
            if (severity == 0)
                // Draining and maintenance are the admin's choice, not trouble.
                return counts.up == counts.hosts ? tr("All hosts up") : tr("No host down");
            if (severity == 1)
                return tr("%n host(s) down", nullptr, counts.hosts - counts.up);
            return tr("A service has no host up");
        case HostsColumn:
            return connected ? tr("%1 of %2").arg(counts.up).arg(counts.hosts) : QString();
        case ActiveColumn:
            return connected ? QLocale().toString(client.snapshot().activeConnections) : QString();
        case ThroughputColumn: {
            if (!connected)
                return QString();
            const QString rate = DisplayFormat::rate(counts.throughput);
            return rate.isEmpty() ? tr("idle") : rate;
        }
        case RoleColumn:
            return connected ? NodeHealth::roleName(entry.health.role) : QString();
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == HealthColumn)
            return StateStyle::trayIcon(qMin(severity, 2));
        return {};
    case Qt::ForegroundRole:
        if (index.column() == HealthColumn && severity > 0)
            return StateStyle::color(severity == 1 ? u"draining"_s : u"down"_s, QGuiApplication::palette());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= HostsColumn && index.column() != RoleColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        return QString(
            entry.description + (client.lastError().isEmpty() ? QString() : u'\n' + client.lastError()));
    case SeverityRole:
        return severity;
    default:
        return {};
    }
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && section >= HostsColumn && section != RoleColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Connection");
    case StateColumn:
        return tr("State");
    case HealthColumn:
        return tr("Health");
    case HostsColumn:
        return tr("Hosts up");
    case ActiveColumn:
        return tr("Open connections");
    case ThroughputColumn:
        return tr("Throughput");
    case RoleColumn:
        return tr("Role");
    default:
        return {};
    }
}

}  // namespace Balancier
