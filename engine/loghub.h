#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <deque>
#include <mutex>

namespace Balancier {

/// One line of the program's log, as the log tap keeps it.
struct LogLine
{
    QDateTime time;  ///< UTC; LogHub::append() stamps a line that has none
    QString level;  ///< "debug", "info", "warning", "critical" or "fatal"
    QString category;  ///< "balancier.admin", ...; empty for the default category
    QString message;

    /// {"time","level","category","message"}, compact: what the admin API sends.
    QByteArray toJson() const;
};

/// A tap on the program's log for the admin API: the host's log writer
/// (the daemon's Logging) hands it every line it writes; the tap keeps the
/// last capacity() of them in a ring, numbered. linesAdded() says that
/// there are new lines; it is not emitted again until a receiver has
/// called linesAfter(), so a flood of lines costs the ring and at most one
/// pending notification per receiver, however slow the receivers are. A
/// receiver that falls more than capacity() lines behind loses the oldest.
/// A new receiver calls linesAfter() once when it connects, to rearm it.
///
/// Lines logged while the tap is announcing a line, or inside a
/// SuppressScope (the admin server sending a log event), are not tapped:
/// they still reach the log itself, but never come back as log events, so
/// logging about log lines cannot feed itself.
///
/// Qt has one message handler per process, so a process has at most one
/// log writer; it installs its tap with install() for the admin servers it
/// does not construct itself to find (installed()).
///
/// Thread contract: append(), lines() and linesAfter() from any thread (a
/// mutex guards the ring); linesAdded() is emitted in the appending thread,
/// so connect receivers with Qt::QueuedConnection. Create and destroy the tap in one thread,
/// after uninstalling it.
class LogHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogHub)

public:
    static constexpr int DefaultCapacity = 500;

    explicit LogHub(int capacity = DefaultCapacity, QObject *parent = nullptr);
    ~LogHub() override;

    /// Keeps `line` and announces it, unless tapping is suppressed in this thread.
    void append(const LogLine &line);
    /// The last `count` lines (at most capacity()), oldest first.
    QList<LogLine> lines(int count) const;
    /// The lines numbered after `sequence` that the ring still holds, oldest
    /// first; `*last` gets the number of the newest line. Rearms linesAdded().
    QList<LogLine> linesAfter(quint64 sequence, quint64 *last);
    /// The number of the newest line (0 before the first).
    quint64 lastSequence() const;
    int capacity() const { return m_capacity; }

    /// The process's tap, or null: set by the log writer, read by admin servers.
    static void install(LogHub *hub);
    static LogHub *installed();

    /// While one exists in a thread, lines appended from that thread are not tapped.
    class SuppressScope final
    {
        Q_DISABLE_COPY_MOVE(SuppressScope)

    public:
        SuppressScope();
        ~SuppressScope();

    private:
        bool m_previous;
    };

Q_SIGNALS:
    /// New lines are there to read with linesAfter().
    void linesAdded();

private:
    const int m_capacity;
    mutable std::mutex m_mutex;  // guards m_lines and m_last
    std::deque<LogLine> m_lines;
    quint64 m_last = 0;  // the number of m_lines.back()
    std::atomic_bool m_pending{false};  // linesAdded() emitted, nobody has read since
};

}  // namespace Balancier
