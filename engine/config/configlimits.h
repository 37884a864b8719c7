#pragma once

#include <QtGlobal>

namespace Balancier::ConfigLimits {

// Bounds shared by the reader (which reports a bad value where it is written)
// and the validator (which checks models built in code). Every duration fits
// in a QTimer interval (a signed 32-bit count of milliseconds).

constexpr qint64 maxDurationMs = 24LL * 24 * 60 * 60 * 1000;  // 24d
/// Worker threads: a config asking for more is refused where it says so;
/// "0" (one per core) is bounded by it too. Each worker holds one listening
/// socket per listener (SO_REUSEPORT), so this also bounds descriptors.
constexpr int maxWorkers = 256;
constexpr int maxWeight = 10000;
/// Backend feedback (<group>/<host> slowstart, agent*): a ramp of up to an
/// hour (0: none); an agent queried at most ten times a second and at least
/// once an hour; what is sent to it is a short request.
constexpr qint64 maxSlowStartMs = 60LL * 60 * 1000;
constexpr qint64 minAgentIntervalMs = 100;
constexpr qint64 maxAgentIntervalMs = 60LL * 60 * 1000;
constexpr int maxAgentSendBytes = 1024;
constexpr int maxRiseFall = 1000;
/// <group tablesize>: a prime in this range. Below it Maglev spreads a few
/// hosts unevenly; above it a table costs more than 4 MB and a rebuild on
/// the control thread 0.13 s (1.1 s on a loaded 2-core machine; tst_maglev's
/// tableBuildTime). Both ends are primes.
constexpr int minMaglevTableSize = 251;
constexpr int maxMaglevTableSize = 1000003;
/// <group balancefactor>: above 1 (1 would leave no room above the average).
constexpr double minBalanceFactor = 1.0;  // exclusive
constexpr double maxBalanceFactor = 100.0;
/// Bigger files are refused before parsing: a config is a few kilobytes.
constexpr qint64 maxFileBytes = 16LL * 1024 * 1024;
/// More attributes on one element are refused before the XML reader, whose
/// duplicate check is quadratic, gets to them: no element needs more than 10.
constexpr int maxAttributesPerElement = 64;

/// <settings history="N">: applied configs kept (each holds a whole config).
constexpr int maxHistory = 10000;
/// <alert>: one attempt at most this long; retries and queued events at most so many.
constexpr qint64 maxAlertTimeoutMs = 10LL * 60 * 1000;  // 10 min
constexpr int maxAlertRetries = 20;
constexpr int maxAlertQueue = 100000;

}  // namespace Balancier::ConfigLimits
