#include "addressprobe.h"

#include "config/address.h"

#include <QLocale>
#include <QTcpSocket>

namespace Balancier {

AddressProbe::AddressProbe(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    connect(
        &m_timeout, &QTimer::timeout, this, [this] { finish(false, tr("no answer within the time limit")); });
}

AddressProbe::~AddressProbe() = default;

void AddressProbe::start(const QString &address, int timeoutMs)
{
    m_result = {};
    m_result.address = address;
    m_done = false;
    QString error;
    const std::optional<Address> parsed = parseAddress(address, false, &error);
    if (!parsed || parsed->isAnyInterface()) {
        const QString why = parsed ? tr("not a single address") : error;
        // Queued, so that a caller connecting to finished() after start() still hears it.
        QMetaObject::invokeMethod(
            this, [this, why] { finish(false, why); }, Qt::QueuedConnection);
        return;
    }
    delete m_socket;
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, [this] { finish(true, {}); });
    connect(m_socket, &QTcpSocket::errorOccurred, this,
        [this](QAbstractSocket::SocketError) { finish(false, m_socket->errorString()); });
    m_clock.start();
    m_timeout.start(timeoutMs);
    m_socket->connectToHost(parsed->host, parsed->port);
}

void AddressProbe::finish(bool ok, const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    m_result.ok = ok;
    m_result.error = error;
    if (ok)
        m_result.milliseconds = double(m_clock.nsecsElapsed()) / 1e6;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    Q_EMIT finished(m_result);
}

QString AddressProbe::describe(const QString &name, const Result &result)
{
    if (result.ok)
        return tr("%1 (%2): connected in %3 ms")
            .arg(name, result.address, QLocale().toString(result.milliseconds, 'f', 1));
    return tr("%1 (%2): failed: %3").arg(name, result.address, result.error);
}

}  // namespace Balancier
