#include "udpdnsresolver.h"

#include "platform/socketops.h"

#include <QRandomGenerator>
#include <QUdpSocket>

#include <QtEndian>

namespace Balancier {

namespace {

constexpr quint16 TypeA = 1;
constexpr quint16 TypeAaaa = 28;
constexpr quint16 TypeSrv = 33;
constexpr int MaxPointerJumps = 32;

// Reads a possibly compressed name at `*offset`; advances `*offset` past it
// in the record (not past what a pointer points to).
bool readName(const QByteArray &packet, int *offset, QString *name)
{
    QStringList labels;
    int at = *offset;
    int jumps = 0;
    bool jumped = false;
    while (true) {
        if (at >= packet.size())
            return false;
        const quint8 length = quint8(packet.at(at));
        if ((length & 0xC0) == 0xC0) {
            if (at + 1 >= packet.size() || ++jumps > MaxPointerJumps)
                return false;
            const int target = ((length & 0x3F) << 8) | quint8(packet.at(at + 1));
            if (!jumped)
                *offset = at + 2;
            jumped = true;
            at = target;
            continue;
        }
        if (length & 0xC0)
            return false;
        if (length == 0) {
            if (!jumped)
                *offset = at + 1;
            break;
        }
        if (at + 1 + length > packet.size())
            return false;
        labels.append(QString::fromLatin1(packet.constData() + at + 1, length));
        at += 1 + length;
    }
    *name = labels.join(u'.');
    return true;
}

quint16 read16(const QByteArray &packet, int offset)
{
    return qFromBigEndian<quint16>(packet.constData() + offset);
}

quint32 read32(const QByteArray &packet, int offset)
{
    return qFromBigEndian<quint32>(packet.constData() + offset);
}

QString rcodeText(int rcode)
{
    switch (rcode) {
    case 1:
        return QStringLiteral("the server could not read the query (FORMERR)");
    case 2:
        return QStringLiteral("server failure (SERVFAIL)");
    case 3:
        return QStringLiteral("no such name (NXDOMAIN)");
    case 4:
        return QStringLiteral("the server does not do this (NOTIMP)");
    case 5:
        return QStringLiteral("the server refused (REFUSED)");
    default:
        return QStringLiteral("error code %1").arg(rcode);
    }
}

}  // namespace

struct UdpDnsResolver::Query
{
    QString name;
    QList<quint16> types;  // asked one after the other on the same socket
    qsizetype typeIndex = 0;
    quint16 id = 0;
    int attempts = 0;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback done;
    QUdpSocket *socket = nullptr;
    QTimer *timer = nullptr;
    DnsAnswer answer;
    bool anyAnswer = false;  // some type answered (A or AAAA)
};

UdpDnsResolver::UdpDnsResolver(const QHostAddress &server, quint16 port, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_port(port)
{ }

UdpDnsResolver::~UdpDnsResolver()
{
    for (const auto &query : std::as_const(m_queries)) {
        delete query->socket;
        delete query->timer;
    }
}

QString UdpDnsResolver::describe() const
{
    return QStringLiteral("dns server %1").arg(SocketOps::addressToString(m_server, m_port));
}

void UdpDnsResolver::lookupAddresses(const QString &name, QObject *context, Callback done)
{
    start(name, {TypeA, TypeAaaa}, context, std::move(done));
}

void UdpDnsResolver::lookupSrv(const QString &name, QObject *context, Callback done)
{
    start(name, {TypeSrv}, context, std::move(done));
}

void UdpDnsResolver::start(const QString &name, const QList<quint16> &types, QObject *context, Callback done)
{
    const quint64 key = m_nextKey++;
    auto query = std::make_shared<Query>();
    query->name = name;
    query->types = types;
    query->context = context;
    query->hasContext = context != nullptr;
    query->done = std::move(done);
    query->socket = new QUdpSocket;
    query->timer = new QTimer;
    query->timer->setSingleShot(true);
    connect(query->socket, &QUdpSocket::readyRead, this, [this, key] { readAnswers(key); });
    connect(query->timer, &QTimer::timeout, this, [this, key] { expire(key); });
    m_queries.insert(key, query);
    if (buildQuery(0, name, types.constFirst()).isEmpty()) {
        query->answer.error = QStringLiteral("'%1' is not a valid DNS name").arg(name);
        QMetaObject::invokeMethod(
            this, [this, key] { finish(key); }, Qt::QueuedConnection);
        return;
    }
    const bool bound = query->socket->bind(
        m_server.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress::AnyIPv6 : QHostAddress::AnyIPv4,
        0);
    if (!bound) {
        query->answer.error
            = QStringLiteral("cannot open a UDP socket: %1").arg(query->socket->errorString());
        QMetaObject::invokeMethod(
            this, [this, key] { finish(key); }, Qt::QueuedConnection);
        return;
    }
    send(*query);
}

void UdpDnsResolver::send(Query &query)
{
    query.id = quint16(QRandomGenerator::system()->bounded(1, 65536));
    ++query.attempts;
    query.socket->writeDatagram(
        buildQuery(query.id, query.name, query.types.at(query.typeIndex)), m_server, m_port);
    query.timer->start(m_timeoutMs);
}

void UdpDnsResolver::readAnswers(quint64 key)
{
    const auto it = m_queries.constFind(key);
    if (it == m_queries.cend())
        return;
    const std::shared_ptr<Query> query = *it;
    while (query->socket->hasPendingDatagrams()) {
        QHostAddress from;
        quint16 fromPort = 0;
        QByteArray packet(int(std::max<qint64>(query->socket->pendingDatagramSize(), 0)), Qt::Uninitialized);
        const qint64 read = query->socket->readDatagram(packet.data(), packet.size(), &from, &fromPort);
        if (read < 0)
            continue;
        packet.resize(int(read));
        // Only the server we asked may answer (a spoofed datagram from
        // elsewhere is dropped), and only to this question.
        if (fromPort != m_port || !from.isEqual(m_server, QHostAddress::TolerantConversion))
            continue;
        DnsAnswer part;
        const quint16 type = query->types.at(query->typeIndex);
        if (!parseAnswer(packet, query->id, type, &part))
            continue;
        query->timer->stop();
        if (part.ok()) {
            query->anyAnswer = true;
            query->answer.addresses += part.addresses;
            query->answer.srv += part.srv;
        } else if (query->answer.error.isEmpty()) {
            query->answer.error = part.error;
        }
        if (++query->typeIndex < query->types.size()) {
            query->attempts = 0;
            send(*query);
            return;
        }
        if (query->anyAnswer)
            query->answer.error.clear();
        finish(key);
        return;
    }
}

void UdpDnsResolver::expire(quint64 key)
{
    const auto it = m_queries.constFind(key);
    if (it == m_queries.cend())
        return;
    Query &query = **it;
    if (query.attempts < 2) {
        send(query);
        return;
    }
    if (++query.typeIndex < query.types.size()) {
        // AAAA may time out where A answered: keep what came.
        query.attempts = 0;
        send(query);
        return;
    }
    if (!query.anyAnswer) {
        query.answer.error = QStringLiteral("no answer from %1 within %2 ms")
                                 .arg(SocketOps::addressToString(m_server, m_port))
                                 .arg(2 * m_timeoutMs);
    } else {
        query.answer.error.clear();
    }
    finish(key);
}

void UdpDnsResolver::finish(quint64 key)
{
    const std::shared_ptr<Query> query = m_queries.take(key);
    if (!query)
        return;
    query->socket->deleteLater();
    query->timer->deleteLater();
    if (query->hasContext && !query->context)
        return;
    query->done(query->answer);
}

QByteArray UdpDnsResolver::buildQuery(quint16 id, const QString &name, quint16 type)
{
    QByteArray packet;
    const auto put16 = [&packet](quint16 value) {
        packet.append(char(value >> 8));
        packet.append(char(value & 0xFF));
    };
    put16(id);
    put16(0x0100);  // a standard query, recursion desired
    put16(1);  // one question
    put16(0);
    put16(0);
    put16(0);
    QString trimmed = name;
    if (trimmed.endsWith(u'.'))
        trimmed.chop(1);
    if (trimmed.isEmpty() || trimmed.size() > 253)
        return {};
    for (const QString &label : trimmed.split(u'.')) {
        const QByteArray bytes = label.toUtf8();
        if (bytes.isEmpty() || bytes.size() > 63)
            return {};
        for (const char c : bytes) {
            const bool fine = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_';
            if (!fine)
                return {};
        }
        packet.append(char(bytes.size()));
        packet.append(bytes);
    }
    packet.append('\0');
    put16(type);
    put16(1);  // class IN
    return packet;
}

bool UdpDnsResolver::parseAnswer(const QByteArray &packet, quint16 id, quint16 type, DnsAnswer *answer)
{
    if (packet.size() < 12 || read16(packet, 0) != id)
        return false;
    const quint16 flags = read16(packet, 2);
    if (!(flags & 0x8000))
        return false;  // a query, not an answer
    const int rcode = flags & 0x000F;
    const int questions = read16(packet, 4);
    const int answers = read16(packet, 6);
    int offset = 12;
    for (int i = 0; i < questions; ++i) {
        QString ignored;
        if (!readName(packet, &offset, &ignored) || offset + 4 > packet.size())
            return false;
        offset += 4;
    }
    if (rcode != 0) {
        answer->error = rcodeText(rcode);
        return true;
    }
    for (int i = 0; i < answers; ++i) {
        QString owner;
        if (!readName(packet, &offset, &owner) || offset + 10 > packet.size())
            return false;
        const quint16 recordType = read16(packet, offset);
        const quint32 ttl = read32(packet, offset + 4);
        const int length = read16(packet, offset + 8);
        offset += 10;
        if (offset + length > packet.size())
            return false;
        const int end = offset + length;
        if (recordType == type && type == TypeA && length == 4) {
            answer->addresses.append({QHostAddress(read32(packet, offset)), qint64(ttl)});
        } else if (recordType == type && type == TypeAaaa && length == 16) {
            answer->addresses.append(
                {QHostAddress(reinterpret_cast<const quint8 *>(packet.constData() + offset)), qint64(ttl)});
        } else if (recordType == type && type == TypeSrv && length >= 7) {
            DnsSrvRecord record;
            record.priority = read16(packet, offset);
            record.weight = read16(packet, offset + 2);
            record.port = read16(packet, offset + 4);
            record.ttlS = qint64(ttl);
            int at = offset + 6;
            if (!readName(packet, &at, &record.target))
                return false;
            if (!record.target.isEmpty())  // "." means "no such service here"
                answer->srv.append(record);
        }
        offset = end;
    }
    return true;
}

}  // namespace Balancier
