#include "routerules.h"

#include "configlimits.h"
#include "duration.h"

using namespace Qt::StringLiterals;

namespace Balancier {

QString RouteProblem::parameter() const
{
    if (route < 0)
        return attribute;
    QString text = u"routes["_s + QString::number(route) + u"]"_s;
    if (!attribute.isEmpty())
        text += u'.' + attribute;
    if (item >= 0)
        text += u'[' + QString::number(item) + u']';
    return text;
}

QString RouteRules::serverNameProblem(QStringView pattern)
{
    QStringView name = pattern.trimmed();
    if (name.isEmpty())
        return u"empty name; expected a host name such as a.example or *.b.example"_s;
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name.startsWith(u"*."))
        name = name.mid(2);
    if (name.contains(u'*'))
        return u"\""_s + pattern.left(80).toString()
            + u"\": a wildcard stands only for a whole leftmost label, as in *.b.example"_s;
    if (name.isEmpty() || name.size() > 253)
        return u"\""_s + pattern.left(80).toString() + u"\" is not a host name"_s;
    for (QStringView label : name.split(u'.')) {
        if (label.isEmpty() || label.size() > 63)
            return u"\""_s + pattern.left(80).toString() + u"\" has an empty or too long label"_s;
        for (QChar c : label) {
            const char16_t u = c.unicode();
            const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
                || u == u'-' || u == u'_';
            if (!ok)
                return u"\""_s + pattern.left(80).toString()
                    + u"\" has a character not allowed in a host name (letters, digits, - and _; "
                      u"a name in another script is written in its xn-- form)"_s;
        }
    }
    return {};
}

QString RouteRules::alpnProblem(QStringView protocol)
{
    const QStringView name = protocol.trimmed();
    if (name.isEmpty())
        return u"empty protocol; expected an ALPN name such as h2 or http/1.1"_s;
    if (name.size() > 255)
        return u"a protocol name is at most 255 bytes"_s;
    for (QChar c : name) {
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return u"\""_s + name.left(80).toString()
                + u"\" is not an ALPN name: printable ASCII without blanks (h2, http/1.1, acme-tls/1)"_s;
    }
    return {};
}

bool RouteRules::parseSize(QStringView text, int *bytes)
{
    QStringView digits = text.trimmed();
    int factor = 1;
    if (digits.endsWith(u'k') || digits.endsWith(u'K')) {
        factor = 1024;
        digits.chop(1);
    }
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    if (!ok || value < 0 || value > 1024 * 1024 || digits.startsWith(u'+') || digits.startsWith(u'-'))
        return false;
    *bytes = int(value * factor);
    return true;
}

QString RouteRules::sizeText(int bytes)
{
    return bytes > 0 && bytes % 1024 == 0 ? QString::number(bytes / 1024) + u'k' : QString::number(bytes);
}

QList<RouteProblem> RouteRules::problems(const ServiceConfig &service)
{
    QList<RouteProblem> out;
    if (service.peekSize < ServiceConfig::minPeekSize || service.peekSize > ServiceConfig::maxPeekSize) {
        out.append({-1, u"peeksize"_s, -1,
            QString::number(service.peekSize) + u" bytes is out of range; expected "_s
                + sizeText(ServiceConfig::minPeekSize) + u" to "_s + sizeText(ServiceConfig::maxPeekSize)});
    }
    if (service.peekTimeoutMs < 1 || service.peekTimeoutMs > ConfigLimits::maxDurationMs)
        out.append({-1, u"peektimeout"_s, -1,
            formatDuration(service.peekTimeoutMs) + u" is out of range; expected 1ms to "_s
                + formatDuration(ConfigLimits::maxDurationMs)});
    qsizetype plainAt = -1;
    for (qsizetype r = 0; r < service.routes.size(); ++r) {
        const RouteConfig &route = service.routes.at(r);
        if (route.group.isEmpty()) {
            out.append({r, u"group"_s, -1, u"a route needs a group"_s});
        } else if (!service.group(route.group)) {
            QStringList names;
            for (const GroupConfig &group : service.groups)
                names.append(u'"' + group.name + u'"');
            out.append({r, u"group"_s, -1,
                u"group \""_s + route.group + u"\" does not exist; expected one of "_s
                    + names.join(u", "_s)});
        }
        if (route.plain) {
            if (!route.sni.isEmpty() || !route.alpn.isEmpty())
                out.append({r, u"plain"_s, -1,
                    u"a plain route takes the clients that do not speak TLS: it has no sni or alpn"_s});
            if (plainAt >= 0)
                out.append({r, u"plain"_s, -1,
                    u"a second plain route; route "_s + QString::number(plainAt + 1) + u" is one already"_s});
            else
                plainAt = r;
            if (route.silenceMs < 1 || route.silenceMs > ConfigLimits::maxDurationMs)
                out.append({r, u"silence"_s, -1, formatDuration(route.silenceMs) + u" is out of range"_s});
            continue;
        }
        if (route.sni.isEmpty() && route.alpn.isEmpty())
            out.append({r, {}, -1, u"a route needs sni, alpn or plain=\"yes\""_s});
        for (qsizetype i = 0; i < route.sni.size(); ++i) {
            if (const QString problem = serverNameProblem(route.sni.at(i)); !problem.isEmpty())
                out.append({r, u"sni"_s, i, problem});
        }
        for (qsizetype i = 0; i < route.alpn.size(); ++i) {
            if (const QString problem = alpnProblem(route.alpn.at(i)); !problem.isEmpty())
                out.append({r, u"alpn"_s, i, problem});
        }
    }
    return out;
}

}  // namespace Balancier
