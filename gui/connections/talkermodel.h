#pragma once

#include "ops/connectionquery.h"

#include <QAbstractTableModel>
#include <QList>

namespace Balancier {

/// The Connections page's "top talkers": open connections, new connections
/// per second and bytes by client prefix, as the balancer ranked them.
/// A new answer with the same prefixes in the same order only changes the
/// numbers (dataChanged); otherwise the short list is reset.
///
/// Thread contract: GUI thread.
class TalkerModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TalkerModel)

public:
    enum Column
    {
        PrefixColumn,
        OpenColumn,
        RateColumn,
        BytesInColumn,
        BytesOutColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit TalkerModel(QObject *parent = nullptr);
    ~TalkerModel() override;

    void setTalkers(const QList<Talker> &talkers);
    const QList<Talker> &talkers() const { return m_talkers; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Talker> m_talkers;
};

}  // namespace Balancier
