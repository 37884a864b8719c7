#pragma once

#include <QtGlobal>

namespace Balancier {

/// A descriptor that another thread can make readable, to end a dispatcher's
/// wait: a non-blocking pipe on POSIX (wakeupchannel_posix.cpp), a UDP
/// socket on 127.0.0.1 connected to itself on Windows, where WSAPoll()
/// accepts sockets only (wakeupchannel_win.cpp).
///
/// Thread contract: signal() may be called from any thread; everything else
/// from the owning dispatcher's thread.
class WakeUpChannel final
{
    Q_DISABLE_COPY_MOVE(WakeUpChannel)

public:
    /// Prints why with qWarning() when it cannot be set up (descriptor limit).
    WakeUpChannel();
    ~WakeUpChannel();

    bool isValid() const;
    /// The descriptor to watch for readability.
    qintptr descriptor() const { return m_read; }
    /// Makes descriptor() readable. Thread-safe; callers coalesce.
    void signal();
    /// Consumes every pending signal.
    void drain();

private:
    qintptr m_read = -1;
    qintptr m_write = -1;
};

}  // namespace Balancier
