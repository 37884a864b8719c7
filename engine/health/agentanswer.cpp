#include "agentanswer.h"

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

bool isSeparator(char c)
{
    return c == ',' || c == ' ' || c == '\t';
}

/// A whole decimal number in [0, max], digits only.
std::optional<int> number(QByteArrayView text, int max)
{
    if (text.isEmpty() || text.size() > 9)
        return std::nullopt;
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (value > max)
        return std::nullopt;
    return value;
}

}  // namespace

AgentAnswer AgentAnswer::parse(QByteArrayView line)
{
    AgentAnswer answer;
    QByteArrayView words = line;
    if (const qsizetype hash = line.indexOf('#'); hash >= 0) {
        words = line.first(hash);
        answer.reason = printable(line.sliced(hash + 1).trimmed());
    }
    qsizetype start = 0;
    while (start < words.size()) {
        while (start < words.size() && isSeparator(words.at(start)))
            ++start;
        qsizetype end = start;
        while (end < words.size() && !isSeparator(words.at(end)))
            ++end;
        if (end == start)
            break;
        const QByteArray word = words.sliced(start, end - start).toByteArray().toLower();
        start = end;
        if (word.endsWith('%')) {
            if (const auto percent = number(QByteArrayView(word).chopped(1), MaxWeightPercent)) {
                answer.weightPercent = *percent;
                continue;
            }
        } else if (word.startsWith("maxconn:")) {
            if (const auto limit = number(QByteArrayView(word).sliced(8), MaxConnsLimit)) {
                answer.maxConns = *limit;
                continue;
            }
        } else if (word == "ready") {
            answer.adminState = HostAdminState::Ready;
            continue;
        } else if (word == "drain") {
            answer.adminState = HostAdminState::Drain;
            continue;
        } else if (word == "maint") {
            answer.adminState = HostAdminState::Maintenance;
            continue;
        } else if (word == "up") {
            answer.up = true;
            answer.healthWord = u"up"_s;
            continue;
        } else if (word == "down" || word == "fail" || word == "stopped") {
            answer.up = false;
            answer.healthWord = QString::fromLatin1(word);
            continue;
        }
        answer.unknown.append(printable(word, 40));
    }
    return answer;
}

QString AgentAnswer::printable(QByteArrayView bytes, qsizetype limit)
{
    QString text;
    for (const char byte : bytes) {
        if (text.size() >= limit) {
            text += u"..."_s;
            break;
        }
        const auto c = static_cast<unsigned char>(byte);
        if (c >= 0x20 && c < 0x7f && c != '\\')
            text += QLatin1Char(byte);
        else
            text += u"\\x%1"_s.arg(uint(c), 2, 16, QLatin1Char('0'));
    }
    return text;
}

}  // namespace Balancier
