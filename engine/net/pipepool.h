#pragma once

#include "platform/socketops.h"

#include <QtGlobal>
#include <vector>

namespace Balancier {

/// Kernel pipes for moving a bulk flow with splice(2): socket -> pipe ->
/// socket, without copying the bytes into user space. Linux only; elsewhere
/// supported() is false and sessions copy.
///
/// Bounded: at most `capacity` pipes exist per pool (two descriptors and at
/// most 64 KiB of kernel buffer each), made on demand and kept for reuse. A
/// session holds one only while bytes of a bulk flow are on their way
/// through it; with none left, flows are copied as usual. A pipe that still
/// holds bytes when its session ends is closed, not reused.
///
/// Thread contract: one per worker, used only in that worker's thread.
class PipePool final
{
    Q_DISABLE_COPY_MOVE(PipePool)

public:
    struct Pipe
    {
        int readEnd = -1;
        int writeEnd = -1;
        bool isValid() const { return readEnd >= 0; }
    };

    explicit PipePool(int capacity);
    ~PipePool();

    bool supported() const;
    /// An empty pipe, or an invalid one when the bound is reached or no pipe
    /// can be made (out of descriptors): then copy.
    Pipe acquire();
    /// Gives `pipe` back; `empty`: it holds no bytes, so it can be reused.
    void release(Pipe pipe, bool empty);

    /// Moves up to `size` bytes from `socket` into `pipe` (0: end of stream).
    static SocketOps::Result fill(const Pipe &pipe, SocketOps::Socket socket, qint64 size);
    /// Moves up to `size` bytes from `pipe` to `socket`.
    static SocketOps::Result drain(const Pipe &pipe, SocketOps::Socket socket, qint64 size);

    int created() const { return m_created; }

private:
    const int m_capacity;
    int m_created = 0;  ///< pipes that exist: free ones and those sessions hold
    std::vector<Pipe> m_free;
};

}  // namespace Balancier
