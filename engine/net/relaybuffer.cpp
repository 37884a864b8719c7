#include "relaybuffer.h"

#include <algorithm>

namespace Balancier {

char *RelayBuffer::tail(qsizetype *room)
{
    if (!m_data)
        m_data = std::make_unique<char[]>(Capacity);
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
        m_data.reset();
    }
}

}  // namespace Balancier
