#include "trafficgraph.h"

#include "common/displayformat.h"
#include "traffichistory.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QStyleOption>

#include <functional>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

QString rateText(double bytesPerSecond)
{
    const QString text = DisplayFormat::rate(bytesPerSecond);
    return text.isEmpty() ? TrafficGraph::tr("idle") : text;
}

}  // namespace

TrafficGraph::TrafficGraph(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"trafficGraph"_s);
    // Focusable so that a screen reader user can reach the summary.
    setFocusPolicy(Qt::TabFocus);
    setAccessibleName(tr("Traffic graph"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setSource(nullptr, {}, {});
}

TrafficGraph::~TrafficGraph() = default;

void TrafficGraph::setSource(TrafficHistory *history, const QString &key, const QString &title)
{
    if (m_history)
        m_history->disconnect(this);
    m_history = history;
    m_key = key;
    m_title = title;
    if (history)
        connect(history, &TrafficHistory::updated, this, &TrafficGraph::handleUpdated);
    handleUpdated();
}

void TrafficGraph::handleUpdated()
{
    const QString text = summary();
    setAccessibleDescription(text);
    setToolTip(text);
    update();
}

QString TrafficGraph::summary() const
{
    const QList<TrafficHistory::Sample> samples
        = m_history && !m_key.isEmpty() ? m_history->samples(m_key) : QList<TrafficHistory::Sample>();
    if (samples.isEmpty())
        return m_key.isEmpty() ? tr("Select a service, group or host to see its traffic.")
                               : tr("No traffic recorded yet for %1.").arg(m_title);
    double peakConnections = 0;
    double peakThroughput = 0;
    for (const TrafficHistory::Sample &sample : samples) {
        peakConnections = qMax(peakConnections, sample.connections);
        peakThroughput = qMax(peakThroughput, sample.throughput);
    }
    const TrafficHistory::Sample &now = samples.constLast();
    return tr("%1 over the last %n minute(s): %2 open connections (peak %3); throughput %4 (peak %5).",
        nullptr, qMax(1, int((samples.constFirst().when.secsTo(now.when) + 59) / 60)))
        .arg(m_title, QLocale().toString(qint64(now.connections)),
            QLocale().toString(qint64(peakConnections)), rateText(now.throughput), rateText(peakThroughput));
}

QSize TrafficGraph::sizeHint() const
{
    return {360, fontMetrics().height() * 9};
}

QSize TrafficGraph::minimumSizeHint() const
{
    return {160, fontMetrics().height() * 6};
}

void TrafficGraph::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const int line = fontMetrics().height();
    const QList<TrafficHistory::Sample> samples
        = m_history && !m_key.isEmpty() ? m_history->samples(m_key) : QList<TrafficHistory::Sample>();

    const QDateTime end = samples.isEmpty() ? QDateTime::currentDateTimeUtc() : samples.constLast().when;
    // The axis spans the data, at least a minute and at most the window,
    // so that a young history fills the graph and then scrolls steadily.
    const qint64 spanSeconds = samples.isEmpty()
        ? 60
        : qBound(qint64(60), samples.constFirst().when.secsTo(end), qint64(TrafficHistory::WindowSeconds));
    const QDateTime start = end.addSecs(-spanSeconds);
    const QRect area = rect().adjusted(4, 2, -4, -line - 4);
    const int gap = 4;
    const int plotHeight = (area.height() - 2 * line - gap) / 2;
    if (plotHeight < 8)
        return;

    struct Plot
    {
        QString label;
        QColor color;
        std::function<double(const TrafficHistory::Sample &)> value;
        std::function<QString(double)> format;
    };
    // Blue: the palette's highlight on a light base, a lighter blue on a
    // dark one, where the usual dark highlight would hardly show.
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    const QColor connectionsColor = dark ? QColor(0x6c, 0xa6, 0xff) : pal.color(QPalette::Highlight);
    // Green reads on light and dark bases alike; the line is thick enough on both.
    const QColor throughputColor(0x2e, 0xa0, 0x43);
    const Plot plots[] = {
        {tr("Connections"), connectionsColor, [](const TrafficHistory::Sample &s) { return s.connections; },
            [](double v) {
                return QLocale().toString(qint64(v));
            }},
        {tr("Throughput"), throughputColor, [](const TrafficHistory::Sample &s) { return s.throughput; },
            [](double v) {
                return rateText(v);
            }},
    };
    int top = area.top();
    for (const Plot &plot : plots) {
        double peak = 0;
        for (const TrafficHistory::Sample &sample : samples)
            peak = qMax(peak, plot.value(sample));
        const double scale = peak > 0 ? peak * 1.1 : 1.0;
        const QRect titleRect(area.left(), top, area.width(), line);
        painter.setPen(pal.color(QPalette::WindowText));
        const QString current = samples.isEmpty() ? QString() : plot.format(plot.value(samples.constLast()));
        painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
            samples.isEmpty() ? plot.label : tr("%1: %2").arg(plot.label, current));
        if (peak > 0) {
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(
                titleRect, Qt::AlignRight | Qt::AlignVCenter, tr("peak %1").arg(plot.format(peak)));
        }
        const QRectF box(area.left() + 0.5, top + line + 0.5, area.width() - 1.0, plotHeight - 1.0);
        painter.setPen(pal.color(QPalette::Mid));
        painter.setBrush(pal.color(QPalette::Base));
        painter.drawRect(box);
        if (samples.size() >= 2) {
            QPainterPath path;
            const double span = double(start.msecsTo(end));
            for (qsizetype i = 0; i < samples.size(); ++i) {
                const TrafficHistory::Sample &sample = samples.at(i);
                const double x = box.left() + box.width() * double(start.msecsTo(sample.when)) / span;
                const double y = box.bottom() - (box.height() - 2) * plot.value(sample) / scale;
                if (i == 0)
                    path.moveTo(x, y);
                else
                    path.lineTo(x, y);
            }
            QPainterPath fill = path;
            fill.lineTo(path.currentPosition().x(), box.bottom());
            fill.lineTo(path.elementAt(0).x, box.bottom());
            fill.closeSubpath();
            QColor fillColor = plot.color;
            fillColor.setAlpha(60);
            painter.setPen(Qt::NoPen);
            painter.setBrush(fillColor);
            painter.drawPath(fill);
            painter.setPen(QPen(plot.color, 1.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(path);
        } else if (plot.label == plots[0].label) {
            painter.setPen(pal.color(QPalette::PlaceholderText));
            painter.drawText(box, Qt::AlignCenter, m_key.isEmpty() ? tr("No selection") : tr("Collecting…"));
        }
        top += line + plotHeight + gap;
    }
    painter.setPen(pal.color(QPalette::PlaceholderText));
    const QRect axis(area.left(), area.bottom() + 2, area.width(), line);
    painter.drawText(axis, Qt::AlignLeft | Qt::AlignVCenter,
        tr("%n minute(s) ago", nullptr, int((spanSeconds + 59) / 60)));
    painter.drawText(axis, Qt::AlignRight | Qt::AlignVCenter, tr("now"));
    if (!m_title.isEmpty())
        painter.drawText(axis, Qt::AlignHCenter | Qt::AlignVCenter, m_title);
    if (hasFocus()) {
        QStyleOptionFocusRect option;
        option.initFrom(this);
        option.rect = rect();
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
    }
}

}  // namespace Balancier
