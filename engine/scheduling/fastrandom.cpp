#include "fastrandom.h"

#include <random>
#include <thread>

namespace Balancier {

namespace {

quint64 initialSeed()
{
    // random_device alone may be deterministic on odd platforms; mixing in the
    // thread id keeps threads apart even then.
    std::random_device device;
    const quint64 entropy = (quint64(device()) << 32) ^ quint64(device());
    return entropy ^ quint64(std::hash<std::thread::id>()(std::this_thread::get_id()));
}

quint64 &threadState()
{
    thread_local quint64 state = initialSeed();
    return state;
}

}  // namespace

quint64 FastRandom::next()
{
    quint64 &state = threadState();
    state += 0x9e3779b97f4a7c15ULL;
    quint64 z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

quint32 FastRandom::below(quint32 bound)
{
    // Lemire's multiply-shift on 32 random bits: no division, and the bias
    // (at most bound / 2^32) is far below anything a scheduler could notice.
    return quint32(((next() >> 32) * quint64(bound)) >> 32);
}

void FastRandom::seedThisThread(quint64 seed)
{
    threadState() = seed;
}

}  // namespace Balancier
