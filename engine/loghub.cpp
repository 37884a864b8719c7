#include "loghub.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

std::atomic<LogHub *> s_installed{nullptr};
// Set while this thread announces a line or runs a SuppressScope.
thread_local bool t_suppressed = false;

}  // namespace

QByteArray LogLine::toJson() const
{
    QJsonObject object;
    object.insert("time"_L1, time.toUTC().toString(Qt::ISODateWithMs));
    object.insert("level"_L1, level);
    object.insert("category"_L1, category);
    object.insert("message"_L1, message);
    // Compact JSON has no raw newline, so a line is one SSE data: field, and
    // whatever a client put into a logged path arrives escaped.
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

LogHub::LogHub(int capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax(1, capacity))
{ }

LogHub::~LogHub()
{
    LogHub *self = this;
    s_installed.compare_exchange_strong(self, nullptr);
}

void LogHub::append(const LogLine &line)
{
    if (t_suppressed)
        return;
    {
        const std::lock_guard lock(m_mutex);
        m_lines.push_back(line);
        // Stamped under the lock, so that the ring's order is the time order.
        if (!m_lines.back().time.isValid())
            m_lines.back().time = QDateTime::currentDateTimeUtc();
        ++m_last;
        while (m_lines.size() > size_t(m_capacity))
            m_lines.pop_front();
    }
    // Set after the line is in: a receiver that clears the flag reads it.
    if (m_pending.exchange(true))
        return;
    // Whatever a receiver logs while being told is not tapped.
    t_suppressed = true;
    Q_EMIT linesAdded();
    t_suppressed = false;
}

QList<LogLine> LogHub::linesAfter(quint64 sequence, quint64 *last)
{
    // Cleared before reading: a line appended from now on notifies again.
    m_pending.store(false);
    const std::lock_guard lock(m_mutex);
    const quint64 first = m_last - m_lines.size() + 1;  // the number of m_lines.front()
    QList<LogLine> result;
    for (quint64 number = qMax(sequence + 1, first); number <= m_last; ++number)
        result.append(m_lines[size_t(number - first)]);
    if (last)
        *last = m_last;
    return result;
}

quint64 LogHub::lastSequence() const
{
    const std::lock_guard lock(m_mutex);
    return m_last;
}

QList<LogLine> LogHub::lines(int count) const
{
    const std::lock_guard lock(m_mutex);
    const size_t wanted = size_t(qBound(0, count, m_capacity));
    const size_t first = m_lines.size() > wanted ? m_lines.size() - wanted : 0;
    QList<LogLine> result;
    result.reserve(qsizetype(m_lines.size() - first));
    for (size_t i = first; i < m_lines.size(); ++i)
        result.append(m_lines[i]);
    return result;
}

void LogHub::install(LogHub *hub)
{
    s_installed.store(hub);
}

LogHub *LogHub::installed()
{
    return s_installed.load();
}

LogHub::SuppressScope::SuppressScope()
    : m_previous(t_suppressed)
{
    t_suppressed = true;
}

LogHub::SuppressScope::~SuppressScope()
{
    t_suppressed = m_previous;
}

}  // namespace Balancier
