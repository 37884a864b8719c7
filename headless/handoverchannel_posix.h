#pragma once

#include <QByteArray>
#include <QList>

namespace Balancier {

/// One end of the AF_UNIX stream socket between the process being upgraded
/// and its successor. Messages are text lines; a line may carry
/// descriptors (SCM_RIGHTS), which travel with its first byte.
///
/// Thread contract: main thread; owned by UpgradeDonor or UpgradeHeir.
class HandoverChannel final
{
    Q_DISABLE_COPY_MOVE(HandoverChannel)

public:
    /// Takes ownership of `fd`.
    explicit HandoverChannel(int fd);
    ~HandoverChannel();

    int fd() const { return m_fd; }
    /// Sends `line` (a '\n' is added) with `fds` attached; blocks until
    /// the kernel took it all. False with errno set on failure.
    bool sendLine(const QByteArray &line, const QList<int> &fds = {});
    /// The longest line the other side may send (the hand-over's lines are
    /// short): a longer one is a broken or hostile peer, and the channel
    /// reports it as an error (errno EMSGSIZE) instead of buffering it.
    static constexpr qsizetype MaxLineBytes = 64 * 1024;

    /// Blocks up to `timeoutMs` for one line; the descriptors that came
    /// with it are appended to `fds` (close-on-exec). False on a timeout
    /// (errno ETIMEDOUT), end of stream (errno 0), a line longer than
    /// MaxLineBytes (EMSGSIZE) or an error.
    bool readLine(int timeoutMs, QByteArray *line, QList<int> *fds = nullptr);
    /// Non-blocking: the complete lines that have arrived; `closed` is set
    /// at end of stream, on an error, or when more than MaxLineBytes came
    /// without an end of line.
    QList<QByteArray> readAvailableLines(bool *closed);

private:
    int m_fd;
    QByteArray m_buffer;
};

}  // namespace Balancier
