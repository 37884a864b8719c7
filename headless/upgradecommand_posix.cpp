#include "upgradecommand.h"

#include "console.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Balancier::UpgradeCommand {

namespace {

constexpr int PollIntervalMs = 100;

/// The pid in `path`, 0 when the file is missing or holds none.
qint64 readPid(const QString &path, QString *error = nullptr)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"cannot read the pid file %1: %2"_s.arg(path, file.errorString());
        return 0;
    }
    bool ok = false;
    const qint64 pid = file.read(64).trimmed().toLongLong(&ok);
    if (!ok || pid <= 0) {
        if (error)
            *error = u"the pid file %1 holds no process id"_s.arg(path);
        return 0;
    }
    return pid;
}

bool alive(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

int failWith(const QString &message)
{
    Console::writeError(u"balancierd: "_s + message + u'\n');
    return 1;
}

}  // namespace

int run(const QString &pidFile)
{
    QString error;
    const qint64 old = readPid(pidFile, &error);
    if (old == 0)
        return failWith(error);
    if (::kill(pid_t(old), SIGUSR2) != 0) {
        return failWith(u"cannot signal pid %1 (from %2): %3"_s.arg(old).arg(
            pidFile, QString::fromLocal8Bit(strerror(errno))));
    }
    Console::writeOutput(u"balancierd: asked pid %1 for a hitless upgrade (SIGUSR2)\n"_s.arg(old));

    const QDeadlineTimer deadline(TimeoutMs);
    while (!deadline.hasExpired()) {
        const qint64 now = readPid(pidFile);
        if (now != 0 && now != old && alive(now)) {
            Console::writeOutput(
                u"balancierd: upgraded: pid %1 serves; pid %2 drains its connections and exits\n"_s.arg(now)
                    .arg(old));
            return 0;
        }
        if (!alive(old) && (now == 0 || now == old))
            return failWith(u"pid %1 exited and no new process took over"_s.arg(old));
        QThread::msleep(PollIntervalMs);
    }
    return failWith(u"after %1 s %2 still names pid %3: the upgrade failed or is still under way, and pid %3 "
                    "goes on serving; its log says why"_s.arg(TimeoutMs / 1000)
                        .arg(pidFile)
                        .arg(old));
}

}  // namespace Balancier::UpgradeCommand
