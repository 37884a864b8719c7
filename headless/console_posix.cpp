#include "console.h"

#include <QByteArray>

#include <csignal>
#include <cstdio>
#include <string>

#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace Balancier {

namespace {

// Saved by readLine(false) so that the interrupt handler can put the
// terminal back before the process dies: a shell left without echo is a trap.
struct termios s_savedTerminal;
volatile sig_atomic_t s_terminalSaved = 0;

extern "C" void restoreTerminalAndDie(int signalNumber)
{
    if (s_terminalSaved)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &s_savedTerminal);
    std::signal(signalNumber, SIG_DFL);
    std::raise(signalNumber);
}

void writeAll(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

std::optional<QString> readStdinLine()
{
    std::string line;
    int c = 0;
    bool any = false;
    while ((c = std::fgetc(stdin)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        line.push_back(char(c));
    }
    if (!any)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromLocal8Bit(line.data(), qsizetype(line.size()));
}

}  // namespace

bool Console::stdinIsTerminal()
{
    return isatty(STDIN_FILENO) == 1;
}

bool Console::stderrIsTerminal()
{
    return isatty(STDERR_FILENO) == 1;
}

bool Console::stderrIsJournal()
{
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    if (stream.isEmpty())
        return false;
    struct stat info
    { };
    if (fstat(STDERR_FILENO, &info) != 0)
        return false;
    const QByteArray expected
        = QByteArray::number(quint64(info.st_dev)) + ':' + QByteArray::number(quint64(info.st_ino));
    return stream == expected;
}

std::optional<QString> Console::readLine(bool echo)
{
    if (echo || !stdinIsTerminal())
        return readStdinLine();

    struct termios quiet
    { };
    if (tcgetattr(STDIN_FILENO, &s_savedTerminal) != 0)
        return readStdinLine();
    s_terminalSaved = 1;
    struct sigaction action
    { };
    action.sa_handler = restoreTerminalAndDie;
    sigemptyset(&action.sa_mask);
    struct sigaction oldInt
    {
    }, oldTerm{}, oldHup{}, oldQuit{};
    sigaction(SIGINT, &action, &oldInt);
    sigaction(SIGTERM, &action, &oldTerm);
    sigaction(SIGHUP, &action, &oldHup);
    sigaction(SIGQUIT, &action, &oldQuit);

    quiet = s_savedTerminal;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    quiet.c_lflag |= tcflag_t(ECHONL);  // the user still sees that Enter was taken
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    const std::optional<QString> line = readStdinLine();
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &s_savedTerminal);

    s_terminalSaved = 0;
    sigaction(SIGINT, &oldInt, nullptr);
    sigaction(SIGTERM, &oldTerm, nullptr);
    sigaction(SIGHUP, &oldHup, nullptr);
    sigaction(SIGQUIT, &oldQuit, nullptr);
    return line;
}

void Console::writeError(const QString &text)
{
    writeAll(stderr, text);
}

void Console::writeOutput(const QString &text)
{
    writeAll(stdout, text);
}

}  // namespace Balancier
