// Embedding the Balancier engine: a balancer started from code, without an
// XML file. Two backends run in this process and answer with their names;
// the program connects through the balancer, drains one backend live, and
// prints the statistics. Loopback only, every port chosen by the system.
// Exits 0 when everything went as expected, 1 otherwise, 2 on the deadline.

#include <balancier/engine.h>
#include <balancier/ops/operations.h>

#include <QCoreApplication>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

/// A backend that writes "<name>\n" to every connection. Null when it cannot listen.
QTcpServer *startBackend(const QString &name, QObject *parent)
{
    auto *server = new QTcpServer(parent);
    QObject::connect(server, &QTcpServer::newConnection, server, [server, name] {
        while (QTcpSocket *client = server->nextPendingConnection()) {
            QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            client->write(name.toUtf8() + '\n');
        }
    });
    if (!server->listen(QHostAddress::LocalHost, 0)) {
        say(u"backend %1: cannot listen: %2"_s.arg(name, server->errorString()));
        return nullptr;
    }
    return server;
}

/// Connects to the balancer and hands the first line it answers to `done`
/// (empty on an error). Asynchronous: the engine's control thread is this
/// one, and it must keep running.
void ask(quint16 port, QObject *parent, const std::function<void(const QString &)> &done)
{
    auto *socket = new QTcpSocket(parent);
    auto finish = [socket, done](const QString &answer) {
        socket->disconnect(socket, nullptr, nullptr, nullptr);
        socket->abort();
        socket->deleteLater();
        done(answer);
    };
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, finish] {
        if (socket->canReadLine())
            finish(QString::fromUtf8(socket->readLine()).trimmed());
    });
    QObject::connect(socket, &QTcpSocket::errorOccurred, socket, [socket, finish] {
        say(u"connection through the balancer failed: %1"_s.arg(socket->errorString()));
        finish({});
    });
    socket->connectToHost(QHostAddress::LocalHost, port);
}

/// Asks `count` times, one connection after the other, and hands all answers to `done`.
void askSeveral(quint16 port, int count, QObject *parent,
    const std::function<void(const QStringList &)> &done, QStringList answers = {})
{
    if (answers.size() == count) {
        done(answers);
        return;
    }
    ask(port, parent, [=](const QString &answer) mutable {
        say(u"  connection %1 answered by: %2"_s.arg(answers.size() + 1).arg(answer));
        answers.append(answer);
        askSeveral(port, count, parent, done, answers);
    });
}

void printStats(const StatsSnapshot &snapshot)
{
    for (const ServiceStats &service : snapshot.services) {
        say(u"service %1 on %2: %3 connections in total"_s.arg(service.name, service.listeners.join(u", "_s))
                .arg(service.total));
        for (const GroupStats &group : service.groups) {
            for (const HostStats &host : group.hosts) {
                say(u"  host %1 (%2): %3, weight %4, %5 connections, %6 bytes to the client"_s
                        .arg(host.name, host.address, host.state)
                        .arg(host.weight)
                        .arg(host.total)
                        .arg(host.bytesIn));
            }
        }
    }
}

}  // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);

    // Never hang: whatever happens, the program ends within 30 s.
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &app, [] {
        say(u"FAIL: not done within 30 s"_s);
        QCoreApplication::exit(2);
    });
    deadline.start(30000);

    QTcpServer *backendA = startBackend(u"a"_s, &app);
    QTcpServer *backendB = startBackend(u"b"_s, &app);
    if (!backendA || !backendB)
        return 1;

    // The config, built in code: one service on a port the system chooses,
    // one round-robin group with the two backends. No active health checks,
    // so that only our connections reach the backends.
    HostConfig a;
    a.name = u"a"_s;
    a.address = u"127.0.0.1:%1"_s.arg(backendA->serverPort());
    HostConfig b = a;
    b.name = u"b"_s;
    b.address = u"127.0.0.1:%1"_s.arg(backendB->serverPort());
    GroupConfig group;
    group.name = u"pool"_s;
    group.scheduler = u"roundrobin"_s;
    group.hosts = {a, b};
    ServiceConfig service;
    service.name = u"web"_s;
    service.listeners = {u"127.0.0.1:0"_s};
    service.groups = {group};
    service.enabledGroup = group.name;
    Config config;
    config.settings.workers = 1;
    config.health.active = false;
    config.services = {service};

    // The engine lives in this thread; its signals arrive through app.exec().
    Engine engine;
    const ApplyResult started = engine.apply(config);
    if (!started.ok) {
        say(u"FAIL: the config was refused:\n"_s + started.errorString());
        return 1;
    }
    const QList<BoundListener> listeners = engine.listeners();
    if (listeners.isEmpty() || listeners.constFirst().port == 0) {
        say(u"FAIL: the balancer is not listening: %1"_s.arg(
            listeners.isEmpty() ? u"no listener"_s : listeners.constFirst().error));
        return 1;
    }
    const quint16 port = listeners.constFirst().port;
    say(u"balancer listening on %1"_s.arg(listeners.constFirst().bound));

    say(u"four connections, round robin over a and b:"_s);
    askSeveral(port, 4, &app, [&](const QStringList &before) {
        if (!before.contains(u"a"_s) || !before.contains(u"b"_s)) {
            say(u"FAIL: expected answers from a and b, got: %1"_s.arg(before.join(u' ')));
            QCoreApplication::exit(1);
            return;
        }

        // A live change: drain b. Open connections would finish; new ones go to a.
        // Every change to a running balancer goes through Operations.
        const OpResult drained
            = Operations(engine).setHostAdminState(u"web"_s, u"pool"_s, u"b"_s, HostAdminState::Drain);
        if (!drained.ok) {
            say(u"FAIL: draining b was refused:\n"_s + drained.errorString());
            QCoreApplication::exit(1);
            return;
        }
        for (const ConfigChange &change : drained.changes)
            say(u"changed: "_s + change.description());

        say(u"three connections with b draining:"_s);
        askSeveral(port, 3, &app, [&](const QStringList &after) {
            if (after != QStringList{u"a"_s, u"a"_s, u"a"_s}) {
                say(u"FAIL: expected a three times, got: %1"_s.arg(after.join(u' ')));
                QCoreApplication::exit(1);
                return;
            }
            printStats(engine.snapshot());
            say(u"OK"_s);
            QCoreApplication::exit(0);
        });
    });

    const int code = QCoreApplication::exec();
    engine.shutdown(1000);
    return code;
}
