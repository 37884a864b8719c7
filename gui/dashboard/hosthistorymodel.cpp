#include "hosthistorymodel.h"

#include "common/statestyle.h"
#include "editor/changetext.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace Balancier {

HostHistoryModel::HostHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

HostHistoryModel::~HostHistoryModel() = default;

void HostHistoryModel::setHistory(const QList<HostStateEvent> &history)
{
    beginResetModel();
    m_events = history.mid(qMax<qsizetype>(0, history.size() - Limit));
    endResetModel();
}

void HostHistoryModel::append(const HostStateEvent &event)
{
    if (m_events.size() >= Limit) {
        // The oldest is the last row.
        beginRemoveRows({}, int(m_events.size()) - 1, int(m_events.size()) - 1);
        m_events.removeFirst();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_events.append(event);
    endInsertRows();
}

int HostHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int HostHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HostHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HostStateEvent &event = m_events.at(m_events.size() - 1 - index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhenColumn: {
            // State changes come seconds apart: show the seconds.
            const QDateTime when = event.when.toLocalTime();
            return QString(QLocale().toString(when.date(), QLocale::ShortFormat) + u' '
                + QLocale().toString(when.time(), QStringLiteral("HH:mm:ss")));
        }
        case StateColumn:
            return StateStyle::displayName(event.state);
        case ReasonColumn:
            return ChangeText::describeReason(event);
        default:
            return {};
        }
    case Qt::DecorationRole:
        return index.column() == StateColumn ? QVariant(StateStyle::icon(event.state)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == StateColumn
            ? QVariant(StateStyle::color(event.state, QGuiApplication::palette()))
            : QVariant();
    case Qt::ToolTipRole:
        return event.when.toLocalTime().toString(Qt::ISODateWithMs);
    default:
        return {};
    }
}

QVariant HostHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhenColumn:
        return tr("When");
    case StateColumn:
        return tr("State");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

}  // namespace Balancier
