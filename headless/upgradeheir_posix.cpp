#include "upgradeheir.h"

#include "handoverchannel_posix.h"
#include "logcategories.h"

#include <QUrl>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

constexpr char Variable[] = "BALANCIER_UPGRADE_FD";

QString stepError(const char *waitingFor, int error)
{
    if (error == ETIMEDOUT) {
        return u"the old process did not answer within %1 ms (waiting for %2)"_s
            .arg(UpgradeHeir::StepTimeoutMs)
            .arg(QLatin1StringView(waitingFor));
    }
    if (error == 0)
        return u"the old process closed the hand-over socket (waiting for %1)"_s.arg(
            QLatin1StringView(waitingFor));
    return u"the hand-over socket failed (waiting for %1): %2"_s.arg(
        QLatin1StringView(waitingFor), QString::fromLocal8Bit(strerror(error)));
}

}  // namespace

struct UpgradeHeir::Platform
{
    std::unique_ptr<HandoverChannel> channel;

    bool expect(const QByteArray &wanted, const char *waitingFor, QString *error)
    {
        QByteArray line;
        if (!channel->readLine(StepTimeoutMs, &line)) {
            *error = stepError(waitingFor, errno);
            return false;
        }
        if (line != wanted) {
            *error = u"unexpected message from the old process: '%1' (waiting for %2)"_s.arg(
                QString::fromUtf8(line.left(80)), QLatin1StringView(waitingFor));
            return false;
        }
        return true;
    }
};

UpgradeHeir::UpgradeHeir()
    : d(std::make_unique<Platform>())
{ }

UpgradeHeir::~UpgradeHeir() = default;

std::unique_ptr<UpgradeHeir> UpgradeHeir::fromEnvironment(QString *error)
{
    if (!qEnvironmentVariableIsSet(Variable))
        return nullptr;
    const QByteArray text = qgetenv(Variable);
    qunsetenv(Variable);
    bool ok = false;
    const int fd = text.toInt(&ok);
    int type = 0;
    socklen_t length = sizeof type;
    if (!ok || fd < 0 || ::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) != 0 || type != SOCK_STREAM) {
        *error = u"%1=%2 names no hand-over socket; it is set by a running balancierd that upgrades "
                 "itself (SIGUSR2), not by hand"_s.arg(
                     QLatin1StringView(Variable), QString::fromLocal8Bit(text));
        return nullptr;
    }
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);  // not for our own children
    std::unique_ptr<UpgradeHeir> heir(new UpgradeHeir);
    heir->d->channel = std::make_unique<HandoverChannel>(fd);
    return heir;
}

qint64 UpgradeHeir::predecessorPid() const
{
    return ::getppid();
}

bool UpgradeHeir::receiveListeners(QList<ListenerSockets> *listeners, QString *error)
{
    for (;;) {
        QByteArray line;
        QList<int> fds;
        if (!d->channel->readLine(StepTimeoutMs, &line, &fds)) {
            *error = stepError("the listening sockets", errno);
            for (const int fd : std::as_const(fds))
                ::close(fd);
            return false;
        }
        if (line == "end") {
            for (const int fd : std::as_const(fds))
                ::close(fd);
            return true;
        }
        if (!line.startsWith("listener ") || fds.isEmpty()) {
            for (const int fd : std::as_const(fds))
                ::close(fd);
            *error = u"unexpected message from the old process: '%1'"_s.arg(QString::fromUtf8(line.left(80)));
            return false;
        }
        ListenerSockets listener;
        listener.configured = QUrl::fromPercentEncoding(line.mid(9));
        for (const int fd : std::as_const(fds))
            listener.sockets.append(fd);
        listeners->append(listener);
    }
}

bool UpgradeHeir::takeAdmin(QString *error)
{
    if (!d->channel->sendLine("release-admin")) {
        *error = stepError("the admin API's port", errno);
        return false;
    }
    return d->expect("admin-released", "the admin API's port", error);
}

bool UpgradeHeir::takeOver(QString *error)
{
    if (!d->channel->sendLine("taken-over")) {
        *error = stepError("the end of the hand-over", errno);
        return false;
    }
    // Past this point the old process stops accepting when it reads
    // "taken-over": there is no going back, so a missing confirmation is
    // only a warning and this process serves on (giving up here would leave
    // nobody accepting).
    QString why;
    if (!d->expect("handed-over", "the end of the hand-over", &why))
        qCWarning(lcNet, "upgrade: %s; serving on", qUtf8Printable(why));
    return true;
}

void UpgradeHeir::fail(const QString &reason)
{
    QByteArray text = reason.toUtf8();
    text.replace('\n', ' ');
    d->channel->sendLine("failed " + text);
}

}  // namespace Balancier
