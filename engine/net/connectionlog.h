#pragma once

#include "net/connectionrecord.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace Balancier {

/// The connection log (<logging connections="yes">): records from every
/// worker, formatted and written by one writer thread of its own.
///
/// Each worker has a bounded single-producer ring: push() copies the record
/// into a free slot or, when the ring is full because the writer fell
/// behind, drops it and counts the drop (dropped(),
/// balancier_connlog_dropped_total). A worker never waits for a lock, a
/// disk or a socket. The writer wakes every 20 ms (sooner when a ring is
/// half full), formats the records as text or JSON lines and writes them to
/// the daemon's log (category balancier.connlog, at info) or to syslog over
/// a UNIX datagram socket (RFC 5424, facility local0, severity info;
/// non-blocking: a full socket drops and counts too).
///
/// Thread contract: construct, configure() and destroy in the control
/// thread; push() only from worker `producer`'s thread; the rest any thread.
class ConnectionLog final
{
    Q_DISABLE_COPY_MOVE(ConnectionLog)

public:
    enum class Format
    {
        Text,
        Json,
    };
    enum class Destination
    {
        Log,
        Syslog,
    };

    struct Settings
    {
        bool enabled = false;
        Format format = Format::Text;
        Destination to = Destination::Log;
        QString syslogPath = QStringLiteral("/dev/log");
        qint64 interimMs = 0;  ///< 0: no interim records
        bool atConnect = false;

        friend bool operator==(const Settings &, const Settings &) = default;
    };

    /// `producers` workers, `capacity` records per worker's ring.
    explicit ConnectionLog(int producers, int capacity = DefaultCapacity);
    /// Writes what is queued, then stops the writer.
    ~ConnectionLog();

    static constexpr int DefaultCapacity = 8192;

    /// Turns the log on or off, or changes its format or destination, at
    /// once for every worker.
    void configure(const Settings &settings);
    Settings settings() const;

    bool enabled() const { return m_enabled.load(std::memory_order_acquire); }
    bool atConnect() const { return m_atConnect.load(std::memory_order_relaxed); }
    qint64 interimMs() const { return m_interimMs.load(std::memory_order_relaxed); }

    /// Queues `record` (moved from); false, and counted, when the ring of
    /// `producer` is full or the log is off.
    bool push(int producer, ConnectionRecord &record);

    /// Records dropped since the start: rings full, or syslog not taking them.
    quint64 dropped() const { return m_dropped.load(std::memory_order_relaxed); }
    quint64 written() const { return m_written.load(std::memory_order_relaxed); }

    /// Stops the writer from taking records (tests: fill a ring to see drops).
    void pauseWriterForTesting(bool paused);

private:
    struct Ring
    {
        std::vector<ConnectionRecord> records;
        alignas(64) std::atomic<quint64> head{0};  ///< next to take (writer)
        alignas(64) std::atomic<quint64> tail{0};  ///< next to fill (producer)
    };

    void run();
    void drainOnce(const Settings &settings);
    void write(const Settings &settings, const QByteArray &line);
    void openSyslog(const QString &path);
    void closeSyslog();

    const int m_capacity;
    std::vector<std::unique_ptr<Ring>> m_rings;
    std::atomic<bool> m_enabled{false};
    std::atomic<bool> m_atConnect{false};
    std::atomic<qint64> m_interimMs{0};
    std::atomic<quint64> m_dropped{0};
    std::atomic<quint64> m_written{0};
    std::atomic<bool> m_paused{false};

    mutable std::mutex m_mutex;  // guards the settings, m_stop and the wake-up
    std::condition_variable m_wake;
    Settings m_settings;
    bool m_stop = false;
    std::thread m_thread;

    // The writer thread's own.
    int m_syslog = -1;
    QString m_syslogOpen;
    QByteArray m_hostName;
    QByteArray m_pid;
};

}  // namespace Balancier
