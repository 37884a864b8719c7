#pragma once

#include "client/balancerclient.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QTimer>

class QWidget;

namespace Balancier {

/// The fleet overview: one row per open connection (every window's
/// balancer), side by side with its health: state, hosts up of all, open
/// connections, throughput. Rows follow the clients: a client that is
/// removed or destroyed leaves the table at once.
///
/// The role column shows each node's VRRP role (master or backup) from
/// GET /api/v1/health, asked every few seconds while the client is
/// connected; "unknown" for a daemon without the endpoint or a balancer in
/// this process.
///
/// It also relays each client's host changes and snapshots, named by the
/// row, so that one tray icon can watch the whole fleet.
///
/// Thread contract: GUI thread. Clients and windows are not owned.
class FleetModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetModel)

public:
    enum Column
    {
        NameColumn,
        StateColumn,
        HealthColumn,
        HostsColumn,
        ActiveColumn,
        ThroughputColumn,
        RoleColumn,
        ColumnCount
    };

    static constexpr int SeverityRole
        = Qt::UserRole + 1;  ///< TrayNotifier::severity, or 3 when not connected

    explicit FleetModel(QObject *parent = nullptr);
    ~FleetModel() override;

    /// Adds a row for `client`, shown in `window`; `name` names it (empty: the client's description).
    void addClient(BalancerClient *client, QWidget *window, const QString &name = {});
    void removeClient(BalancerClient *client);
    void setName(BalancerClient *client, const QString &name);
    BalancerClient *client(int row) const;
    QWidget *window(int row) const;
    int rowOf(const BalancerClient *client) const;
    /// The row's name as shown (the profile name, or the client's description).
    QString name(int row) const;
    /// The last health the row's balancer reported (known is false until then).
    NodeHealth health(int row) const;
    /// Asks every connected balancer for its health now (also done every
    /// healthInterval() ms); `ms` 0 stops the periodic asking.
    void refreshHealth();
    void setHealthInterval(int ms);

    /// The worst health over every client: TrayNotifier::severity() of the
    /// connected ones, 3 when a connection is not up, -1 when there is none.
    int worstSeverity() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void hostStateChanged(
        const QString &source, const Balancier::HostRef &host, const Balancier::HostStateEvent &event);
    void snapshotReceived(const QString &source, const Balancier::StatsSnapshot &snapshot);
    /// A row's state or health changed (worstSeverity() may have changed).
    void healthChanged();

private:
    struct Entry
    {
        BalancerClient *client = nullptr;
        QPointer<QWidget> window;
        QString name;
        QString description;  // kept: a dying client can no longer be asked
        bool alive = true;  // false while its row is removed after destroyed()
        NodeHealth health;
    };
    QString nameOf(const Entry &entry) const;
    void rowChanged(const BalancerClient *client);
    void askHealth(BalancerClient *client);

    QList<Entry> m_entries;
    QTimer m_healthTimer;
};

}  // namespace Balancier
