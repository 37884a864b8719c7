#pragma once

#include <QSortFilterProxyModel>

namespace Balancier {

/// Sorting and filtering for the dashboard: sorts by DashboardModel::SortRole
/// (numbers as numbers), filters by a text found in a row's name or state
/// (a service or group stays when one of its hosts matches), and can hide
/// hosts that are up so that only the ones needing attention remain.
///
/// Thread contract: GUI thread.
class HostFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostFilterProxyModel)

public:
    explicit HostFilterProxyModel(QObject *parent = nullptr);
    ~HostFilterProxyModel() override;

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    /// Only hosts that are not up (and their service and group).
    void setProblemsOnly(bool problemsOnly);
    bool problemsOnly() const { return m_problemsOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    bool m_problemsOnly = false;
};

}  // namespace Balancier
