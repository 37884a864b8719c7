#pragma once

#include "config/config.h"
#include "net/clienthello.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace Balancier {

class GroupRuntime;

/// A service's <route> rules compiled for the workers: which group a
/// client goes to, from its ClientHello (or its silence, or its not
/// speaking TLS). Names compare in lower case without a trailing dot; a
/// wildcard "*.b.example" stands for exactly one leftmost label, as in a
/// certificate (a.b.example, not b.example nor x.a.b.example).
///
/// Thread contract: built on the control thread (compile()), then immutable
/// and read by any number of workers at once through the service's route;
/// the counters are relaxed atomics, kept across applies by the engine.
class TlsRouter final
{
    Q_DISABLE_COPY_MOVE(TlsRouter)

public:
    /// Connections sent through one route since start (kept across applies by label).
    using Counter = std::atomic<qint64>;

    struct Route
    {
        QList<QByteArray> exact;  ///< lower case, no trailing dot
        QList<QByteArray> suffixes;  ///< "*.b.example" as ".b.example"
        QList<QByteArray> alpn;
        std::shared_ptr<GroupRuntime> group;
        std::shared_ptr<Counter> connections;
        QString label;
        qint64 silenceMs = 0;  ///< the plain route only

        bool matches(const ClientHello &hello) const;
    };

    /// The label of the default route (the enabled group) in counters and metrics.
    static QString defaultLabel() { return QStringLiteral("default"); }

    /// `groupOf` gives the runtime of a group by name (nullptr: unknown,
    /// and the rule is left out); `counterOf` gives the counter of a label.
    static std::shared_ptr<const TlsRouter> compile(const ServiceConfig &service,
        const std::function<std::shared_ptr<GroupRuntime>(const QString &)> &groupOf,
        const std::function<std::shared_ptr<Counter>(const QString &)> &counterOf);

    /// The first rule that matches, or nullptr: the enabled group.
    const Route *match(const ClientHello &hello) const;
    /// The plain="yes" rule, or nullptr.
    const Route *plain() const { return m_plain.group ? &m_plain : nullptr; }
    Counter &defaultCounter() const { return *m_defaultCounter; }
    qint64 peekTimeoutMs() const { return m_peekTimeoutMs; }
    int peekSize() const { return m_peekSize; }
    const QList<Route> &routes() const { return m_routes; }

    /// Does `name` (lower case, no trailing dot) match `pattern` (as written)?
    static bool nameMatches(QByteArrayView pattern, QByteArrayView name);
    /// `pattern` lower-cased, without a trailing dot.
    static QByteArray normalizedName(const QString &pattern);

    TlsRouter() = default;

private:
    QList<Route> m_routes;
    Route m_plain;
    std::shared_ptr<Counter> m_defaultCounter;
    qint64 m_peekTimeoutMs = ServiceConfig::defaultPeekTimeoutMs;
    int m_peekSize = ServiceConfig::defaultPeekSize;
};

}  // namespace Balancier
