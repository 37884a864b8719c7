#include "connectionlog.h"

#include "logcategories.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostInfo>
#include <QTimeZone>

#include <chrono>

#ifndef _WIN32
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

namespace Balancier {

namespace {
constexpr auto WriterPeriod = std::chrono::milliseconds(20);
}

ConnectionLog::ConnectionLog(int producers, int capacity)
    : m_capacity(std::max(capacity, 2))
{
    for (int i = 0; i < std::max(producers, 1); ++i)
        m_rings.push_back(std::make_unique<Ring>());
    m_hostName = QHostInfo::localHostName().toUtf8();
    if (m_hostName.isEmpty())
        m_hostName = "-";
    m_pid = QByteArray::number(QCoreApplication::applicationPid());
}

ConnectionLog::~ConnectionLog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    closeSyslog();
}

void ConnectionLog::configure(const Settings &settings)
{
    if (settings.enabled) {
        // Once, before the workers may push: the slots are never freed, so
        // a worker that saw the log on a moment before it was turned off
        // still has somewhere to write.
        for (const auto &ring : m_rings) {
            if (ring->records.empty())
                ring->records.resize(std::size_t(m_capacity));
        }
    }
    {
        std::lock_guard lock(m_mutex);
        m_settings = settings;
        if (settings.enabled && !m_thread.joinable())
            m_thread = std::thread([this] { run(); });
    }
    m_atConnect.store(settings.atConnect, std::memory_order_relaxed);
    m_interimMs.store(settings.interimMs, std::memory_order_relaxed);
    m_enabled.store(settings.enabled, std::memory_order_release);
    m_wake.notify_all();
}

ConnectionLog::Settings ConnectionLog::settings() const
{
    std::lock_guard lock(m_mutex);
    return m_settings;
}

bool ConnectionLog::push(int producer, ConnectionRecord &record)
{
    if (!enabled() || producer < 0 || producer >= int(m_rings.size()))
        return false;
    Ring &ring = *m_rings[std::size_t(producer)];
    const quint64 tail = ring.tail.load(std::memory_order_relaxed);
    const quint64 head = ring.head.load(std::memory_order_acquire);
    if (tail - head >= quint64(m_capacity)) {
        m_dropped.fetch_add(1, std::memory_order_relaxed);
        return false;
    }
    ring.records[std::size_t(tail % quint64(m_capacity))] = std::move(record);
    ring.tail.store(tail + 1, std::memory_order_release);
    // Half full: wake the writer now rather than at its next period. The
    // notification takes no lock and costs nothing when nobody waits.
    if (tail - head + 1 == quint64(m_capacity / 2))
        m_wake.notify_one();
    return true;
}

void ConnectionLog::pauseWriterForTesting(bool paused)
{
    m_paused.store(paused);
    m_wake.notify_all();
}

void ConnectionLog::run()
{
    for (;;) {
        Settings settings;
        bool stop = false;
        {
            std::unique_lock lock(m_mutex);
            if (m_settings.enabled && !m_stop)
                m_wake.wait_for(lock, WriterPeriod);
            else if (!m_stop)
                m_wake.wait(lock, [this] { return m_stop || m_settings.enabled; });
            settings = m_settings;
            stop = m_stop;
        }
        if (!m_paused.load() || stop)
            drainOnce(settings);
        if (stop)
            return;
    }
}

void ConnectionLog::drainOnce(const Settings &settings)
{
    if (settings.to == Destination::Syslog && m_syslogOpen != settings.syslogPath)
        openSyslog(settings.syslogPath);
    else if (settings.to != Destination::Syslog && m_syslog >= 0)
        closeSyslog();
    for (const auto &ringPointer : m_rings) {
        Ring &ring = *ringPointer;
        if (ring.records.empty())
            continue;
        quint64 head = ring.head.load(std::memory_order_relaxed);
        const quint64 tail = ring.tail.load(std::memory_order_acquire);
        while (head != tail) {
            // Moved out: the strings it shared are released here, in this
            // thread, not in the worker.
            ConnectionRecord record = std::move(ring.records[std::size_t(head % quint64(m_capacity))]);
            ++head;
            ring.head.store(head, std::memory_order_release);
            write(settings, settings.format == Format::Json ? record.toJson() : record.toText());
        }
    }
}

void ConnectionLog::write(const Settings &settings, const QByteArray &line)
{
    if (settings.to == Destination::Log) {
        qCInfo(lcConnLog, "%s", line.constData());
        m_written.fetch_add(1, std::memory_order_relaxed);
        return;
    }
#ifndef _WIN32
    if (m_syslog < 0) {
        m_dropped.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    // RFC 5424: <PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG,
    // PRI 134 = facility local0 (16) * 8 + severity info (6).
    QByteArray message = "<134>1 " + QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8()
        + ' ' + m_hostName + " balancierd " + m_pid + " conn - " + line;
    const ssize_t sent = ::send(m_syslog, message.constData(), std::size_t(message.size()), MSG_DONTWAIT);
    if (sent < 0) {
        // Full (EAGAIN) or the reader went away: drop, and try to reconnect
        // at the next batch.
        m_dropped.fetch_add(1, std::memory_order_relaxed);
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != ENOBUFS)
            closeSyslog();
        return;
    }
    m_written.fetch_add(1, std::memory_order_relaxed);
#else
    Q_UNUSED(line);
    m_dropped.fetch_add(1, std::memory_order_relaxed);
#endif
}

void ConnectionLog::openSyslog(const QString &path)
{
    closeSyslog();
#ifndef _WIN32
    const QByteArray native = path.toLocal8Bit();
    sockaddr_un address{};
    if (native.isEmpty() || std::size_t(native.size()) >= sizeof(address.sun_path))
        return;
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return;
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, native.constData(), std::size_t(native.size()));
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address)) != 0) {
        static std::atomic<bool> said{false};
        if (!said.exchange(true)) {
            qCWarning(lcConnLog, "connection log: cannot reach syslog at %s: %s; records are dropped",
                native.constData(), std::strerror(errno));
        }
        ::close(fd);
        return;
    }
    m_syslog = fd;
    m_syslogOpen = path;
#else
    Q_UNUSED(path);
#endif
}

void ConnectionLog::closeSyslog()
{
#ifndef _WIN32
    if (m_syslog >= 0)
        ::close(m_syslog);
#endif
    m_syslog = -1;
    m_syslogOpen.clear();
}

}  // namespace Balancier
