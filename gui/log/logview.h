#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace Balancier {

class EventLogModel;

/// The log page: the connection's events and, for a balancer run in this
/// process, the engine's log, newest at the bottom. Filters by level and
/// text; follows new lines while scrolled to the end; copies as text.
///
/// Thread contract: GUI thread.
class LogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogView)

public:
    /// Shows `model` (not owned; it must outlive the view).
    explicit LogView(EventLogModel *model, QWidget *parent = nullptr);
    ~LogView() override;

    QTableView *view() const { return m_view; }
    /// Only lines at `level` (EventLogModel::Level as int) or above.
    void setMinimumLevel(int level);

private:
    void applyFilter();

    EventLogModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QComboBox *m_level;
    QLineEdit *m_filter;
    bool m_follow = true;
};

}  // namespace Balancier
