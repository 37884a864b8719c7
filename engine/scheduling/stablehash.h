#pragma once

#include <QtGlobal>

/// Hashes that every balancer computes alike, whatever its Qt version or
/// process (qHash is seeded per process and may change between versions):
/// the hash ring, the Maglev table and the client key depend on them, and
/// the nodes of a pair must agree. Thread contract: pure functions.
namespace Balancier::StableHash {

inline constexpr quint64 FnvOffsetBasis = 0xcbf29ce484222325ULL;

/// FNV-1a over `length` bytes, starting from `basis` (FnvOffsetBasis, or
/// it XOR a seed for an independent family of hashes).
inline quint64 fnv1a(const unsigned char *bytes, qsizetype length, quint64 basis = FnvOffsetBasis)
{
    quint64 hash = basis;
    for (qsizetype i = 0; i < length; ++i) {
        hash ^= bytes[i];
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

/// MurmurHash3's 64-bit finaliser: spreads FNV's weak low bits over the word.
inline quint64 finalize(quint64 value)
{
    value ^= value >> 33;
    value *= 0xff51afd7ed558ccdULL;
    value ^= value >> 33;
    value *= 0xc4ceb9fe1a85ec53ULL;
    value ^= value >> 33;
    return value;
}

}  // namespace Balancier::StableHash
