#include "admin/adminserver.h"
#include "admin/passwordhash.h"
#include "engine.h"
#include "httptestclient.h"
#include "stubbackend.h"

#include <QTest>

using namespace Balancier;

class tst_AdminSmoke : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void basics();
};

void tst_AdminSmoke::basics()
{
    StubBackend a(QStringLiteral("a"));
    QVERIFY(a.listen());
    Config config;
    ServiceConfig service;
    service.name = QStringLiteral("web");
    service.listeners = {QStringLiteral("127.0.0.1:0")};
    GroupConfig group;
    group.name = QStringLiteral("g");
    HostConfig host;
    host.name = QStringLiteral("a");
    host.address = a.address();
    group.hosts = {host};
    service.groups = {group};
    service.enabledGroup = group.name;
    config.services = {service};
    config.settings.workers = 1;
    AdminUser admin;
    admin.name = QStringLiteral("admin");
    admin.passwordHash = PasswordHash::create(QStringLiteral("secret"), 1000);
    admin.access = AdminUser::Access::Full;
    config.admin.enabled = true;
    config.admin.listen = QStringLiteral("127.0.0.1:0");
    config.admin.users = {admin};
    Engine engine;
    QVERIFY(engine.apply(config).ok);
    AdminServer server(engine, nullptr);
    QString error;
    QVERIFY2(server.start(config.admin, &error), qPrintable(error));
    HttpTestClient client(server.port());

    HttpTestResponse response = client.request("GET", "/running.txt");
    QCOMPARE(response.status, 401);
    response = client.request("GET", "/running.txt", QStringLiteral("admin"), QStringLiteral("secret"));
    QCOMPARE(response.status, 200);
    QVERIFY2(response.body.startsWith("service web 127.0.0.1:"), response.body.constData());
    QVERIFY(response.body.contains(QByteArray("host a " + a.address().toUtf8() + " 0 -")));
    response = client.request("GET", "/hostAdminDown?service=web&group=g&name=a", QStringLiteral("admin"),
        QStringLiteral("secret"));
    QCOMPARE(response.status, 405);
    response = client.request("POST", "/hostAdminDown?service=web&group=g&name=a", QStringLiteral("admin"),
        QStringLiteral("secret"));
    QCOMPARE(response.status, 200);
    QCOMPARE(engine.host(QStringLiteral("web"), QStringLiteral("g"), QStringLiteral("a"))->stateName(),
        QStringLiteral("maintenance"));
    response = client.request("GET", "/metrics", QStringLiteral("admin"), QStringLiteral("secret"));
    QCOMPARE(response.status, 200);
    QVERIFY(response.body.contains("balancier_host_up{service=\"web\",group=\"g\",host=\"a\"} 0"));
}

QTEST_MAIN(tst_AdminSmoke)
#include "tst_adminsmoke.moc"
