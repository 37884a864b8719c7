#pragma once

#include <QString>

#include <atomic>

/// Counts log messages that contain a piece of text while it exists, from
/// every thread, and passes every message on to the handler it replaced
/// (QtTest's), so the output is unchanged. One counter at a time.
///
/// Thread contract: create and destroy in the test's thread, before the engine
/// whose messages it counts (so it outlives the engine's threads); count() from
/// any thread.
class MessageCounter final
{
    Q_DISABLE_COPY_MOVE(MessageCounter)

public:
    explicit MessageCounter(QString text);
    ~MessageCounter();

    int count() const { return m_count.load(); }

private:
    static void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message);

    const QString m_text;
    std::atomic<int> m_count{0};
};
