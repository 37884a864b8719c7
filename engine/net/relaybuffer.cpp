#include "relaybuffer.h"

#include <algorithm>

namespace Balancier {

namespace {

/// Buffers a worker thread keeps for reuse: in (b) of bench/run.sh nearly
/// every new connection needs one for a moment (the request arrives before
/// the backend accepts), and allocating 64 KiB each time was one of the
/// hot path's three allocations per connection (bench/heapcheck.sh).
/// Bounded: at most this many, 1 MiB per thread.
constexpr int KeptPerThread = 16;

struct BufferShelf
{
    std::unique_ptr<char[]> buffers[KeptPerThread];
    int count = 0;
};

thread_local BufferShelf shelf;

std::unique_ptr<char[]> takeBuffer()
{
    if (shelf.count > 0)
        return std::move(shelf.buffers[--shelf.count]);
    // Not zeroed: every byte is written before it is read.
    return std::make_unique_for_overwrite<char[]>(RelayBuffer::Capacity);
}

void giveBack(std::unique_ptr<char[]> buffer)
{
    if (shelf.count < KeptPerThread)
        shelf.buffers[shelf.count++] = std::move(buffer);
}

}  // namespace

RelayBuffer::~RelayBuffer()
{
    if (m_data)
        giveBack(std::move(m_data));
}

char *RelayBuffer::tail(qsizetype *room)
{
    if (!m_data)
        m_data = takeBuffer();
    if (m_begin > 0 && m_end == Capacity) {
        std::memmove(m_data.get(), m_data.get() + m_begin, size_t(m_end - m_begin));
        m_end -= m_begin;
        m_begin = 0;
    }
    *room = Capacity - m_end;
    return m_data.get() + m_end;
}

qsizetype RelayBuffer::append(const char *bytes, qsizetype count)
{
    qsizetype room = 0;
    char *target = tail(&room);
    const qsizetype taken = std::min(room, count);
    std::memcpy(target, bytes, size_t(taken));
    commit(taken);
    return taken;
}

bool RelayBuffer::prepend(const char *bytes, qsizetype count)
{
    if (count > space())
        return false;
    if (isEmpty())
        return append(bytes, count) == count;
    if (m_begin < count) {
        // Move what is there up to make room in front.
        std::memmove(m_data.get() + count, m_data.get() + m_begin, size_t(m_end - m_begin));
        m_end = count + (m_end - m_begin);
        m_begin = count;
    }
    m_begin -= count;
    std::memcpy(m_data.get() + m_begin, bytes, size_t(count));
    return true;
}

void RelayBuffer::consume(qsizetype count)
{
    m_begin += count;
    if (m_begin >= m_end) {
        m_begin = m_end = 0;
        giveBack(std::move(m_data));
    }
}

}  // namespace Balancier
