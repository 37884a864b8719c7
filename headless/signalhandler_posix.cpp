#include "signalhandler.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

constexpr int CaughtSignals[] = {SIGHUP, SIGTERM, SIGINT, SIGUSR2};

// The write end, read by the async-signal handler: a plain int set before the
// handlers are installed and reset after they are removed.
volatile sig_atomic_t s_writeFd = -1;

extern "C" void forwardSignal(int signalNumber)
{
    // Only async-signal-safe calls here: write() one byte; keep errno intact
    // for the code the signal interrupted. A full pipe drops the byte, which
    // is fine: the pending signals of that kind are already queued.
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    const ssize_t written = ::write(s_writeFd, &byte, 1);
    static_cast<void>(written);
    errno = savedErrno;
}

bool makeNonBlocking(int fd)
{
    const int flags = fcntl(fd, F_GETFL);
    return flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0;
}

}  // namespace

struct SignalHandler::Platform
{
    int fds[2] = {-1, -1};
    QSocketNotifier *notifier = nullptr;
    bool installed = false;
    struct sigaction previous[std::size(CaughtSignals)]{};
    struct sigaction previousPipe
    { };
};

SignalHandler::SignalHandler(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Platform>())
{ }

SignalHandler::~SignalHandler()
{
    if (d->installed) {
        for (size_t i = 0; i < std::size(CaughtSignals); ++i)
            sigaction(CaughtSignals[i], &d->previous[i], nullptr);
        sigaction(SIGPIPE, &d->previousPipe, nullptr);
        s_writeFd = -1;
    }
    delete d->notifier;
    for (const int fd : d->fds) {
        if (fd >= 0)
            ::close(fd);
    }
}

bool SignalHandler::install(QString *error)
{
    if (d->installed)
        return true;
    if (s_writeFd != -1) {
        if (error)
            *error = u"another signal handler is installed"_s;
        return false;
    }
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, d->fds) != 0) {
        if (error)
            *error
                = u"cannot create the signal socket pair: %1"_s.arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    if (!makeNonBlocking(d->fds[0]) || !makeNonBlocking(d->fds[1])) {
        if (error)
            *error
                = u"cannot set up the signal socket pair: %1"_s.arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    d->notifier = new QSocketNotifier(d->fds[1], QSocketNotifier::Read);
    connect(d->notifier, &QSocketNotifier::activated, this, [this] {
        unsigned char buffer[64];
        for (;;) {
            const ssize_t count = ::read(d->fds[1], buffer, sizeof buffer);
            if (count <= 0)
                break;
            for (ssize_t i = 0; i < count; ++i) {
                const int signalNumber = buffer[i];
                if (signalNumber == SIGHUP)
                    Q_EMIT reloadRequested();
                else if (signalNumber == SIGUSR2)
                    Q_EMIT upgradeRequested();
                else
                    Q_EMIT terminateRequested(signalNumber);
            }
        }
    });

    s_writeFd = d->fds[0];
    struct sigaction action
    { };
    action.sa_handler = forwardSignal;
    // SA_RESTART: a signal must not make a blocking call in Qt or the engine fail with EINTR.
    action.sa_flags = SA_RESTART;
    sigfillset(&action.sa_mask);
    for (size_t i = 0; i < std::size(CaughtSignals); ++i)
        sigaction(CaughtSignals[i], &action, &d->previous[i]);

    // A peer that goes away must cost an EPIPE on that socket, not the process.
    struct sigaction ignore
    { };
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &d->previousPipe);
    d->installed = true;
    return true;
}

QString SignalHandler::signalName(int signalNumber)
{
    switch (signalNumber) {
    case SIGHUP:
        return u"SIGHUP"_s;
    case SIGTERM:
        return u"SIGTERM"_s;
    case SIGINT:
        return u"SIGINT"_s;
    case SIGUSR2:
        return u"SIGUSR2"_s;
    default:
        return u"signal %1"_s.arg(signalNumber);
    }
}

}  // namespace Balancier
