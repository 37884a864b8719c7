#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

class QSocketNotifier;

/// A stand-in for systemd's NOTIFY_SOCKET: an AF_UNIX datagram socket
/// (QLocalServer cannot do datagrams) that records every message and the
/// pid of its sender (SO_PASSCRED). Linux only: listen() fails elsewhere.
///
/// Thread contract: lives in the thread that created it (the test's).
class NotifyReceiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotifyReceiver)

public:
    struct Message
    {
        qint64 pid = 0;  ///< the sender's pid, 0 when unknown
        QByteArray text;  ///< "READY=1\nSTATUS=..."
    };

    explicit NotifyReceiver(QObject *parent = nullptr);
    ~NotifyReceiver() override;

    /// `address`: a file path, or "@name" for the abstract namespace, as in NOTIFY_SOCKET.
    bool listen(const QString &address);
    QString address() const { return m_address; }

    QList<Message> messages() const { return m_messages; }
    /// The index of the first message from `from` on that has a line
    /// `line` (e.g. "READY=1") or starts with it when it ends in '=';
    /// -1 when none has.
    qsizetype indexOf(const QByteArray &line, qsizetype from = 0) const;
    /// Every message, one per line, '\n' within a message shown as ' | ' (for failure output).
    QString dump() const;

Q_SIGNALS:
    void messageReceived();

private:
    void handleReadable();

    int m_fd = -1;
    QString m_address;
    QSocketNotifier *m_notifier = nullptr;
    QList<Message> m_messages;
};
