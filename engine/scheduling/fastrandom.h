#pragma once

#include <QtGlobal>

namespace Balancier {

/// A small, fast pseudo-random generator (splitmix64) with one state per
/// thread, for schedulers that pick at random on the hot path.
///
/// Thread contract: every function may be called from any thread at any
/// time; each thread draws from its own state, seeded once from the OS.
/// Not for anything that needs unpredictability against an attacker.
class FastRandom final
{
public:
    FastRandom() = delete;

    /// 64 uniformly distributed bits.
    static quint64 next();
    /// A value in [0, bound); bound must be above 0.
    static quint32 below(quint32 bound);
    /// Re-seeds the calling thread's generator (tests that want repeatable draws).
    static void seedThisThread(quint64 seed);
};

}  // namespace Balancier
