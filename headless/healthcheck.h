#pragma once

#include <QString>

namespace Balancier {

/// balancierd --health-check --config FILE: the one-shot probe for
/// keepalived's vrrp_script. It reads the admin API's address from FILE,
/// asks GET /api/v1/health there and exits 0 when the balancer is healthy,
/// 1 when it answers that it is not (503), and 2 when it cannot tell (no
/// <admin>, a bad file, nothing listening, no answer in time, another
/// status); the message on stderr says what and where.
///
/// Thread contract: main thread; it blocks, for at most TimeoutMs.
class HealthCheck final
{
public:
    HealthCheck() = delete;

    /// The whole exchange (connect, TLS, request, answer) is bounded by this.
    static constexpr int TimeoutMs = 2000;

    static int run(const QString &configPath);
};

}  // namespace Balancier
