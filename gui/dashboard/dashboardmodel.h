#pragma once

#include "client/balancerclient.h"
#include "stats/statssnapshot.h"

#include <QAbstractItemModel>
#include <QDateTime>

#include <memory>
#include <vector>

namespace Balancier {

/// The live tree of the dashboard: services > groups > hosts.
///
/// applySnapshot() updates the tree in place: rows that stay keep their
/// indexes and only get dataChanged(), new ones are inserted and vanished
/// ones removed, so that a view keeps its selection, expansion and sort
/// order and nothing flickers. There is never a model reset after the first
/// fill.
///
/// Thread contract: GUI thread.
class DashboardModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardModel)

public:
    enum Column
    {
        NameColumn,
        StateColumn,
        ActiveColumn,
        TotalColumn,
        FailedColumn,
        BytesInColumn,
        BytesOutColumn,
        RateInColumn,
        RateOutColumn,
        SinceColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1,  ///< a number or lower-case text to sort by
        KindRole,  ///< Kind as int
        StateRole,  ///< the engine's state name ("up", ...); hosts only
        MaxConnsRole,  ///< a host's maxconns (0: unlimited)
        ActiveRole,  ///< open connections, as qint64
        HostRefRole,  ///< HostRef (service and group filled for groups, service for services)
        AddressRole,  ///< a host's address ("127.0.0.1:8001")
        DiscoveredRole,  ///< a host found by DNS discovery: "srv", "resolve"; empty otherwise
    };

    enum class Kind
    {
        Service,
        Group,
        Host,
    };

    explicit DashboardModel(QObject *parent = nullptr);
    ~DashboardModel() override;

    /// Makes the tree say what `snapshot` says, in place.
    void applySnapshot(const StatsSnapshot &snapshot);
    /// Empties the tree (a new connection).
    void clear();

    QModelIndex findHost(const HostRef &host) const;
    /// Open client connections in the last snapshot.
    qint64 activeConnections() const { return m_activeConnections; }
    QDateTime snapshotTime() const { return m_taken; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Node;
    struct Values;

    Node *nodeFor(const QModelIndex &index) const;
    QModelIndex indexFor(const Node *node, int column) const;
    /// Makes `parent`'s children match `wanted` (by name): removes, updates, inserts.
    void syncChildren(Node *parent, const std::vector<Values> &wanted);
    QVariant displayData(const Node &node, int column) const;
    QVariant sortData(const Node &node, int column) const;

    std::unique_ptr<Node> m_root;
    qint64 m_activeConnections = 0;
    QDateTime m_taken;
};

}  // namespace Balancier
