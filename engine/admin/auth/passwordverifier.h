#pragma once

#include "config/passwordhash.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>

namespace Balancier {

/// Runs PasswordHash::verify() on a small pool of threads of its own, so that
/// PBKDF2 (deliberately slow) never blocks the control thread, and bounds how
/// many checks may wait or run at once.
///
/// Its own pool, not the global one: other users of the global pool must not
/// wait behind password checks, nor these behind them.
///
/// Thread contract: created, used and destroyed in one thread (the control
/// thread); `done` is called there, from its event loop, never from inside
/// verify(). Destroying the verifier drops checks that have not started and
/// waits for the running ones (one PBKDF2 per thread at most); their `done`
/// is not called.
class PasswordVerifier final : public QObject
{
    Q_DISABLE_COPY_MOVE(PasswordVerifier)

public:
    /// Threads that compute hashes. Few: PBKDF2 is pure CPU, and the data
    /// plane's workers need the cores.
    static constexpr int MaxThreads = 2;
    /// Checks waiting or running at once; verify() refuses more.
    static constexpr int MaxPending = 16;

    using Done = std::function<void(PasswordHash::Result result, const QString &reason)>;

    explicit PasswordVerifier(QObject *parent = nullptr);
    ~PasswordVerifier() override;

    /// Starts checking `password` against `stored`; waiting checks of a
    /// higher `priority` start first. False (and `done` is dropped) when
    /// MaxPending checks are waiting or running already.
    bool verify(const QString &password, const QString &stored, int priority, Done done);
    /// Checks waiting or running.
    int pending() const { return int(m_pending.size()); }

private:
    void handleResult(quint64 id, PasswordHash::Result result, const QString &reason);

    QThreadPool m_pool;
    QHash<quint64, Done> m_pending;  ///< by check id; the callbacks stay in this thread
    quint64 m_nextId = 1;
};

}  // namespace Balancier
