#include "connectionbardelegate.h"

#include "dashboardmodel.h"

#include <QApplication>
#include <QPainter>

namespace Balancier {

ConnectionBarDelegate::ConnectionBarDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

ConnectionBarDelegate::~ConnectionBarDelegate() = default;

void ConnectionBarDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int maxConns = index.data(DashboardModel::MaxConnsRole).toInt();
    if (maxConns <= 0) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const qint64 active = index.data(DashboardModel::ActiveRole).toLongLong();
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    // Background, selection and focus as the style draws them.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const double fraction = qBound(0.0, double(active) / double(maxConns), 1.0);
    const QRect frame = opt.rect.adjusted(3, 3, -3, -3);
    // The usual dark highlight hardly shows on a dark base: a lighter blue there.
    const bool dark = opt.palette.color(QPalette::Base).lightness() < 128;
    QColor fill = dark ? QColor(0x6c, 0xa6, 0xff) : opt.palette.color(QPalette::Highlight);
    if (fraction >= 1.0)
        fill = QColor(0xd6, 0x2f, 0x2f);
    else if (fraction >= 0.8)
        fill = QColor(0xe8, 0x9b, 0x12);
    // On a selected row the highlight is the background: fill with its text colour instead.
    if ((opt.state & QStyle::State_Selected) && fraction < 0.8)
        fill = opt.palette.color(QPalette::HighlightedText);
    // On a selected row the highlight is the background: fill with its text colour instead.
    if ((opt.state & QStyle::State_Selected) && fraction < 0.8)
        fill = opt.palette.color(QPalette::HighlightedText);
    fill.setAlpha(opt.state & QStyle::State_Selected ? 110 : 80);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor border = opt.palette.color(QPalette::Mid);
    painter->setPen(border);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(frame).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
    QRectF filled = QRectF(frame).adjusted(1, 1, -1, -1);
    filled.setWidth(filled.width() * fraction);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(filled, 1.5, 1.5);
    painter->setPen(
        opt.palette.color(opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(frame.adjusted(4, 0, -4, 0), Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
}

QSize ConnectionBarDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(DashboardModel::MaxConnsRole).toInt() > 0)
        size.setWidth(qMax(size.width() + 16, 90));
    return size;
}

}  // namespace Balancier
