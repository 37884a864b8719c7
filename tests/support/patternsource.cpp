#include "patternsource.h"

#include <QtEndian>

#include <cstring>

PatternSource::PatternSource(quint64 seed)
    : m_state(seed)
{ }

quint64 PatternSource::nextWord()
{
    quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

QByteArray PatternSource::next(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    char *out = bytes.data();
    qint64 left = size;
    while (left > 0 && m_spareCount > 0) {
        *out++ = char(m_spare & 0xff);
        m_spare >>= 8;
        --m_spareCount;
        --left;
    }
    while (left >= 8) {
        // Little-endian on every platform, so that the byte order matches the spare path.
        const quint64 word = qToLittleEndian(nextWord());
        std::memcpy(out, &word, sizeof word);
        out += 8;
        left -= 8;
    }
    if (left > 0) {
        m_spare = nextWord();
        m_spareCount = 8;
        while (left > 0) {
            *out++ = char(m_spare & 0xff);
            m_spare >>= 8;
            --m_spareCount;
            --left;
        }
    }
    m_position += size;
    return bytes;
}

QByteArray PatternSource::checksum(quint64 seed, qint64 size)
{
    PatternSource source(seed);
    QCryptographicHash hash(HashAlgorithm);
    constexpr qint64 Chunk = 1024 * 1024;
    while (source.position() < size)
        hash.addData(source.next(std::min(Chunk, size - source.position())));
    return hash.result();
}
