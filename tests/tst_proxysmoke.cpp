#include "engine.h"
#include "stubbackend.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Balancier;

static HostConfig hostConfig(const QString &name, const QString &address)
{
    HostConfig host;
    host.name = name;
    host.address = address;
    return host;
}

class tst_ProxySmoke : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundRobinAndEcho();
};

void tst_ProxySmoke::roundRobinAndEcho()
{
    StubBackend a(QStringLiteral("a")), b(QStringLiteral("b"));
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    Config config;
    ServiceConfig service;
    service.name = QStringLiteral("svc");
    service.listeners = {QStringLiteral("127.0.0.1:0")};
    GroupConfig group;
    group.name = QStringLiteral("g");
    group.hosts
        = {hostConfig(QStringLiteral("a"), a.address()), hostConfig(QStringLiteral("b"), b.address())};
    service.groups = {group};
    service.enabledGroup = group.name;
    config.services = {service};
    config.settings.workers = 2;
    Engine engine;
    const ApplyResult result = engine.apply(config);
    QVERIFY2(result.ok, qPrintable(result.errorString()));
    const quint16 port = engine.listeners().constFirst().port;
    QVERIFY(port != 0);

    QStringList seen;
    for (int i = 0; i < 4; ++i) {
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(client.waitForConnected(5000));
        client.write("hello");
        QTRY_VERIFY(client.bytesAvailable() >= 7);
        QByteArray data = client.readAll();
        QTRY_VERIFY((data += client.readAll()).endsWith("hello"));
        seen.append(QString::fromUtf8(data.left(data.indexOf('\n'))));
    }
    QCOMPARE(seen,
        (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("a"), QStringLiteral("b")}));
}

QTEST_MAIN(tst_ProxySmoke)
#include "tst_proxysmoke.moc"
