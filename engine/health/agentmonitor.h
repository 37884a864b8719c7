#pragma once

#include "config/config.h"
#include "runtime/hostruntime.h"

#include <QObject>

#include <memory>
#include <unordered_map>

namespace Balancier {

class AgentProbe;

/// Queries each host's agent (HAProxy's agent check) every agentinterval
/// and reports each answer or failure. It decides nothing: the engine turns
/// answers into state (EnginePrivate::handleAgentAnswer). A probe has the
/// interval as its timeout (at most MaxTimeoutMs); a host is never queried
/// twice at once.
///
/// Thread contract: lives in the engine's control thread; call every method
/// there. Reads HostRuntime::endpoint() and address(); writes nothing in
/// the hosts. Signals are emitted from the control thread, never from
/// inside setTargets().
class AgentMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentMonitor)

public:
    struct Target
    {
        std::shared_ptr<HostRuntime> host;
        AgentCheckConfig config;  ///< port > 0
    };

    static constexpr qint64 MaxTimeoutMs = 10000;

    explicit AgentMonitor(QObject *parent = nullptr);
    ~AgentMonitor() override;

    /// Replaces the set of hosts queried. A host that stays with the same
    /// settings keeps its rhythm; a new one (or a changed one) is queried at once.
    void setTargets(const QList<Target> &targets);

    bool isWatching(const HostRuntime *host) const;

Q_SIGNALS:
    void answered(std::shared_ptr<Balancier::HostRuntime> host, const QByteArray &line);
    void failed(std::shared_ptr<Balancier::HostRuntime> host, const QString &error);

private:
    struct Watch;
    void startProbe(Watch &watch);

    std::unordered_map<HostRuntime *, std::unique_ptr<Watch>> m_watches;
};

}  // namespace Balancier
