#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

namespace Balancier {

class TrafficHistory;

/// A small history graph of one service, group or host: open connections
/// (top) and throughput (bottom) over the last minutes, drawn with QPainter
/// in the palette's colours, so that it reads on a light and a dark palette.
/// The accessible description states the current and peak values, for
/// screen readers; so does the tooltip.
///
/// Thread contract: GUI thread.
class TrafficGraph final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrafficGraph)

public:
    explicit TrafficGraph(QWidget *parent = nullptr);
    ~TrafficGraph() override;

    /// The history to draw from (not owned) and the item's key in it
    /// (TrafficHistory::key()); `title` names the item above the graph.
    void setSource(TrafficHistory *history, const QString &key, const QString &title);
    QString key() const { return m_key; }
    /// What the graph shows, in words (also its accessible description).
    QString summary() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void handleUpdated();

    QPointer<TrafficHistory> m_history;
    QString m_key;
    QString m_title;
};

}  // namespace Balancier
