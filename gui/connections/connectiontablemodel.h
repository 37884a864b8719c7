#pragma once

#include "ops/connectionquery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Balancier {

/// The rows of the Connections page: one per open connection, as the
/// balancer listed them (ConnectionRow).
///
/// applyPage() updates the table in place by connection id: rows that stay
/// keep their place and only get dataChanged() (in contiguous ranges, only
/// when something changed), rows gone are removed and new ones appended,
/// so a view keeps its selection, current row and scroll position across
/// refreshes. There is no model reset after the first fill. A sort proxy
/// orders them: by PageOrderRole for the balancer's order, or by SortRole.
///
/// Thread contract: GUI thread.
class ConnectionTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTableModel)

public:
    enum Column
    {
        ClientColumn,
        ServiceColumn,
        GroupColumn,
        BackendColumn,
        AgeColumn,
        BytesInColumn,
        BytesOutColumn,
        StateColumn,
        ReasonColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        SortRole = Qt::UserRole + 1,  ///< a number, or text to sort by
        IdRole,  ///< the connection id, as qulonglong
        ClientAddressRole,  ///< the client's address without its port ("10.1.2.3", "::1")
        ServiceRole,  ///< the service name (every column)
        PageOrderRole,  ///< the row's place in the balancer's answer (its sort order)
    };

    explicit ConnectionTableModel(QObject *parent = nullptr);
    ~ConnectionTableModel() override;

    /// Makes the table hold exactly `rows` (matched by id), in place.
    void applyPage(const QList<ConnectionRow> &rows);
    void clear();

    /// The row of connection `id`, or -1.
    int rowOf(quint64 id) const { return m_rowById.value(id, -1); }
    const ConnectionRow &connection(int row) const { return m_rows.at(row).row; }
    /// Every row, in the model's order.
    QList<ConnectionRow> connections() const;

    /// "10.1.2.3" from "10.1.2.3:51234", "::1" from "[::1]:51234".
    static QString addressOf(const QString &client);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// A row and its place in the last answer (public only for the type
    /// info below): relocatable, so removing a run of rows is one memmove.
    struct Entry
    {
        ConnectionRow row;
        int pageOrder = 0;
    };

private:
    void rebuildIndex();
    QVariant displayData(const ConnectionRow &row, int column) const;
    QVariant sortData(const ConnectionRow &row, int column) const;

    QList<Entry> m_rows;
    QHash<quint64, int> m_rowById;
};

}  // namespace Balancier

// Every member (QString, QVariantMap, QList, integers) is relocatable.
Q_DECLARE_TYPEINFO(Balancier::ConnectionTableModel::Entry, Q_RELOCATABLE_TYPE);
