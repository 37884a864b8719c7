#include "messagecounter.h"

#include <QtGlobal>

namespace {
std::atomic<MessageCounter *> current{nullptr};
QtMessageHandler previous = nullptr;
}  // namespace

MessageCounter::MessageCounter(QString text)
    : m_text(std::move(text))
{
    Q_ASSERT(!current.load());
    current.store(this);
    previous = qInstallMessageHandler(&MessageCounter::handleMessage);
}

MessageCounter::~MessageCounter()
{
    qInstallMessageHandler(previous);
    current.store(nullptr);
}

void MessageCounter::handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (MessageCounter *counter = current.load(); counter && message.contains(counter->m_text))
        counter->m_count.fetch_add(1);
    if (previous)
        previous(type, context, message);
}
