#pragma once

#include <QString>

namespace Balancier::SchedulingOptions {

/// The rules for a group's Maglev options, shared by the reader (which
/// reports a bad value where it is written), the validator (models built in
/// code), the operations layer and the GUI. Each returns what is wrong with
/// the value ("is not a prime; expected ..."), or an empty string.
///
/// Thread contract: pure functions, callable from any thread.

/// <group tablesize>: a prime from ConfigLimits::minMaglevTableSize to maxMaglevTableSize.
QString tableSizeProblem(qint64 value);

/// <group balancefactor>: 0 (none), or above 1.0 up to ConfigLimits::maxBalanceFactor.
QString balanceFactorProblem(double value);

bool isPrime(qint64 value);

/// The smallest prime >= \a value (for a suggestion in an error message).
qint64 nextPrime(qint64 value);

}  // namespace Balancier::SchedulingOptions
