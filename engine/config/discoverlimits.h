#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringView>

namespace Balancier {

/// Bounds and name rules of DNS discovery (<discover srv interval>,
/// <settings dnsinterval>), shared by the reader, the validator and the editor.
namespace DiscoverLimits {

/// 100 ms (tests, fast-moving registries) to a day.
constexpr qint64 minIntervalMs = 100;
constexpr qint64 maxIntervalMs = 24LL * 3600 * 1000;

/// Why `name` is not a DNS name an SRV lookup can ask ("_svc._tcp.example",
/// "web.service.consul"); empty when it is one. Labels of 1 to 63 letters,
/// digits, '-' or '_', at least two of them, at most 253 characters.
QString srvNameProblem(QStringView name);

/// Reads <settings dnsserver>: "ADDR" (port 53) or "ADDR:PORT", "[v6]:PORT";
/// false, with the reason in `error`, for anything else (a name: the
/// server must be reachable without a lookup).
bool parseDnsServer(const QString &text, QHostAddress *address, quint16 *port, QString *error);

}  // namespace DiscoverLimits

}  // namespace Balancier
