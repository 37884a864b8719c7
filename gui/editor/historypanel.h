#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTreeView;

namespace Balancier {

class ConfigHistory;

/// The editor's config history: the versions of the running config, newest
/// first; the changes that made the selected one; and a button that rolls
/// the balancer back to it.
///
/// The panel only asks for a rollback (rollbackRequested()); the editor
/// applies the version through the same path as any other config.
///
/// Thread contract: GUI thread.
class HistoryPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryPanel)

public:
    /// `history` is not owned and must outlive the panel.
    explicit HistoryPanel(ConfigHistory *history, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    /// Whether a rollback can be applied now (a balancer is connected).
    void setRollbackAvailable(bool available);

    QTreeView *versionView() const { return m_view; }
    QListWidget *changeList() const { return m_changes; }
    QPushButton *rollbackButton() const { return m_rollback; }
    /// The version number selected, or 0.
    int selectedNumber() const;

Q_SIGNALS:
    /// The user asked to make version `number` the running config again.
    void rollbackRequested(int number);

private:
    void handleCurrentChanged();
    void updateButton();

    ConfigHistory *m_history;
    QTreeView *m_view;
    QListWidget *m_changes;
    QLabel *m_detail;
    QPushButton *m_rollback;
    bool m_available = false;
    int m_selectedBeforeReset = 0;  ///< the older version looked at when the model was reset; 0: the newest
};

}  // namespace Balancier
