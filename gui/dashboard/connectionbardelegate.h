#pragma once

#include <QStyledItemDelegate>

namespace Balancier {

/// Draws a host's open connections as a bar against its maxconns (when
/// it has one) behind the number, so a full host shows at a glance.
/// Rows without a limit are drawn as plain text.
///
/// Thread contract: GUI thread.
class ConnectionBarDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionBarDelegate)

public:
    explicit ConnectionBarDelegate(QObject *parent = nullptr);
    ~ConnectionBarDelegate() override;

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

}  // namespace Balancier
