#pragma once

#include "enginetypes.h"

#include <QDateTime>
#include <QList>
#include <QWidget>

namespace Balancier {

/// A horizontal strip of a host's states over time, one coloured segment
/// per state, from the oldest event (or the window's start) to now.
/// Hovering shows the state and time under the pointer; the accessible
/// description summarises the strip for screen readers.
///
/// Thread contract: GUI thread.
class TimelineStrip final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineStrip)

public:
    explicit TimelineStrip(QWidget *parent = nullptr);
    ~TimelineStrip() override;

    /// Oldest first.
    void setHistory(const QList<HostStateEvent> &history);
    /// The right edge of the strip (default: the current time when painted).
    void setNow(const QDateTime &now);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Segment
    {
        QDateTime from;
        QDateTime to;
        QString state;
        QString reason;
    };
    QList<Segment> segments() const;
    QString describe() const;

    QList<HostStateEvent> m_history;
    QDateTime m_now;
};

}  // namespace Balancier
