#include "net/pipepool.h"

#include <cerrno>

#ifdef __linux__
#include <fcntl.h>
#include <unistd.h>
#endif

namespace Balancier {

namespace {

#ifdef __linux__
SocketOps::Result spliceResult(ssize_t moved)
{
    SocketOps::Result result;
    if (moved >= 0) {
        result.value = moved;
        return result;
    }
    result.error = errno;
    if (errno == EAGAIN || errno == EWOULDBLOCK)
        result.status = SocketOps::Status::WouldBlock;
    else
        result.status = SocketOps::Status::Error;
    return result;
}

SocketOps::Result spliceOnce(int from, int to, qint64 size)
{
    for (;;) {
        const ssize_t moved
            = ::splice(from, nullptr, to, nullptr, std::size_t(size), SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
        if (moved >= 0 || errno != EINTR)
            return spliceResult(moved);
    }
}

void closePipe(const PipePool::Pipe &pipe)
{
    ::close(pipe.readEnd);
    ::close(pipe.writeEnd);
}
#endif

}  // namespace

PipePool::PipePool(int capacity)
    : m_capacity(capacity)
{ }

PipePool::~PipePool()
{
#ifdef __linux__
    for (const Pipe &pipe : m_free)
        closePipe(pipe);
#endif
}

bool PipePool::supported() const
{
#ifdef __linux__
    return m_capacity > 0;
#else
    return false;
#endif
}

PipePool::Pipe PipePool::acquire()
{
#ifdef __linux__
    if (!m_free.empty()) {
        const Pipe pipe = m_free.back();
        m_free.pop_back();
        return pipe;
    }
    if (m_created >= m_capacity)
        return {};
    int ends[2];
    if (::pipe2(ends, O_NONBLOCK | O_CLOEXEC) != 0)
        return {};
    ++m_created;
    return Pipe{ends[0], ends[1]};
#else
    return {};
#endif
}

void PipePool::release(Pipe pipe, bool empty)
{
    if (!pipe.isValid())
        return;
#ifdef __linux__
    if (empty) {
        m_free.push_back(pipe);
        return;
    }
    closePipe(pipe);
    --m_created;
#else
    Q_UNUSED(empty);
#endif
}

SocketOps::Result PipePool::fill(const Pipe &pipe, SocketOps::Socket socket, qint64 size)
{
#ifdef __linux__
    return spliceOnce(int(socket), pipe.writeEnd, size);
#else
    Q_UNUSED(pipe);
    Q_UNUSED(socket);
    Q_UNUSED(size);
    return SocketOps::Result{SocketOps::Status::Error, ENOSYS, 0};
#endif
}

SocketOps::Result PipePool::drain(const Pipe &pipe, SocketOps::Socket socket, qint64 size)
{
#ifdef __linux__
    return spliceOnce(pipe.readEnd, int(socket), size);
#else
    Q_UNUSED(pipe);
    Q_UNUSED(socket);
    Q_UNUSED(size);
    return SocketOps::Result{SocketOps::Status::Error, ENOSYS, 0};
#endif
}

}  // namespace Balancier
