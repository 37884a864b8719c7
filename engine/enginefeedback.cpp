// Backend feedback: HAProxy's agent check and slow start. The agent's
// answers become runtime state (never written to the config); slow start
// ramps a returning host's effective weight, which the schedulers read.
//
// Thread contract: as Engine: the control thread only.

#include "engineprivate.h"
#include "health/agentanswer.h"
#include "logcategories.h"

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

/// Ramps move at most this often: a weighted cycle is rebuilt at each step.
constexpr int SlowStartTickMs = 100;

/// Unknown words are logged once each per host, and only so many of them.
constexpr qsizetype MaxUnknownWordsLogged = 16;

QString adminName(HostAdminState state)
{
    switch (state) {
    case HostAdminState::Drain:
        return u"drain"_s;
    case HostAdminState::Maintenance:
        return u"maintenance"_s;
    case HostAdminState::Ready:
        break;
    }
    return u"ready"_s;
}

}  // namespace

qint64 EnginePrivate::feedbackNowMs() const
{
    return clock.isValid() ? clock.elapsed() : 0;
}

void EnginePrivate::startSlowStart(const std::shared_ptr<HostRuntime> &host)
{
    if (!host || host->slowStartMs <= 0)
        return;
    host->startSlowStart(feedbackNowMs());
    qCInfo(lcHealth, "service %s: group %s: host %s: slow start over %lld ms",
        qUtf8Printable(host->service()), qUtf8Printable(host->group()), qUtf8Printable(host->name()),
        static_cast<long long>(host->slowStartMs));
    refreshEffectiveWeight(host);
    armSlowStartTimer();
}

void EnginePrivate::refreshEffectiveWeight(const std::shared_ptr<HostRuntime> &host)
{
    if (!host->refreshEffectiveWeight(feedbackNowMs()))
        return;
    const ServiceState state = services.value(host->service());
    if (const std::shared_ptr<GroupRuntime> group = state.group(host->group());
        group && group->share(host.get()))
        group->scheduler().effectiveWeightChanged(host.get());
}

void EnginePrivate::armSlowStartTimer()
{
    if (!slowStartTimer.isActive()) {
        slowStartTimer.setInterval(SlowStartTickMs);
        slowStartTimer.start();
    }
}

void EnginePrivate::tickSlowStart()
{
    bool ramping = false;
    for (const ServiceState &state : std::as_const(services)) {
        for (const auto &group : state.groups) {
            for (const auto &host : group->hosts()) {
                if (!host->isRamping())
                    continue;
                refreshEffectiveWeight(host);
                ramping = ramping || host->isRamping();
            }
        }
    }
    if (!ramping)
        slowStartTimer.stop();
}

void EnginePrivate::updateAgents(const Config &config)
{
    QList<AgentMonitor::Target> targets;
    for (const ServiceConfig &serviceConfig : config.services) {
        const ServiceState &state = services[serviceConfig.name];
        for (const GroupConfig &groupConfig : serviceConfig.groups) {
            const std::shared_ptr<GroupRuntime> group = state.group(groupConfig.name);
            if (!group)
                continue;
            for (const auto &host : group->hosts()) {
                const HostConfig *hostConfig = groupConfig.host(host->name());
                const AgentCheckConfig agent
                    = hostConfig ? groupConfig.agentOf(*hostConfig) : AgentCheckConfig{};
                if (agent.isEnabled()) {
                    host->agent.enabled = true;
                    host->agent.port = agent.port;
                    targets.append({host, agent});
                } else if (host->agent.enabled) {
                    clearAgent(host);
                }
            }
        }
    }
    agents.setTargets(targets);
}

void EnginePrivate::clearAgent(const std::shared_ptr<HostRuntime> &host)
{
    const bool hadState = host->agent.weightPercent != 100 || host->agent.maxConns >= 0
        || !host->agent.adminState.isEmpty() || host->agent.down;
    const HostReason reason{u"agentOff"_s, {}};
    host->agent = HostAgentView{};
    host->unknownAgentWords.clear();
    host->maxConns.store(host->combinedMaxConns(), std::memory_order_relaxed);
    applyAdminState(host, reason, true);
    health.setAgentDown(host, false, reason);
    refreshEffectiveWeight(host);
    if (hadState)
        Q_EMIT q->agentChanged(host->service(), host->group(), host->name(), host->agent);
}

bool EnginePrivate::applyAdminState(
    const std::shared_ptr<HostRuntime> &host, const HostReason &reason, bool duringApply)
{
    const HostAdminState next = host->combinedAdminState();
    const HostAdminState previous = host->adminState.exchange(next);
    if (previous == next)
        return false;
    host->recordEvent(host->stateName(), reason);
    qCInfo(lcHealth, "service %s: group %s: host %s is now %s: %s", qUtf8Printable(host->service()),
        qUtf8Printable(host->group()), qUtf8Printable(host->name()), qUtf8Printable(host->stateName()),
        qUtf8Printable(reason.text()));
    if (next == HostAdminState::Drain)
        beginHostDrain(host);
    else
        endHostDrain(host.get());
    if (next == HostAdminState::Ready)
        startSlowStart(host);
    if (duringApply) {
        // The apply sets the watches and says it after its configApplied.
        adminEvents.append({host, host->history().constLast()});
        return true;
    }
    // Maintenance stops the probes, ready or drain restarts them.
    updateWatchers(running);
    Q_EMIT q->hostStateChanged(host->service(), host->group(), host->name(), host->history().constLast());
    return true;
}

void EnginePrivate::handleAgentAnswer(const std::shared_ptr<HostRuntime> &host, const QByteArray &line)
{
    const AgentAnswer answer = AgentAnswer::parse(line);
    HostAgentView &agent = host->agent;
    const bool wasFailing = !agent.lastError.isEmpty();
    ++agent.answers;
    agent.lastAnswer = AgentAnswer::printable(line);
    agent.lastAnswerAt = QDateTime::currentDateTimeUtc();
    agent.lastError.clear();
    if (wasFailing)
        qCInfo(lcHealth, "service %s: group %s: host %s: its agent answers again",
            qUtf8Printable(host->service()), qUtf8Printable(host->group()), qUtf8Printable(host->name()));
    for (const QString &word : answer.unknown) {
        if (host->unknownAgentWords.contains(word) || host->unknownAgentWords.size() >= MaxUnknownWordsLogged)
            continue;
        host->unknownAgentWords.append(word);
        qCWarning(lcHealth,
            "service %s: group %s: host %s: its agent said '%s', which is not a known word: ignored",
            qUtf8Printable(host->service()), qUtf8Printable(host->group()), qUtf8Printable(host->name()),
            qUtf8Printable(word));
    }

    QStringList changed;
    bool weightMoved = false;
    if (answer.weightPercent && *answer.weightPercent != agent.weightPercent) {
        agent.weightPercent = *answer.weightPercent;
        changed.append(u"weight %1%"_s.arg(agent.weightPercent));
        weightMoved = true;
    }
    if (answer.maxConns && *answer.maxConns != agent.maxConns) {
        agent.maxConns = *answer.maxConns;
        changed.append(u"maxconn %1"_s.arg(agent.maxConns));
        host->maxConns.store(host->combinedMaxConns(), std::memory_order_relaxed);
    }
    if (answer.adminState) {
        const QString state
            = *answer.adminState == HostAdminState::Ready ? QString() : adminName(*answer.adminState);
        if (state != agent.adminState) {
            agent.adminState = state;
            changed.append(u"admin %1"_s.arg(adminName(*answer.adminState)));
        }
    }
    bool healthMoved = false;
    if (answer.up && *answer.up == agent.down) {
        agent.down = !*answer.up;
        agent.downReason = agent.down ? answer.reason : QString();
        changed.append(agent.down
                ? (answer.reason.isEmpty() ? u"health %1"_s.arg(answer.healthWord)
                                           : u"health %1: %2"_s.arg(answer.healthWord, answer.reason))
                : u"health up"_s);
        healthMoved = true;
    } else if (answer.up && agent.down && answer.reason != agent.downReason) {
        agent.downReason = answer.reason;
    }
    if (changed.isEmpty())
        return;
    agent.changed = changed;
    agent.changedAt = agent.lastAnswerAt;
    qCInfo(lcHealth, "service %s: group %s: host %s: its agent said \"%s\": %s",
        qUtf8Printable(host->service()), qUtf8Printable(host->group()), qUtf8Printable(host->name()),
        qUtf8Printable(agent.lastAnswer), qUtf8Printable(changed.join(u", "_s)));
    // The event first: the state changes that follow come as host events.
    Q_EMIT q->agentChanged(host->service(), host->group(), host->name(), agent);
    if (answer.adminState)
        applyAdminState(host, {u"agentAdmin"_s, {{u"state"_s, adminName(*answer.adminState)}}}, false);
    if (healthMoved) {
        const HostReason reason = agent.down
            ? HostReason{u"agentDown"_s, {{u"word"_s, answer.healthWord}, {u"reason"_s, answer.reason}}}
            : HostReason{u"agentUp"_s, {}};
        health.setAgentDown(host, agent.down, reason);
    }
    if (weightMoved)
        refreshEffectiveWeight(host);
}

void EnginePrivate::handleAgentFailure(const std::shared_ptr<HostRuntime> &host, const QString &error)
{
    // An agent that does not answer changes nothing: the health checks
    // decide whether the host is up.
    HostAgentView &agent = host->agent;
    ++agent.failures;
    if (agent.lastError.isEmpty())
        qCWarning(lcHealth,
            "service %s: group %s: host %s: its agent does not answer: %s (its last word stays)",
            qUtf8Printable(host->service()), qUtf8Printable(host->group()), qUtf8Printable(host->name()),
            qUtf8Printable(error));
    agent.lastError = error;
    agent.lastErrorAt = QDateTime::currentDateTimeUtc();
}

}  // namespace Balancier
