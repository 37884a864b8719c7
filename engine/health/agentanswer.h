#pragma once

#include "config/config.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <optional>

namespace Balancier {

/// One line from a host's agent (HAProxy's agent-check protocol), read into
/// what it asks for. Words are separated by commas, spaces or tabs and are
/// case-insensitive:
///  - "75%": the weight, relative to the configured weight (0% to 1000%);
///  - "maxconn:N": the connection limit (0: none), N up to 1000000;
///  - "ready", "drain", "maint": the agent's administrative state;
///  - "up", "down", "fail", "stopped": the health; a "#reason" may follow,
///    and everything after the first '#' is that reason.
/// Anything else is listed in `unknown` and changes nothing. When a kind
/// appears twice the last one counts.
///
/// Thread contract: a plain value; parse() is a pure function.
struct AgentAnswer
{
    std::optional<int> weightPercent;
    std::optional<int> maxConns;
    std::optional<HostAdminState> adminState;
    std::optional<bool> up;  ///< false: down, fail or stopped
    QString healthWord;  ///< the health word as written (lower case), for messages
    QString reason;  ///< the text after '#', trimmed; may be empty
    QStringList unknown;  ///< words not understood, printable

    /// The longest line taken: a longer one is refused as a whole.
    static constexpr qsizetype MaxLineBytes = 512;
    static constexpr int MaxWeightPercent = 1000;
    static constexpr int MaxConnsLimit = 1000000;

    /// Reads one line (without its line end).
    static AgentAnswer parse(QByteArrayView line);
    /// The line made printable for the JSON and the log: printable ASCII as
    /// is, anything else as \xNN, cut at `limit` characters.
    static QString printable(QByteArrayView bytes, qsizetype limit = 200);
};

}  // namespace Balancier
