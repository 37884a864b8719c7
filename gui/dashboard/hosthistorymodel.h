#pragma once

#include "enginetypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace Balancier {

/// One host's state history, newest first: when, state, reason.
///
/// Thread contract: GUI thread.
class HostHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostHistoryModel)

public:
    enum Column
    {
        WhenColumn,
        StateColumn,
        ReasonColumn,
        ColumnCount
    };

    explicit HostHistoryModel(QObject *parent = nullptr);
    ~HostHistoryModel() override;

    /// A new host's history, oldest first (as the engine keeps it).
    void setHistory(const QList<HostStateEvent> &history);
    /// One new event (it goes to the top).
    void append(const HostStateEvent &event);
    /// Oldest first.
    const QList<HostStateEvent> &history() const { return m_events; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The engine keeps 100 events per host; so does the view.
    static constexpr int Limit = 100;

private:
    QList<HostStateEvent> m_events;  // oldest first
};

}  // namespace Balancier
