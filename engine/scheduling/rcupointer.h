#pragma once

#include <QtGlobal>

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace Balancier {

/// A pointer to an immutable table that many threads read on the hot path
/// and one thread at a time replaces now and then: a minimal read-copy-update.
///
/// Readers never block and never take a lock: read() registers the reader
/// in one of two epoch counters and loads the current table; the returned
/// guard keeps the table alive until it is destroyed. publish() swaps the
/// table in, then waits (yielding) until every reader that might still see
/// the old table has let go, and deletes it. Readers hold a guard only for
/// one pick, so that wait is short.
///
/// Why not std::atomic<std::shared_ptr>: libstdc++ 12 releases its internal
/// lock with a relaxed store after reading the pointer, a formal data race
/// with the next store (ThreadSanitizer reports it), and every load costs a
/// reference-count round trip anyway.
///
/// Thread contract: read() from any thread, concurrently; publish() from
/// any thread (publishers are serialised); the destructor only when no
/// reader or publisher is active. A template, so its bodies live here.
template<typename T>
class RcuPointer final
{
    Q_DISABLE_COPY_MOVE(RcuPointer)

public:
    class ReadGuard final
    {
        Q_DISABLE_COPY_MOVE(ReadGuard)

    public:
        ~ReadGuard() { m_counter->fetch_sub(1, std::memory_order_release); }
        const T *get() const { return m_table; }
        const T *operator->() const { return m_table; }
        const T &operator*() const { return *m_table; }

    private:
        friend class RcuPointer;
        ReadGuard(std::atomic<int> *counter, const T *table)
            : m_counter(counter)
            , m_table(table)
        { }

        std::atomic<int> *m_counter;
        const T *m_table;
    };

    explicit RcuPointer(std::unique_ptr<const T> initial)
        : m_current(initial.release())
    { }

    ~RcuPointer() { delete m_current.load(std::memory_order_acquire); }

    /// The current table, valid while the guard lives. Wait-free.
    ReadGuard read() const
    {
        // seq_cst on the epoch load, the registration and the table load
        // orders them against publish(): a reader registered too late to be
        // waited for is also too late to see the old table.
        const int epoch = m_epoch.load(std::memory_order_seq_cst);
        std::atomic<int> *counter = &m_readers[std::size_t(epoch)];
        counter->fetch_add(1, std::memory_order_seq_cst);
        return ReadGuard(counter, m_current.load(std::memory_order_seq_cst));
    }

    /// Makes \a next the current table and deletes the previous one once no
    /// reader can still see it. Blocks only the publishing thread.
    void publish(std::unique_ptr<const T> next)
    {
        std::lock_guard lock(m_publishMutex);
        const T *previous = m_current.exchange(next.release(), std::memory_order_seq_cst);
        // Two flips: a reader that registered in the current slot before the
        // last publish may have loaded the previous table, and so may one
        // that registers in it before the first flip.
        for (int phase = 0; phase < 2; ++phase) {
            const int old = m_epoch.load(std::memory_order_relaxed);
            m_epoch.store(1 - old, std::memory_order_seq_cst);
            while (m_readers[std::size_t(old)].load(std::memory_order_seq_cst) != 0)
                std::this_thread::yield();
        }
        delete previous;
    }

private:
    std::atomic<const T *> m_current;
    mutable std::array<std::atomic<int>, 2> m_readers{};
    std::atomic<int> m_epoch{0};
    std::mutex m_publishMutex;
};

}  // namespace Balancier
