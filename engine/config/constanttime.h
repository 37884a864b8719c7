#pragma once

#include <QByteArray>

namespace Balancier {

/// Whether `a` equals `b`, looking at every byte whatever the contents, so
/// the time taken does not tell an attacker how long a prefix of a secret
/// (a password key, a CSRF token) he has guessed. Only the length may show.
/// The one such comparison: password hashes and CSRF tokens use it.
/// Thread contract: a pure function, callable from any thread.
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

}  // namespace Balancier
