#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

/// A config file laid out by hand as the writer never would (four-space and
/// tab indentation, single quotes, attributes in the author's order, a tag
/// over three lines, comments and blank lines), and a line diff: for the
/// tests that every save keeps the user's layout outside the changed lines.
///
/// Thread contract: plain functions; any thread.
class HandFormattedConfig final
{
public:
    HandFormattedConfig() = delete;

    /// Service "web" (listener 127.0.0.1:0), group "prod" (roundrobin) with
    /// host "a" at `addressA` and host "b" at `addressB`, health checks off,
    /// <settings persist=`persist`>. With a non-empty `adminPasswordHash`, an
    /// admin API on 127.0.0.1:0 with the full-access user "admin".
    static QByteArray text(const QString &persist, const QString &addressA, const QString &addressB,
        const QString &adminPasswordHash = {});

    /// Host b's element as text() writes it: three lines.
    static QByteArrayList hostBLines(const QString &addressB);

    /// The lines that differ between `before` and `after`: what lies between
    /// their longest common run of leading lines and of trailing lines.
    struct LineChange
    {
        QByteArrayList removed;
        QByteArrayList added;
    };
    static LineChange changedLines(const QByteArray &before, const QByteArray &after);
};
