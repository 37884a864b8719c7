#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

/// A minimal, strict parser of the Prometheus text exposition format 0.0.4,
/// for tests: it accepts only what the format allows and says exactly where
/// the first violation is.
///
/// Checked: "# HELP name text" and "# TYPE name type" lines (one each per
/// family, TYPE before the family's samples, known types only, HELP escapes
/// \\ and \n only); metric names [a-zA-Z_:][a-zA-Z0-9_:]*; label names
/// [a-zA-Z_][a-zA-Z0-9_]*, not starting with "__", unique within a sample;
/// label values in double quotes with the escapes \\ \" \n only; values as Go
/// floats (incl. NaN, +Inf, -Inf); optional integer timestamps; every sample
/// belongs to a declared family (histogram/summary suffixes allowed); a
/// family's samples are contiguous; no series appears twice; the text ends
/// with a newline.
///
/// Thread contract: a value; use from one thread at a time.
class PrometheusText final
{
public:
    using Labels = QList<QPair<QByteArray, QString>>;
    struct Sample
    {
        QByteArray name;
        Labels labels;  ///< in the order written
        double value = 0;
        std::optional<qint64> timestamp;

        QString label(QByteArrayView name) const;
    };
    struct Family
    {
        QByteArray name;
        QByteArray type;  ///< counter, gauge, histogram, summary, untyped
        QString help;
        QList<Sample> samples;
    };

    /// False with errorString() set ("line 3: ...") on the first violation.
    bool parse(const QByteArray &text);
    const QString &errorString() const { return m_error; }
    const QList<Family> &families() const { return m_families; }
    const Family *family(QByteArrayView name) const;
    /// The value of the series `name` with exactly these labels (any order).
    std::optional<double> value(QByteArrayView name, const Labels &labels = {}) const;

private:
    bool fail(int line, const QString &message);
    bool parseComment(int lineNumber, const QByteArray &line);
    bool parseSample(int lineNumber, const QByteArray &line);
    Family *familyOf(const QByteArray &sampleName);

    QList<Family> m_families;
    QString m_error;
    QByteArray m_currentFamily;  ///< family of the previous sample
    QList<QByteArray> m_closedFamilies;  ///< families whose samples ended
    QList<QByteArray> m_seenSeries;
};
