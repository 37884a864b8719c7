#include "prometheustext.h"

#include <QSet>

#include <algorithm>

#include <cmath>
#include <limits>

namespace {

bool isMetricNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool isMetricNameChar(char c)
{
    return isMetricNameStart(c) || (c >= '0' && c <= '9');
}

bool isLabelNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isLabelNameChar(char c)
{
    return isLabelNameStart(c) || (c >= '0' && c <= '9');
}

bool isMetricName(QByteArrayView name)
{
    if (name.isEmpty() || !isMetricNameStart(name.at(0)))
        return false;
    for (const char c : name) {
        if (!isMetricNameChar(c))
            return false;
    }
    return true;
}

/// Go's strconv.ParseFloat as Prometheus uses it, minus hex floats.
std::optional<double> parseValue(const QByteArray &text)
{
    if (text == "NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == "+Inf" || text == "Inf")
        return std::numeric_limits<double>::infinity();
    if (text == "-Inf")
        return -std::numeric_limits<double>::infinity();
    // [+-]digits[.digits][e[+-]digits] or [+-].digits...
    qsizetype i = 0;
    if (i < text.size() && (text.at(i) == '+' || text.at(i) == '-'))
        ++i;
    qsizetype digits = 0;
    while (i < text.size() && text.at(i) >= '0' && text.at(i) <= '9') {
        ++i;
        ++digits;
    }
    if (i < text.size() && text.at(i) == '.') {
        ++i;
        while (i < text.size() && text.at(i) >= '0' && text.at(i) <= '9') {
            ++i;
            ++digits;
        }
    }
    if (digits == 0)
        return std::nullopt;
    if (i < text.size() && (text.at(i) == 'e' || text.at(i) == 'E')) {
        ++i;
        if (i < text.size() && (text.at(i) == '+' || text.at(i) == '-'))
            ++i;
        qsizetype exponent = 0;
        while (i < text.size() && text.at(i) >= '0' && text.at(i) <= '9') {
            ++i;
            ++exponent;
        }
        if (exponent == 0)
            return std::nullopt;
    }
    if (i != text.size())
        return std::nullopt;
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

}  // namespace

QString PrometheusText::Sample::label(QByteArrayView labelName) const
{
    for (const auto &[key, text] : labels) {
        if (key == labelName)
            return text;
    }
    return {};
}

bool PrometheusText::fail(int line, const QString &message)
{
    if (m_error.isEmpty())
        m_error = QStringLiteral("line %1: %2").arg(line).arg(message);
    return false;
}

const PrometheusText::Family *PrometheusText::family(QByteArrayView name) const
{
    for (const Family &family : m_families) {
        if (family.name == name)
            return &family;
    }
    return nullptr;
}

std::optional<double> PrometheusText::value(QByteArrayView name, const Labels &labels) const
{
    for (const Family &family : m_families) {
        for (const Sample &sample : family.samples) {
            if (sample.name != name || sample.labels.size() != labels.size())
                continue;
            bool same = true;
            for (const auto &[key, text] : labels)
                same = same && sample.labels.contains(qMakePair(key, text));
            if (same)
                return sample.value;
        }
    }
    return std::nullopt;
}

PrometheusText::Family *PrometheusText::familyOf(const QByteArray &sampleName)
{
    for (Family &family : m_families) {
        if (family.name == sampleName)
            return &family;
    }
    // Histograms and summaries expose name_bucket, name_sum, name_count.
    for (const char *suffix : {"_bucket", "_sum", "_count"}) {
        if (!sampleName.endsWith(suffix))
            continue;
        const QByteArray base = sampleName.chopped(qsizetype(qstrlen(suffix)));
        for (Family &family : m_families) {
            if (family.name != base)
                continue;
            if (family.type == "histogram" || (family.type == "summary" && qstrcmp(suffix, "_bucket") != 0))
                return &family;
        }
    }
    return nullptr;
}

bool PrometheusText::parse(const QByteArray &text)
{
    m_families.clear();
    m_error.clear();
    m_currentFamily.clear();
    m_closedFamilies.clear();
    m_seenSeries.clear();
    if (text.isEmpty())
        return true;
    if (!text.endsWith('\n'))
        return fail(int(text.count('\n')) + 1, QStringLiteral("the text must end with a newline"));
    const QList<QByteArray> lines = text.chopped(1).split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i + 1);
        const QByteArray &line = lines.at(i);
        if (line.contains('\r'))
            return fail(number, QStringLiteral("carriage return; lines end with \\n only"));
        if (line.trimmed().isEmpty())
            continue;
        const bool ok = line.startsWith('#') ? parseComment(number, line) : parseSample(number, line);
        if (!ok)
            return false;
    }
    return true;
}

bool PrometheusText::parseComment(int number, const QByteArray &line)
{
    const bool help = line.startsWith("# HELP ");
    const bool type = line.startsWith("# TYPE ");
    if (!help && !type)
        return true;  // any other comment is allowed and ignored
    const QByteArray rest = line.mid(7);
    const qsizetype space = rest.indexOf(' ');
    const QByteArray name = space < 0 ? rest : rest.left(space);
    if (!isMetricName(name))
        return fail(number, QStringLiteral("invalid metric name '%1'").arg(QString::fromUtf8(name)));
    Family *family = nullptr;
    for (Family &candidate : m_families) {
        if (candidate.name == name)
            family = &candidate;
    }
    if (!family) {
        m_families.append(Family{name, {}, {}, {}});
        family = &m_families.last();
    }
    if (!family->samples.isEmpty() || m_closedFamilies.contains(name))
        return fail(
            number, QStringLiteral("HELP/TYPE for '%1' after its samples").arg(QString::fromUtf8(name)));
    if (type) {
        if (!family->type.isEmpty())
            return fail(number, QStringLiteral("second TYPE line for '%1'").arg(QString::fromUtf8(name)));
        const QByteArray kind = space < 0 ? QByteArray() : rest.mid(space + 1);
        static const QList<QByteArray> kinds = {"counter", "gauge", "histogram", "summary", "untyped"};
        if (!kinds.contains(kind))
            return fail(number, QStringLiteral("unknown type '%1'").arg(QString::fromUtf8(kind)));
        family->type = kind;
        return true;
    }
    if (!family->help.isNull())
        return fail(number, QStringLiteral("second HELP line for '%1'").arg(QString::fromUtf8(name)));
    const QByteArray raw = space < 0 ? QByteArray() : rest.mid(space + 1);
    QByteArray decoded;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw.at(i) != '\\') {
            decoded += raw.at(i);
            continue;
        }
        if (i + 1 >= raw.size())
            return fail(number, QStringLiteral("HELP text ends in a lone backslash"));
        const char next = raw.at(++i);
        if (next == '\\')
            decoded += '\\';
        else if (next == 'n')
            decoded += '\n';
        else
            return fail(
                number, QStringLiteral("invalid escape '\\%1' in HELP text").arg(QChar::fromLatin1(next)));
    }
    family->help = decoded.isNull() ? QStringLiteral("") : QString::fromUtf8(decoded);
    return true;
}

bool PrometheusText::parseSample(int number, const QByteArray &line)
{
    qsizetype i = 0;
    const qsizetype size = line.size();
    while (i < size && isMetricNameChar(line.at(i)))
        ++i;
    const QByteArray name = line.left(i);
    if (!isMetricName(name))
        return fail(number, QStringLiteral("invalid metric name at '%1'").arg(QString::fromUtf8(line)));
    Sample sample;
    sample.name = name;
    QSet<QByteArray> labelNames;
    if (i < size && line.at(i) == '{') {
        ++i;
        for (;;) {
            if (i < size && line.at(i) == '}') {
                ++i;
                break;
            }
            const qsizetype start = i;
            if (i >= size || !isLabelNameStart(line.at(i)))
                return fail(number, QStringLiteral("invalid label name at column %1").arg(i + 1));
            while (i < size && isLabelNameChar(line.at(i)))
                ++i;
            const QByteArray labelName = line.mid(start, i - start);
            if (labelName.startsWith("__"))
                return fail(
                    number, QStringLiteral("reserved label name '%1'").arg(QString::fromUtf8(labelName)));
            if (labelNames.contains(labelName))
                return fail(number, QStringLiteral("duplicate label '%1'").arg(QString::fromUtf8(labelName)));
            labelNames.insert(labelName);
            if (i >= size || line.at(i) != '=')
                return fail(number, QStringLiteral("expected '=' at column %1").arg(i + 1));
            ++i;
            if (i >= size || line.at(i) != '"')
                return fail(number, QStringLiteral("expected '\"' at column %1").arg(i + 1));
            ++i;
            QByteArray value;
            bool closed = false;
            while (i < size) {
                const char c = line.at(i++);
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c != '\\') {
                    value += c;
                    continue;
                }
                if (i >= size)
                    break;
                const char next = line.at(i++);
                if (next == '\\')
                    value += '\\';
                else if (next == '"')
                    value += '"';
                else if (next == 'n')
                    value += '\n';
                else
                    return fail(number,
                        QStringLiteral("invalid escape '\\%1' in a label value")
                            .arg(QChar::fromLatin1(next)));
            }
            if (!closed)
                return fail(number, QStringLiteral("unterminated label value"));
            sample.labels.append({labelName, QString::fromUtf8(value)});
            if (i < size && line.at(i) == ',') {
                ++i;
                continue;
            }
            if (i < size && line.at(i) == '}') {
                ++i;
                break;
            }
            return fail(number, QStringLiteral("expected ',' or '}' at column %1").arg(i + 1));
        }
    }
    if (i >= size || (line.at(i) != ' ' && line.at(i) != '\t'))
        return fail(number, QStringLiteral("expected a blank before the value at column %1").arg(i + 1));
    const QList<QByteArray> rest = line.mid(i).simplified().split(' ');
    if (rest.isEmpty() || rest.size() > 2 || rest.constFirst().isEmpty())
        return fail(number, QStringLiteral("expected a value and an optional timestamp"));
    const std::optional<double> value = parseValue(rest.constFirst());
    if (!value)
        return fail(number, QStringLiteral("invalid value '%1'").arg(QString::fromUtf8(rest.constFirst())));
    sample.value = *value;
    if (rest.size() == 2) {
        bool ok = false;
        const qint64 timestamp = rest.at(1).toLongLong(&ok);
        if (!ok)
            return fail(number, QStringLiteral("invalid timestamp '%1'").arg(QString::fromUtf8(rest.at(1))));
        sample.timestamp = timestamp;
    }
    Family *family = familyOf(name);
    if (!family || family->type.isEmpty())
        return fail(number,
            QStringLiteral("sample '%1' has no declared family (no TYPE line before it)")
                .arg(QString::fromUtf8(name)));
    if (family->name != m_currentFamily) {
        if (m_closedFamilies.contains(family->name))
            return fail(number,
                QStringLiteral("samples of '%1' are not contiguous").arg(QString::fromUtf8(family->name)));
        if (!m_currentFamily.isEmpty())
            m_closedFamilies.append(m_currentFamily);
        m_currentFamily = family->name;
    }
    Labels sorted = sample.labels;
    std::sort(sorted.begin(), sorted.end());
    QByteArray key = name;
    for (const auto &[labelName, labelValue] : std::as_const(sorted))
        key += '\0' + labelName + '=' + labelValue.toUtf8();
    if (m_seenSeries.contains(key))
        return fail(number, QStringLiteral("duplicate series '%1'").arg(QString::fromUtf8(line)));
    m_seenSeries.append(key);
    family->samples.append(sample);
    return true;
}
