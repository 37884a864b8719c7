#pragma once

#include <QtGlobal>
#include <cstring>
#include <memory>

namespace Balancier {

/// Bytes read from one side that the other side has not taken yet.
/// Allocated only while it holds something, so an idle connection costs
/// no buffer memory; never holds more than Capacity bytes, which bounds a
/// connection's memory to 2 x Capacity. Freed buffers go back to a small
/// per-thread shelf (at most 16) and are reused from there.
///
/// Thread contract: owned by one Session, used in its worker thread only.
class RelayBuffer final
{
    Q_DISABLE_COPY_MOVE(RelayBuffer)

public:
    static constexpr qsizetype Capacity = 64 * 1024;

    RelayBuffer() = default;
    ~RelayBuffer();

    bool isEmpty() const { return m_begin == m_end; }
    bool isFull() const { return m_end - m_begin >= Capacity; }
    qsizetype size() const { return m_end - m_begin; }
    qsizetype space() const { return Capacity - size(); }
    const char *data() const { return m_data.get() + m_begin; }

    /// Appends up to space() bytes; returns how many were taken.
    qsizetype append(const char *bytes, qsizetype count);
    /// Puts `count` bytes before the others (a PROXY header before the
    /// client's first bytes); false, changing nothing, when they do not fit.
    bool prepend(const char *bytes, qsizetype count);
    /// Drops `count` bytes from the front; frees the memory when empty.
    void consume(qsizetype count);
    /// A writable tail of at least one byte (allocating, compacting as needed).
    char *tail(qsizetype *room);
    void commit(qsizetype count) { m_end += count; }

private:
    std::unique_ptr<char[]> m_data;
    qsizetype m_begin = 0;
    qsizetype m_end = 0;
};

}  // namespace Balancier
