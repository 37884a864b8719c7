#include "connectionrecord.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace Balancier {

QLatin1StringView attemptResultCode(AttemptResult result)
{
    switch (result) {
    case AttemptResult::Refused:
        return QLatin1StringView("refused");
    case AttemptResult::Timeout:
        return QLatin1StringView("timeout");
    case AttemptResult::Unreachable:
        return QLatin1StringView("unreachable");
    case AttemptResult::Unresolved:
        return QLatin1StringView("unresolved");
    }
    return QLatin1StringView("unreachable");
}

QLatin1StringView pickCodeName(PickCode code)
{
    switch (code) {
    case PickCode::None:
        return QLatin1StringView("none");
    case PickCode::RoundRobin:
        return QLatin1StringView("roundrobin");
    case PickCode::Weighted:
        return QLatin1StringView("weighted");
    case PickCode::LeastConns:
        return QLatin1StringView("leastconns");
    case PickCode::LeastConnsRr:
        return QLatin1StringView("leastconnsrr");
    case PickCode::P2c:
        return QLatin1StringView("p2c");
    case PickCode::Random:
        return QLatin1StringView("random");
    case PickCode::StickySeen:
    case PickCode::StickyNew:
        return QLatin1StringView("sticky");
    case PickCode::Hash:
        return QLatin1StringView("hash");
    case PickCode::Maglev:
        return QLatin1StringView("maglev");
    }
    return QLatin1StringView("none");
}

PickReason pickReason(PickCode code, qint32 a, qint32 b)
{
    PickReason reason;
    if (code == PickCode::None)
        return reason;
    reason.code = pickCodeName(code);
    switch (code) {
    case PickCode::StickySeen:
        reason.params.insert(QStringLiteral("seenMsAgo"), qint64(a));
        break;
    case PickCode::StickyNew:
        reason.params.insert(QStringLiteral("new"), true);
        break;
    case PickCode::Hash:
    case PickCode::Maglev:
        reason.params.insert(QStringLiteral("bucket"), a);
        reason.params.insert(QStringLiteral("of"), b);
        break;
    default:
        break;
    }
    return reason;
}

namespace {

QLatin1StringView eventName(ConnectionRecord::Event event)
{
    switch (event) {
    case ConnectionRecord::Event::Connect:
        return QLatin1StringView("connect");
    case ConnectionRecord::Event::Interim:
        return QLatin1StringView("interim");
    case ConnectionRecord::Event::Close:
        return QLatin1StringView("close");
    }
    return QLatin1StringView("close");
}

QByteArray isoTime(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone::utc()).toString(Qt::ISODateWithMs).toUtf8();
}

// A value that needs no quotes is written as it is; one with a blank, a
// quote, '=' or a control character in double quotes, with \" and \\.
void appendValue(QByteArray &out, const QByteArray &value)
{
    bool plain = !value.isEmpty();
    for (const char c : value) {
        if (c == ' ' || c == '"' || c == '=' || c == '\\' || quint8(c) < 0x20 || c == 0x7f) {
            plain = false;
            break;
        }
    }
    if (plain) {
        out += value;
        return;
    }
    out += '"';
    for (const char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += quint8(c) < 0x20 ? ' ' : c;
    }
    out += '"';
}

void appendField(QByteArray &out, const char *key, const QByteArray &value)
{
    out += ' ';
    out += key;
    out += '=';
    appendValue(out, value);
}

void appendField(QByteArray &out, const char *key, qint64 value)
{
    out += ' ';
    out += key;
    out += '=';
    out += QByteArray::number(value);
}

QString endpointText(const IpEndpoint &endpoint)
{
    return endpoint.valid ? endpoint.toString() : QString();
}

}  // namespace

QByteArray ConnectionRecord::toText() const
{
    QByteArray out;
    out.reserve(384);
    out += "conn";
    appendField(out, "event", QByteArray(eventName(event).data(), eventName(event).size()));
    appendField(out, "id", QByteArray::number(id));
    appendField(out, "service", service.toUtf8());
    appendField(out, "group", group.toUtf8());
    appendField(out, "backend", backend.isEmpty() ? QByteArray("-") : backend.toUtf8());
    appendField(out, "client", client.valid ? client.toString().toUtf8() : QByteArray("-"));
    appendField(out, "local", local.valid ? local.toString().toUtf8() : QByteArray("-"));
    // reason=hash:42/65537, reason=sticky:seen=180000ms, reason=sticky:new
    QByteArray reason(pickCodeName(pickCode).data(), pickCodeName(pickCode).size());
    if (pickCode == PickCode::StickySeen)
        reason += ":seen=" + QByteArray::number(pickA) + "ms";
    else if (pickCode == PickCode::StickyNew)
        reason += ":new";
    else if (pickCode == PickCode::Hash || pickCode == PickCode::Maglev)
        reason += ':' + QByteArray::number(pickA) + '/' + QByteArray::number(pickB);
    appendField(out, "reason", reason);
    QByteArray tried;
    for (const Attempt &attempt : attempts) {
        if (!tried.isEmpty())
            tried += ',';
        tried += attempt.backend.toUtf8() + ':' + attemptResultCode(attempt.result).data();
    }
    appendField(out, "attempts", tried.isEmpty() ? QByteArray("-") : tried);
    appendField(out, "accepted", isoTime(acceptedAtMs));
    appendField(out, "connect_ms", connectMs);
    appendField(out, "first_byte_ms", firstByteMs);
    appendField(out, "duration_ms", durationMs);
    appendField(out, "bytes_in", bytesIn);
    appendField(out, "bytes_out", bytesOut);
    const QLatin1StringView code = terminationCode(termination);
    appendField(out, "termination", QByteArray(code.data(), code.size()));
    if (!detail.isEmpty())
        appendField(out, "detail", detail.toUtf8());
    if (!sni.isEmpty())
        appendField(out, "sni", sni);
    return out;
}

QByteArray ConnectionRecord::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("event"), eventName(event));
    object.insert(QStringLiteral("id"), QString::number(id));
    object.insert(QStringLiteral("service"), service);
    object.insert(QStringLiteral("group"), group);
    object.insert(QStringLiteral("backend"), backend);
    object.insert(QStringLiteral("client"), endpointText(client));
    object.insert(QStringLiteral("local"), endpointText(local));
    const PickReason reason = pickReason(pickCode, pickA, pickB);
    object.insert(QStringLiteral("reason"),
        QJsonObject{{QStringLiteral("code"), reason.code},
            {QStringLiteral("params"), QJsonObject::fromVariantMap(reason.params)}});
    QJsonArray tried;
    for (const Attempt &attempt : attempts) {
        tried.append(QJsonObject{{QStringLiteral("backend"), attempt.backend},
            {QStringLiteral("result"), attemptResultCode(attempt.result)}});
    }
    object.insert(QStringLiteral("attempts"), tried);
    object.insert(QStringLiteral("accepted"), QString::fromUtf8(isoTime(acceptedAtMs)));
    object.insert(QStringLiteral("connectMs"), connectMs);
    object.insert(QStringLiteral("firstByteMs"), firstByteMs);
    object.insert(QStringLiteral("durationMs"), durationMs);
    object.insert(QStringLiteral("bytesIn"), bytesIn);
    object.insert(QStringLiteral("bytesOut"), bytesOut);
    object.insert(QStringLiteral("termination"), terminationCode(termination));
    if (!detail.isEmpty())
        object.insert(QStringLiteral("detail"), detail);
    if (!sni.isEmpty())
        object.insert(QStringLiteral("sni"), QString::fromLatin1(sni));
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

}  // namespace Balancier
