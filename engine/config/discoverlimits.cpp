#include "discoverlimits.h"

#include "address.h"

using namespace Qt::StringLiterals;

namespace Balancier::DiscoverLimits {

QString srvNameProblem(QStringView name)
{
    QStringView trimmed = name;
    if (trimmed.endsWith(u'.'))
        trimmed.chop(1);
    const QString expected = u"; expected a DNS name such as _http._tcp.web.example.org"_s;
    if (trimmed.isEmpty())
        return u"empty name"_s + expected;
    if (trimmed.size() > 253)
        return u"the name is longer than 253 characters"_s + expected;
    int labels = 0;
    for (const QStringView label : trimmed.split(u'.')) {
        ++labels;
        if (label.isEmpty())
            return u'"' + name.left(80).toString() + u"\" has an empty label (two dots in a row)"_s
                + expected;
        if (label.size() > 63)
            return u"a label of \""_s + name.left(80).toString() + u"\" is longer than 63 characters"_s
                + expected;
        for (const QChar c : label) {
            const bool fine = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
                || c == u'-' || c == u'_';
            if (!fine) {
                return u'"' + name.left(80).toString() + u"\" contains '"_s + QString(c)
                    + u"'; a DNS label has letters, digits, '-' and '_' only"_s;
            }
        }
    }
    if (labels < 2)
        return u'"' + name.left(80).toString() + u"\" is a single label"_s + expected;
    return {};
}

bool parseDnsServer(const QString &text, QHostAddress *address, quint16 *port, QString *error)
{
    const QString trimmed = text.trimmed();
    QHostAddress plain;
    if (plain.setAddress(trimmed)) {
        *address = plain;
        *port = 53;
        return true;
    }
    const std::optional<Address> parsed = parseAddress(trimmed, false);
    if (!parsed || !plain.setAddress(parsed->host) || parsed->port == 0) {
        if (error) {
            *error = u'"' + text.left(60)
                + u"\" is not a name server address; expected an IP address with an optional port, "
                  u"such as 127.0.0.1:8600 or [::1]:53"_s;
        }
        return false;
    }
    *address = plain;
    *port = parsed->port;
    return true;
}

}  // namespace Balancier::DiscoverLimits
