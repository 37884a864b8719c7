#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QtGlobal>

/// A reproducible stream of pseudo-random bytes (splitmix64): two sources
/// with the same seed produce the same bytes however the reads are split,
/// so a sender and a checker need not keep what went over the wire.
///
/// Thread contract: a plain value; one thread at a time.
class PatternSource final
{
public:
    explicit PatternSource(quint64 seed);

    /// The next `size` bytes of the stream.
    QByteArray next(qint64 size);
    qint64 position() const { return m_position; }

    /// The checksum the data-plane tests compare streams with. Not SHA-256:
    /// Qt 6.4 feeds SHA-256 one byte at a time, four times slower than
    /// BLAKE2b, which matters at 64 MiB each way in a debug build.
    static constexpr QCryptographicHash::Algorithm HashAlgorithm = QCryptographicHash::Blake2b_256;

    /// Checksum (HashAlgorithm) of the first `size` bytes of the stream for `seed`.
    static QByteArray checksum(quint64 seed, qint64 size);

private:
    quint64 nextWord();

    quint64 m_state;
    quint64 m_spare = 0;  // bytes of the last word not handed out yet, lowest first
    int m_spareCount = 0;
    qint64 m_position = 0;
};
