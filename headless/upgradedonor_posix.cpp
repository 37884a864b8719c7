#include "upgradedonor.h"

#include "handoverchannel_posix.h"
#include "logcategories.h"

#include <QFile>
#include <QSocketNotifier>
#include <QTimer>
#include <QUrl>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

constexpr int ReapIntervalMs = 100;
constexpr int ReapAttempts = 50;

QString osError(const char *what, int error)
{
    return u"%1: %2"_s.arg(QLatin1StringView(what), QString::fromLocal8Bit(strerror(error)));
}

QString exitDescription(int status)
{
    if (WIFEXITED(status))
        return u"it exited with code %1"_s.arg(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return u"it was killed by signal %1"_s.arg(WTERMSIG(status));
    return u"it stopped"_s;
}

}  // namespace

struct UpgradeDonor::Platform
{
    std::unique_ptr<HandoverChannel> channel;
    QSocketNotifier *notifier = nullptr;
    QTimer *reaper = nullptr;
    pid_t pid = -1;
    int reapAttempts = 0;
    bool takenOver = false;
    bool finished = false;
    QString failure;  // what the successor said, if anything
};

UpgradeDonor::UpgradeDonor(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Platform>())
{ }

UpgradeDonor::~UpgradeDonor()
{
    delete d->notifier;
}

qint64 UpgradeDonor::successorPid() const
{
    return d->pid;
}

bool UpgradeDonor::start(const QString &program, const QStringList &arguments,
    const QList<ListenerSockets> &listeners, QString *error)
{
    int pair[2] = {-1, -1};
#ifdef SOCK_CLOEXEC
    // Close-on-exec from the start: no other thread's spawn inherits either end.
    const int type = SOCK_STREAM | SOCK_CLOEXEC;
#else
    const int type = SOCK_STREAM;
#endif
    if (::socketpair(AF_UNIX, type, 0, pair) != 0) {
        *error = osError("cannot create the hand-over socket pair", errno);
        return false;
    }
    ::fcntl(pair[0], F_SETFD, FD_CLOEXEC);
    d->channel = std::make_unique<HandoverChannel>(pair[0]);
    const int childEnd = pair[1];
    // The one descriptor the successor inherits on purpose; every other one
    // of ours is close-on-exec.
    ::fcntl(childEnd, F_SETFD, 0);

    const QByteArray path = QFile::encodeName(program);
    std::vector<QByteArray> argumentBytes{path};
    for (const QString &argument : arguments)
        argumentBytes.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : argumentBytes)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    QByteArray fdVariable = "BALANCIER_UPGRADE_FD=" + QByteArray::number(childEnd);
    std::vector<char *> envp;
    for (char **entry = environ; *entry; ++entry) {
        if (std::strncmp(*entry, "BALANCIER_UPGRADE_FD=", 21) != 0)
            envp.push_back(*entry);
    }
    envp.push_back(fdVariable.data());
    envp.push_back(nullptr);

    pid_t pid = -1;
    const int spawned = ::posix_spawn(&pid, path.constData(), nullptr, nullptr, argv.data(), envp.data());
    ::close(childEnd);
    if (spawned != 0) {
        d->channel.reset();
        *error = u"cannot start %1: %2"_s.arg(program, QString::fromLocal8Bit(strerror(spawned)));
        return false;
    }
    d->pid = pid;

    for (const ListenerSockets &listener : listeners) {
        QList<int> fds;
        for (const qintptr socket : listener.sockets)
            fds.append(int(socket));
        const QByteArray line = "listener " + QUrl::toPercentEncoding(listener.configured);
        if (!d->channel->sendLine(line, fds)) {
            *error = osError("cannot hand over the listening sockets", errno);
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
            d->channel.reset();
            return false;
        }
    }
    d->channel->sendLine("end");

    d->notifier = new QSocketNotifier(d->channel->fd(), QSocketNotifier::Read);
    connect(d->notifier, &QSocketNotifier::activated, this, [this] {
        bool closed = false;
        for (const QByteArray &line : d->channel->readAvailableLines(&closed)) {
            if (line == "release-admin") {
                Q_EMIT adminReleaseRequested();
            } else if (line == "taken-over") {
                d->takenOver = true;
                Q_EMIT takenOver(d->pid);
            } else if (line.startsWith("failed ")) {
                d->failure = QString::fromUtf8(line.mid(7));
            } else {
                qCWarning(lcNet, "upgrade: unexpected message from pid %lld: %s",
                    static_cast<long long>(d->pid), line.left(80).constData());
            }
        }
        if (!closed)
            return;
        d->notifier->setEnabled(false);
        if (d->takenOver)
            return;  // the successor runs; its end closing is its business
        // Gone before taking over: reap it, then say why.
        d->reaper = new QTimer(this);
        d->reaper->setInterval(ReapIntervalMs);
        connect(d->reaper, &QTimer::timeout, this, [this] {
            int status = 0;
            const pid_t reaped = ::waitpid(d->pid, &status, WNOHANG);
            if (reaped == 0 && ++d->reapAttempts < ReapAttempts)
                return;
            d->reaper->stop();
            QString reason = d->failure.isEmpty() ? u"the new process gave up"_s : d->failure;
            if (reaped == d->pid)
                reason += u" ("_s + exitDescription(status) + u')';
            else
                reason += u" (pid %1 still runs without the listeners)"_s.arg(d->pid);
            Q_EMIT failed(reason);
        });
        d->reaper->start();
    });
    return true;
}

void UpgradeDonor::confirmAdminReleased()
{
    if (d->channel)
        d->channel->sendLine("admin-released");
}

void UpgradeDonor::confirmHandedOver()
{
    if (d->channel)
        d->channel->sendLine("handed-over");
}

}  // namespace Balancier
