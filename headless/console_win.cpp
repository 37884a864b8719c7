#include "console.h"

#include <QByteArray>

#include <cstdio>
#include <iterator>
#include <string>

#include <io.h>
#ifndef NOMINMAX
#define NOMINMAX  // no min/max macros from windows.h
#endif
#include <windows.h>

// Windows build only; it cannot be compiled on the Linux build machine, so
// it stays small and uses only documented console calls.

namespace Balancier {

namespace {

void writeAll(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

std::optional<QString> readPipedLine()
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
    return QString::fromUtf8(line.data(), qsizetype(line.size()));
}

// ReadConsoleW gives UTF-16 whatever the console code page is.
std::optional<QString> readConsoleLine(HANDLE input)
{
    QString line;
    wchar_t buffer[256];
    for (;;) {
        DWORD read = 0;
        if (!ReadConsoleW(input, buffer, DWORD(std::size(buffer)), &read, nullptr) || read == 0)
            return line.isEmpty() ? std::nullopt : std::optional<QString>(line);
        line += QString::fromWCharArray(buffer, qsizetype(read));
        const qsizetype newline = line.indexOf(u'\n');
        if (newline >= 0) {
            line.truncate(newline);
            if (line.endsWith(u'\r'))
                line.chop(1);
            return line;
        }
    }
}

}  // namespace

bool Console::stdinIsTerminal()
{
    return _isatty(_fileno(stdin)) != 0;
}

bool Console::stderrIsTerminal()
{
    return _isatty(_fileno(stderr)) != 0;
}

bool Console::stderrIsJournal()
{
    return false;
}

std::optional<QString> Console::readLine(bool echo)
{
    const HANDLE input = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    if (input == INVALID_HANDLE_VALUE || !GetConsoleMode(input, &mode))
        return readPipedLine();
    if (!echo)
        SetConsoleMode(input, mode & ~DWORD(ENABLE_ECHO_INPUT));
    const std::optional<QString> line = readConsoleLine(input);
    if (!echo) {
        SetConsoleMode(input, mode);
        writeAll(stderr, QStringLiteral("\n"));
    }
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
