#include "balancerclient.h"

#include <QCoreApplication>
#include <QPointer>

namespace Balancier {

BalancerClient::BalancerClient(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Balancier::StatsSnapshot>();
    qRegisterMetaType<Balancier::HostStateEvent>();
    qRegisterMetaType<Balancier::HostRef>();
}

BalancerClient::~BalancerClient() = default;

QString BalancerClient::stateName(State state)
{
    switch (state) {
    case State::Disconnected:
        return tr("Disconnected");
    case State::Connecting:
        return tr("Connecting");
    case State::Connected:
        return tr("Connected");
    case State::Reconnecting:
        return tr("Reconnecting");
    }
    return {};
}

void BalancerClient::applyConfigIfMatch(
    const QByteArray &xml, const QByteArray &ifMatch, QObject *context, ReplyHandler handler)
{
    Q_UNUSED(ifMatch)
    applyConfig(xml, false, context, std::move(handler));
}

void BalancerClient::fetchConfigHistory(QObject *context, ReplyHandler handler)
{
    ClientReply reply;
    reply.error = tr("This balancer keeps no config history.");
    deliver(context, handler, reply);
}

void BalancerClient::rollbackConfig(qint64 version, QObject *context, ReplyHandler handler)
{
    Q_UNUSED(version)
    ClientReply reply;
    reply.error = tr("This balancer keeps no config history.");
    deliver(context, handler, reply);
}

void BalancerClient::fetchHealth(QObject *context, ReplyHandler handler)
{
    ClientReply reply;
    reply.ok = true;
    deliver(context, handler, reply);
}

namespace {

ClientReply noConnectionTable()
{
    ClientReply reply;
    reply.error = BalancerClient::tr("This balancer does not list its connections.");
    return reply;
}

}  // namespace

void BalancerClient::fetchConnections(const ConnectionFilter &filter, QObject *context, ReplyHandler handler)
{
    Q_UNUSED(filter)
    deliver(context, handler, noConnectionTable());
}

void BalancerClient::closeConnection(quint64 id, QObject *context, ReplyHandler handler)
{
    Q_UNUSED(id)
    deliver(context, handler, noConnectionTable());
}

void BalancerClient::fetchTalkers(const TalkerQuery &query, QObject *context, ReplyHandler handler)
{
    Q_UNUSED(query)
    deliver(context, handler, noConnectionTable());
}

NodeHealth::Role NodeHealth::roleFromName(const QString &name)
{
    if (name == u"master")
        return Role::Master;
    if (name == u"backup")
        return Role::Backup;
    return Role::Unknown;
}

QString NodeHealth::roleName(Role role)
{
    switch (role) {
    case Role::Master:
        return QCoreApplication::translate("Balancier::NodeHealth", "master");
    case Role::Backup:
        return QCoreApplication::translate("Balancier::NodeHealth", "backup");
    case Role::Unknown:
        break;
    }
    return QCoreApplication::translate("Balancier::NodeHealth", "unknown");
}

void BalancerClient::setState(State state, const QString &error)
{
    const bool newError = !error.isEmpty() && error != m_lastError;
    if (state == State::Connected)
        m_lastError.clear();
    else if (!error.isEmpty())
        m_lastError = error;
    const bool changed = state != m_state;
    m_state = state;
    if (changed)
        Q_EMIT stateChanged(state);
    if (newError)
        Q_EMIT errorOccurred(error);
}

void BalancerClient::deliverSnapshot(const StatsSnapshot &snapshot)
{
    m_snapshot = snapshot;
    Q_EMIT snapshotReceived(m_snapshot);
}

void BalancerClient::deliver(QObject *context, const ReplyHandler &handler, const ClientReply &reply)
{
    if (!context || !handler)
        return;
    // Queued even when already in the right thread, so that a handler never
    // runs inside the call that made the request.
    QMetaObject::invokeMethod(
        context, [handler, reply] { handler(reply); }, Qt::QueuedConnection);
}

void BalancerClient::drainHost(
    const HostRef &host, qint64 deadlineMs, DrainThen then, QObject *context, ReplyHandler handler)
{
    Q_UNUSED(deadlineMs);
    Q_UNUSED(then);
    hostAction(host, HostAction::Drain, 0, context, std::move(handler));
}

}  // namespace Balancier
