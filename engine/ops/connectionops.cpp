#include "ops/operations.h"

#include <QMetaObject>
#include <QObject>

namespace Balancier {

// The live connection table. A placeholder answer until the workers list
// their sessions: an empty table, and no connection to close.

void Operations::listConnections(
    const ConnectionFilter &filter, QObject *context, std::function<void(const ConnectionPage &)> done)
{
    Q_UNUSED(filter);
    QMetaObject::invokeMethod(
        context, [done = std::move(done)] { done(ConnectionPage{}); }, Qt::QueuedConnection);
}

void Operations::closeConnection(quint64 id, QObject *context, std::function<void(const OpResult &)> done)
{
    const OpResult result = OpResult::fail(OpResult::Failure::NotFound, QStringLiteral("connection"),
        QStringLiteral("no open connection with id %1").arg(id), QStringLiteral("id"));
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

void Operations::talkers(
    const TalkerQuery &query, QObject *context, std::function<void(const QList<Talker> &)> done)
{
    Q_UNUSED(query);
    QMetaObject::invokeMethod(
        context, [done = std::move(done)] { done({}); }, Qt::QueuedConnection);
}

}  // namespace Balancier
