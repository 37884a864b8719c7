#include "connectiontablemodel.h"

#include "common/displayformat.h"
#include "connectiontext.h"

using namespace Qt::StringLiterals;

namespace Balancier {

ConnectionTableModel::ConnectionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

ConnectionTableModel::~ConnectionTableModel() = default;

QString ConnectionTableModel::addressOf(const QString &client)
{
    if (client.startsWith(u'[')) {
        const qsizetype end = client.indexOf(u']');
        return end > 0 ? client.mid(1, end - 1) : client;
    }
    // One colon: IPv4 with a port; more: a bare IPv6 address.
    if (client.count(u':') == 1)
        return client.section(u':', 0, 0);
    return client;
}

void ConnectionTableModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowById.insert(m_rows.at(row).row.id, row);
}

QList<ConnectionRow> ConnectionTableModel::connections() const
{
    QList<ConnectionRow> rows;
    rows.reserve(m_rows.size());
    for (const Entry &entry : m_rows)
        rows.append(entry.row);
    return rows;
}

void ConnectionTableModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_rows.size()) - 1);
    m_rows.clear();
    m_rowById.clear();
    endRemoveRows();
}

void ConnectionTableModel::applyPage(const QList<ConnectionRow> &rows)
{
    QHash<quint64, int> wanted;
    wanted.reserve(rows.size());
    for (int i = 0; i < rows.size(); ++i)
        wanted.insert(rows.at(i).id, i);

    // Gone: removed in runs, from the end, so the rows before keep their numbers.
    bool removed = false;
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (wanted.contains(m_rows.at(row).row.id)) {
            --row;
            continue;
        }
        const int last = row;
        while (row > 0 && !wanted.contains(m_rows.at(row - 1).row.id))
            --row;
        beginRemoveRows({}, row, last);
        m_rows.remove(row, last - row + 1);
        endRemoveRows();
        removed = true;
        --row;
    }
    if (removed)
        rebuildIndex();

    // Kept: replaced where changed, announced in contiguous ranges.
    QList<bool> present(rows.size(), false);
    int changedFirst = -1;
    const auto flush = [this, &changedFirst](int end) {
        if (changedFirst >= 0)
            Q_EMIT dataChanged(index(changedFirst, 0), index(end - 1, ColumnCount - 1));
        changedFirst = -1;
    };
    for (int row = 0; row < m_rows.size(); ++row) {
        Entry &entry = m_rows[row];
        const int from = wanted.value(entry.row.id);
        present[from] = true;
        if (entry.pageOrder == from && entry.row == rows.at(from)) {
            flush(row);
            continue;
        }
        entry.row = rows.at(from);
        entry.pageOrder = from;
        if (changedFirst < 0)
            changedFirst = row;
    }
    flush(int(m_rows.size()));

    // New: appended in the order they came.
    const int added = int(present.count(false));
    if (added == 0)
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + added - 1);
    m_rows.reserve(first + added);
    for (int i = 0; i < rows.size(); ++i) {
        if (!present.at(i)) {
            m_rowById.insert(rows.at(i).id, int(m_rows.size()));
            m_rows.append({rows.at(i), i});
        }
    }
    endInsertRows();
}

int ConnectionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ConnectionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionTableModel::displayData(const ConnectionRow &row, int column) const
{
    switch (column) {
    case ClientColumn:
        return row.client;
    case ServiceColumn:
        return row.service;
    case GroupColumn:
        return row.group;
    case BackendColumn:
        return row.backend.isEmpty() ? tr("(none yet)") : row.backend;
    case AgeColumn:
        return ConnectionText::describeAge(row.ageMs);
    case BytesInColumn:
        return DisplayFormat::bytes(row.bytesIn);
    case BytesOutColumn:
        return DisplayFormat::bytes(row.bytesOut);
    case StateColumn:
        return ConnectionText::describeState(row.state);
    case ReasonColumn:
        return ConnectionText::describeChoice(row.reason, row.attempts);
    }
    return {};
}

QVariant ConnectionTableModel::sortData(const ConnectionRow &row, int column) const
{
    switch (column) {
    case AgeColumn:
        return row.ageMs;
    case BytesInColumn:
        return row.bytesIn;
    case BytesOutColumn:
        return row.bytesOut;
    case ClientColumn:
        // By address, then port; numbers compare as numbers within a family.
        return row.client;
    default:
        return displayData(row, column);
    }
}

QVariant ConnectionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionRow &row = m_rows.at(index.row()).row;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case SortRole:
        return sortData(row, index.column());
    case IdRole:
        return qulonglong(row.id);
    case ClientAddressRole:
        return addressOf(row.client);
    case ServiceRole:
        return row.service;
    case PageOrderRole:
        return m_rows.at(index.row()).pageOrder;
    case Qt::TextAlignmentRole:
        if (index.column() == AgeColumn || index.column() == BytesInColumn
            || index.column() == BytesOutColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == ClientColumn)
            return tr("Connection %1 from %2 to %3").arg(QString::number(row.id), row.client, row.local);
        if (index.column() == BytesInColumn || index.column() == BytesOutColumn)
            return tr("%1 bytes from the client, %2 bytes to the client")
                .arg(QString::number(row.bytesIn), QString::number(row.bytesOut));
        if (index.column() == ReasonColumn)
            return displayData(row, ReasonColumn);
        return {};
    default:
        return {};
    }
}

QVariant ConnectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ClientColumn:
        return tr("Client");
    case ServiceColumn:
        return tr("Service");
    case GroupColumn:
        return tr("Group");
    case BackendColumn:
        return tr("Backend");
    case AgeColumn:
        return tr("Age");
    case BytesInColumn:
        return tr("In");
    case BytesOutColumn:
        return tr("Out");
    case StateColumn:
        return tr("State");
    case ReasonColumn:
        return tr("Why this backend");
    }
    return {};
}

}  // namespace Balancier
