#include "handformattedconfig.h"

using namespace Qt::StringLiterals;

QByteArray HandFormattedConfig::text(const QString &persist, const QString &addressA, const QString &addressB,
    const QString &adminPasswordHash)
{
    QString admin;
    if (!adminPasswordHash.isEmpty()) {
        admin = u"    <admin listen='127.0.0.1:0'>\n"
                "        <user access='full' name='admin' password='%1'/> <!-- the operator -->\n"
                "    </admin>\n"_s.arg(adminPasswordHash);
    }
    return (u"<?xml version='1.0' encoding='UTF-8'?>\n"
            "<!--\n"
            "    Written by hand: four-space indentation, single quotes, attributes\n"
            "    in the author's order, a tag over three lines.\n"
            "-->\n"
            "<balancier version='1'>\n"
            "\n"
            "    <settings persist='%1'   draintimeout='2s'/>\n"
            "    <health active='no'/>\n"
            "%2"
            "\t<!-- a tab-indented comment -->\n"
            "    <service name='web'>\n"
            "        <listen ip='127.0.0.1:0'/>\n"
            "        <group scheduler='roundrobin' name='prod'>\n"
            "            <!-- the hosts of prod -->\n"
            "            <host ip='%3' name='a'/>   <!-- a: the big one -->\n"
            "%4"
            "        </group>\n"
            "\n"
            "        <enable group='prod'/>\n"
            "    </service>\n"
            "</balancier>\n"_s)
        .arg(persist, admin, addressA, QString::fromUtf8(hostBLines(addressB).join('\n') + '\n'))
        .toUtf8();
}

QByteArrayList HandFormattedConfig::hostBLines(const QString &addressB)
{
    return {
        "            <host", "                ip='" + addressB.toUtf8() + "'", "                name='b'/>"};
}

HandFormattedConfig::LineChange HandFormattedConfig::changedLines(
    const QByteArray &before, const QByteArray &after)
{
    const QByteArrayList a = before.split('\n');
    const QByteArrayList b = after.split('\n');
    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a.at(prefix) == b.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix
        && a.at(a.size() - 1 - suffix) == b.at(b.size() - 1 - suffix))
        ++suffix;
    return {a.mid(prefix, a.size() - prefix - suffix), b.mid(prefix, b.size() - prefix - suffix)};
}
