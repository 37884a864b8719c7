#include "ops/operations.h"

#include "net/connectionselection.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <algorithm>
#include <limits>
#include <vector>

namespace Balancier {

// The live connection table: each worker lists its own sessions (the
// workers never stop); here the answers are merged, sorted and paged.

namespace {

OpResult badInput(const QString &parameter, const QString &message)
{
    return OpResult::fail(OpResult::Failure::BadInput, QStringLiteral("connections"), message, parameter);
}

OpResult passed()
{
    OpResult result;
    result.ok = true;
    return result;
}

// Calls `done` in `context`'s thread (the control thread), unless it is gone.
template<typename Value>
void answer(QObject *context, const std::function<void(const Value &)> &done, const Value &value)
{
    if (context)
        done(value);
}

}  // namespace

OpResult Operations::checkConnectionFilter(const ConnectionFilter &filter)
{
    if (!filter.clientPrefix.isEmpty() && !IpPrefix::parse(filter.clientPrefix))
        return badInput(QStringLiteral("client"),
            QStringLiteral("%1 is not an address or CIDR prefix").arg(filter.clientPrefix));
    if (filter.minAgeMs < 0)
        return badInput(QStringLiteral("minage"), QStringLiteral("must not be negative"));
    if (filter.minBytes < 0)
        return badInput(QStringLiteral("minbytes"), QStringLiteral("must not be negative"));
    static const QStringList sorts{QStringLiteral("age"), QStringLiteral("bytes"), QStringLiteral("client"),
        QStringLiteral("backend"), QStringLiteral("id")};
    if (!filter.sort.isEmpty() && !sorts.contains(filter.sort))
        return badInput(QStringLiteral("sort"),
            QStringLiteral("%1 is not one of %2").arg(filter.sort, sorts.join(QStringLiteral(", "))));
    if (filter.offset < 0)
        return badInput(QStringLiteral("offset"), QStringLiteral("must not be negative"));
    if (filter.limit < 1 || filter.limit > 1000)
        return badInput(QStringLiteral("limit"), QStringLiteral("must be 1 to 1000"));
    return passed();
}

OpResult Operations::checkTalkerQuery(const TalkerQuery &query)
{
    if (query.prefix4 < 0 || query.prefix4 > 32)
        return badInput(QStringLiteral("prefix4"), QStringLiteral("must be 0 to 32"));
    if (query.prefix6 < 0 || query.prefix6 > 128)
        return badInput(QStringLiteral("prefix6"), QStringLiteral("must be 0 to 128"));
    if (query.limit < 1 || query.limit > 1000)
        return badInput(QStringLiteral("limit"), QStringLiteral("must be 1 to 1000"));
    static const QStringList sorts{QStringLiteral("open"), QStringLiteral("rate"), QStringLiteral("bytes")};
    if (!query.sort.isEmpty() && !sorts.contains(query.sort))
        return badInput(QStringLiteral("sort"),
            QStringLiteral("%1 is not one of %2").arg(query.sort, sorts.join(QStringLiteral(", "))));
    return passed();
}

void Operations::listConnections(
    const ConnectionFilter &filter, QObject *context, std::function<void(const ConnectionPage &)> done)
{
    QPointer<QObject> guard(context);
    if (!checkConnectionFilter(filter).ok) {
        // A front end checks first (checkConnectionFilter()); a bad filter matches nothing.
        QMetaObject::invokeMethod(
            context, [done = std::move(done)] { done(ConnectionPage{}); }, Qt::QueuedConnection);
        return;
    }
    ConnectionSelection selection;
    selection.service = filter.service;
    selection.group = filter.group;
    selection.backend = filter.backend;
    if (!filter.clientPrefix.isEmpty())
        selection.client = IpPrefix::parse(filter.clientPrefix);
    selection.minAgeMs = filter.minAgeMs;
    selection.minBytes = filter.minBytes;
    selection.sort = filter.sort.isEmpty() ? QStringLiteral("age") : filter.sort;
    // Each worker sends its first offset + limit rows in order: the page is among them.
    selection.keep = qint64(filter.offset) + qint64(filter.limit);
    m_engine.collectConnections(
        selection, [guard, filter, sort = selection.sort, done = std::move(done)](const ConnectionPart &all) {
            struct Keyed
            {
                ConnectionOrderKey key;
                qsizetype index;
            };
            std::vector<Keyed> order;
            order.reserve(std::size_t(all.rows.size()));
            for (qsizetype i = 0; i < all.rows.size(); ++i)
                order.push_back({ConnectionOrderKey::of(sort, all.rows.at(i)), i});
            std::sort(order.begin(), order.end(), [&sort](const Keyed &a, const Keyed &b) {
                return connectionOrderBefore(sort, a.key, b.key);
            });
            ConnectionPage page;
            page.total = int(std::min<qint64>(all.matched, std::numeric_limits<int>::max()));
            for (std::size_t i = std::size_t(filter.offset);
                 i < order.size() && page.rows.size() < filter.limit; ++i)
                page.rows.append(all.rows.at(order[i].index));
            answer<ConnectionPage>(guard.data(), done, page);
        });
}

void Operations::closeConnection(quint64 id, QObject *context, std::function<void(const OpResult &)> done)
{
    QPointer<QObject> guard(context);
    m_engine.closeConnection(id, [guard, id, done = std::move(done)](bool found) {
        OpResult result;
        if (!found) {
            result = OpResult::fail(OpResult::Failure::NotFound, QStringLiteral("connection"),
                QStringLiteral("no open connection with id %1").arg(id), QStringLiteral("id"));
        } else {
            result.ok = true;
        }
        answer<OpResult>(guard.data(), done, result);
    });
}

void Operations::talkers(
    const TalkerQuery &query, QObject *context, std::function<void(const QList<Talker> &)> done)
{
    QPointer<QObject> guard(context);
    if (!checkTalkerQuery(query).ok) {
        QMetaObject::invokeMethod(
            context, [done = std::move(done)] { done({}); }, Qt::QueuedConnection);
        return;
    }
    ConnectionSelection selection;
    selection.service = query.service;
    selection.prefix4 = query.prefix4;
    selection.prefix6 = query.prefix6;
    m_engine.collectTalkers(
        selection, [guard, query, done = std::move(done)](const QHash<QString, Talker> &all) {
            QList<Talker> talkers = all.values();
            const QString sort = query.sort.isEmpty() ? QStringLiteral("open") : query.sort;
            std::sort(talkers.begin(), talkers.end(), [&](const Talker &a, const Talker &b) {
                if (sort == u"rate" && a.ratePerSecond != b.ratePerSecond)
                    return a.ratePerSecond > b.ratePerSecond;
                if (sort == u"bytes" && a.bytesIn + a.bytesOut != b.bytesIn + b.bytesOut)
                    return a.bytesIn + a.bytesOut > b.bytesIn + b.bytesOut;
                if (a.open != b.open)
                    return a.open > b.open;
                return a.prefix < b.prefix;
            });
            answer<QList<Talker>>(guard.data(), done, talkers.mid(0, query.limit));
        });
}

}  // namespace Balancier
