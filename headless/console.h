#pragma once

#include <QString>

#include <optional>

namespace Balancier {

/// The terminal seam: what the daemon needs to know about, and do with, its
/// standard streams. console_posix.cpp uses isatty/termios, console_win.cpp
/// the console API.
///
/// Thread contract: call from the main thread; readLine() blocks, so only
/// the one-shot commands (never the running daemon) use it.
class Console final
{
public:
    Console() = delete;

    static bool stdinIsTerminal();
    static bool stderrIsTerminal();

    /// True when stderr is connected to the systemd journal (JOURNAL_STREAM
    /// names stderr's device and inode): lines may then carry "<N>" priority prefixes.
    static bool stderrIsJournal();

    /// Reads one line from stdin without its line ending; nullopt at end of
    /// input. With `echo` false and stdin a terminal, typed characters are
    /// not shown (and the terminal is restored even if the user interrupts).
    static std::optional<QString> readLine(bool echo);

    /// Writes `text` to stderr at once (prompts, messages).
    static void writeError(const QString &text);
    /// Writes `text` to stdout at once.
    static void writeOutput(const QString &text);
};

}  // namespace Balancier
