#include "hostfilterproxymodel.h"

#include "dashboardmodel.h"

using namespace Qt::StringLiterals;

namespace Balancier {

HostFilterProxyModel::HostFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(DashboardModel::SortRole);
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

HostFilterProxyModel::~HostFilterProxyModel() = default;

void HostFilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

void HostFilterProxyModel::setProblemsOnly(bool problemsOnly)
{
    if (problemsOnly == m_problemsOnly)
        return;
    m_problemsOnly = problemsOnly;
    invalidateFilter();
}

bool HostFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, DashboardModel::NameColumn, sourceParent);
    const auto kind = DashboardModel::Kind(index.data(DashboardModel::KindRole).toInt());
    if (m_problemsOnly) {
        // Recursive filtering keeps a service or group when a host below matches.
        if (kind != DashboardModel::Kind::Host)
            return false;
        if (index.data(DashboardModel::StateRole).toString() == "up"_L1)
            return false;
    }
    if (m_text.isEmpty())
        return m_problemsOnly ? kind == DashboardModel::Kind::Host : true;
    const QString state = sourceModel()
                              ->index(sourceRow, DashboardModel::StateColumn, sourceParent)
                              .data(Qt::DisplayRole)
                              .toString();
    return index.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive)
        || state.contains(m_text, Qt::CaseInsensitive);
}

}  // namespace Balancier
