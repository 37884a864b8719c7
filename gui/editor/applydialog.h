#pragma once

#include "config/configdiff.h"
#include "stats/statssnapshot.h"

#include <QDialog>

class QTreeWidget;
class QLabel;

namespace Balancier {

/// "Apply to running balancer": lists what the draft changes in the running
/// config, each change with its impact on live traffic, and asks to go on.
///
/// Thread contract: GUI thread.
class ApplyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApplyDialog)

public:
    ApplyDialog(const QList<ConfigChange> &changes, const StatsSnapshot &snapshot, const QString &target,
        QWidget *parent = nullptr);
    ~ApplyDialog() override;

    QTreeWidget *changeList() const { return m_list; }
    /// The one-paragraph summary above the list ("adds host x; drains …").
    QString summaryText() const;

private:
    QTreeWidget *m_list;
    QLabel *m_summary;
};

}  // namespace Balancier
