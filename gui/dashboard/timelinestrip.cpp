#include "timelinestrip.h"

#include "common/statestyle.h"
#include "editor/changetext.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QStyle>
#include <QStyleOption>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace Balancier {

TimelineStrip::TimelineStrip(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::TabFocus);
    setAccessibleName(tr("State timeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

TimelineStrip::~TimelineStrip() = default;

void TimelineStrip::setHistory(const QList<HostStateEvent> &history)
{
    m_history = history;
    setAccessibleDescription(describe());
    update();
}

void TimelineStrip::setNow(const QDateTime &now)
{
    m_now = now;
    update();
}

QSize TimelineStrip::sizeHint() const
{
    return {400, fontMetrics().height() * 2 + 8};
}

QSize TimelineStrip::minimumSizeHint() const
{
    return {100, fontMetrics().height() * 2 + 8};
}

QList<TimelineStrip::Segment> TimelineStrip::segments() const
{
    QList<Segment> list;
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTime();
    for (qsizetype i = 0; i < m_history.size(); ++i) {
        const HostStateEvent &event = m_history.at(i);
        Segment segment;
        segment.from = event.when;
        segment.to = i + 1 < m_history.size() ? m_history.at(i + 1).when : now;
        // "ready" ends a drain or maintenance: the host is up (or down, which its own event says).
        segment.state = event.state == "ready"_L1 ? u"up"_s : event.state;
        segment.reason = ChangeText::describeReason(event);
        list.append(segment);
    }
    return list;
}

QString TimelineStrip::describe() const
{
    if (m_history.isEmpty())
        return tr("No state changes recorded.");
    const HostStateEvent &last = m_history.constLast();
    return tr("%n state change(s); now %1 since %2.", nullptr, int(m_history.size()))
        .arg(StateStyle::displayName(last.state),
            QLocale().toString(last.when.toLocalTime(), QLocale::ShortFormat));
}

void TimelineStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect bar = rect().adjusted(2, 2, -2, -fontMetrics().height() - 4);
    const QList<Segment> list = segments();
    painter.setPen(palette().color(QPalette::Mid));
    painter.setBrush(palette().color(QPalette::AlternateBase));
    painter.drawRoundedRect(QRectF(bar).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
    if (list.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(bar, Qt::AlignCenter, tr("No history"));
        return;
    }
    const QDateTime start = list.constFirst().from;
    const QDateTime end = list.constLast().to;
    const double span = qMax<qint64>(1, start.msecsTo(end));
    for (const Segment &segment : list) {
        const double x0 = bar.left() + bar.width() * double(start.msecsTo(segment.from)) / span;
        const double x1 = bar.left() + bar.width() * double(start.msecsTo(segment.to)) / span;
        QColor color = StateStyle::color(segment.state, palette());
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRect(QRectF(x0, bar.top() + 1, qMax(2.0, x1 - x0), bar.height() - 2));
    }
    painter.setPen(palette().color(QPalette::Text));
    const QRect labels(bar.left(), bar.bottom() + 2, bar.width(), fontMetrics().height());
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter,
        QLocale().toString(start.toLocalTime(), QLocale::ShortFormat));
    painter.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, tr("now"));
    if (hasFocus()) {
        QStyleOption option;
        option.initFrom(this);
        option.rect = rect();
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
    }
}

bool TimelineStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QList<Segment> list = segments();
        if (!list.isEmpty()) {
            const QRect bar = rect().adjusted(2, 2, -2, -2);
            const QDateTime start = list.constFirst().from;
            const qint64 span = qMax<qint64>(1, start.msecsTo(list.constLast().to));
            const QDateTime at
                = start.addMSecs(qint64(double(help->pos().x() - bar.left()) / bar.width() * span));
            for (const Segment &segment : list) {
                if (at >= segment.from && at <= segment.to) {
                    QString text
                        = tr("%1 from %2")
                              .arg(StateStyle::displayName(segment.state),
                                  QLocale().toString(segment.from.toLocalTime(), QLocale::ShortFormat));
                    if (!segment.reason.isEmpty())
                        text += u'\n' + segment.reason;
                    QToolTip::showText(help->globalPos(), text, this);
                    return true;
                }
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

}  // namespace Balancier
