// Runtime changes and the config file: what a reload keeps, what a save writes.

#include "config/configpersistence.h"
#include "config/configreader.h"
#include "engine.h"
#include "handformattedconfig.h"
#include "stubbackend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

Config configWith(const QList<std::pair<QString, HostAdminState>> &hosts)
{
    Config config;
    ServiceConfig service;
    service.name = u"web"_s;
    service.listeners = {u"127.0.0.1:0"_s};
    GroupConfig group;
    group.name = u"prod"_s;
    int port = 9001;
    for (const auto &[name, state] : hosts) {
        HostConfig host;
        host.name = name;
        host.address = u"127.0.0.1:%1"_s.arg(port++);
        host.adminState = state;
        group.hosts.append(host);
    }
    service.groups.append(group);
    service.enabledGroup = group.name;
    config.services.append(service);
    return config;
}

HostAdminState stateOf(const Config &config, const QString &host)
{
    const HostConfig *found = config.services.constFirst().groups.constFirst().host(host);
    return found ? found->adminState : HostAdminState::Ready;
}

bool hasHost(const Config &config, const QString &host)
{
    return config.services.constFirst().groups.constFirst().host(host) != nullptr;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QStringList backups(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList({u"*.bak"_s}, QDir::Files);
}

const QByteArray commentedConfig = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- production balancer: keep this comment -->
<balancier version="1">
  <settings persist="auto"/>
  <service name="web">
    <listen ip="127.0.0.1:0"/>
    <group name="prod">
      <!-- a is the big one -->
      <host name="a" ip="127.0.0.1:9001" weight="3"/>
      <host name="b" ip="127.0.0.1:9002"/>
    </group>
    <enable group="prod"/>
  </service>
</balancier>
)";

}  // namespace

class tst_ConfigPersistence final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void carry_data();
    void carry();
    void carryKeepsRemovedHostsGone();
    void carryRuntimeAddedHost();
    void saveKeepsCommentsAndBacksUp();
    void saveKeepsUserLayout_data();
    void saveKeepsUserLayout();
    void saveCreatesMissingFile();
    void saveConvertsLegacyFile();
    void saveReplacesBrokenFile();
    void saveFailsWithReason();
    void saveRefusesConfigThatWouldNotLoad();
    void runtimeStateSurvivesRestart();
    void pruneKeepsNewest_data();
    void pruneKeepsNewest();
    void saveKeepsOnlyNewestBackups();
    void keptBackupsDocumented();
};

// One host, "a": its state in the file at the last read, at runtime, and in
// the file now; what the reload must apply.
void tst_ConfigPersistence::carry_data()
{
    QTest::addColumn<HostAdminState>("fileBefore");
    QTest::addColumn<HostAdminState>("running");
    QTest::addColumn<HostAdminState>("fileNow");
    QTest::addColumn<HostAdminState>("expected");
    QTest::addColumn<bool>("carried");
    using S = HostAdminState;
    QTest::newRow("maintenance at runtime stays")
        << S::Ready << S::Maintenance << S::Ready << S::Maintenance << true;
    QTest::newRow("drain at runtime stays") << S::Ready << S::Drain << S::Ready << S::Drain << true;
    QTest::newRow("ready at runtime stays")
        << S::Maintenance << S::Ready << S::Maintenance << S::Ready << true;
    QTest::newRow("file edit wins") << S::Ready << S::Maintenance << S::Drain << S::Drain << false;
    QTest::newRow("file edit back to ready wins")
        << S::Maintenance << S::Drain << S::Ready << S::Ready << false;
    QTest::newRow("no runtime change") << S::Ready << S::Ready << S::Maintenance << S::Maintenance << false;
    QTest::newRow("file and runtime agree")
        << S::Ready << S::Maintenance << S::Maintenance << S::Maintenance << false;
    QTest::newRow("saved runtime change")
        << S::Maintenance << S::Maintenance << S::Maintenance << S::Maintenance << false;
}

void tst_ConfigPersistence::carry()
{
    QFETCH(HostAdminState, fileBefore);
    QFETCH(HostAdminState, running);
    QFETCH(HostAdminState, fileNow);
    QFETCH(HostAdminState, expected);
    QFETCH(bool, carried);
    const Config before = configWith({{u"a"_s, fileBefore}, {u"b"_s, HostAdminState::Ready}});
    const Config live = configWith({{u"a"_s, running}, {u"b"_s, HostAdminState::Ready}});
    Config next = configWith({{u"a"_s, fileNow}, {u"b"_s, HostAdminState::Ready}});
    const QStringList lines = ConfigPersistence::carryRuntimeAdminStates(before, live, &next);
    QCOMPARE(stateOf(next, u"a"_s), expected);
    QCOMPARE(stateOf(next, u"b"_s), HostAdminState::Ready);
    QCOMPARE(lines.size(), carried ? 1 : 0);
    if (carried) {
        QVERIFY2(lines.constFirst().contains(
                     u"service web: group prod: host a: keeping state "_s + hostAdminStateName(running)),
            qPrintable(lines.constFirst()));
    }
}

void tst_ConfigPersistence::carryKeepsRemovedHostsGone()
{
    const Config before = configWith({{u"a"_s, HostAdminState::Ready}, {u"b"_s, HostAdminState::Ready}});
    const Config live = configWith({{u"a"_s, HostAdminState::Maintenance}, {u"b"_s, HostAdminState::Drain}});
    Config next = configWith({{u"b"_s, HostAdminState::Ready}});
    const QStringList lines = ConfigPersistence::carryRuntimeAdminStates(before, live, &next);
    QVERIFY(!hasHost(next, u"a"_s));
    QCOMPARE(next.services.constFirst().groups.constFirst().hosts.size(), 1);
    QCOMPARE(stateOf(next, u"b"_s), HostAdminState::Drain);
    QCOMPARE(lines.size(), 1);

    // A whole service or group gone from the file stays gone as well.
    Config empty;
    QVERIFY(ConfigPersistence::carryRuntimeAdminStates(before, live, &empty).isEmpty());
    QVERIFY(empty.services.isEmpty());
}

void tst_ConfigPersistence::carryRuntimeAddedHost()
{
    // "c" was added at runtime and put in maintenance; the file now has a "c" too.
    const Config before = configWith({{u"a"_s, HostAdminState::Ready}});
    const Config live = configWith({{u"a"_s, HostAdminState::Ready}, {u"c"_s, HostAdminState::Maintenance}});
    Config next = configWith({{u"a"_s, HostAdminState::Ready}, {u"c"_s, HostAdminState::Ready}});
    const QStringList lines = ConfigPersistence::carryRuntimeAdminStates(before, live, &next);
    QCOMPARE(stateOf(next, u"c"_s), HostAdminState::Maintenance);
    QCOMPARE(lines.size(), 1);
}

void tst_ConfigPersistence::saveKeepsCommentsAndBacksUp()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"balancier.xml"_s);
    QVERIFY(writeFile(path, commentedConfig));
    LoadResult loaded = ConfigReader::readFile(path);
    QVERIFY(loaded.ok());

    Config running = loaded.config;
    running.services.first().groups.first().host(u"b")->adminState = HostAdminState::Maintenance;
    QString error;
    QString note;
    QVERIFY2(ConfigPersistence::save(path, running, &error, &note), qPrintable(error));
    QCOMPARE(note, QString());

    const QByteArray saved = readFile(path);
    QVERIFY(saved.contains("<!-- production balancer: keep this comment -->"));
    QVERIFY(saved.contains("<!-- a is the big one -->"));
    QVERIFY(saved.contains("state=\"maintenance\""));
    const LoadResult reread = ConfigReader::readData(saved, path);
    QVERIFY(reread.ok());
    QVERIFY(reread.config == running);

    const QStringList copies = backups(dir);
    QCOMPARE(copies.size(), 1);
    QCOMPARE(readFile(dir.filePath(copies.constFirst())), commentedConfig);

    // Saved twice in the same second: two backups, none overwritten.
    running.services.first().groups.first().host(u"a")->weight = 7;
    QVERIFY2(ConfigPersistence::save(path, running, &error), qPrintable(error));
    QCOMPARE(backups(dir).size(), 2);
    QVERIFY(ConfigReader::readFile(path).config == running);
}

// A save rewrites only the lines of what changed: a hand-formatted file
// keeps its comments, order, indentation and quoting byte for byte elsewhere
// (the daemon's /save and persist="auto" both come here; tst_daemon drives
// them through the real balancierd).
void tst_ConfigPersistence::saveKeepsUserLayout_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QByteArrayList>("removed");
    QTest::addColumn<QByteArrayList>("added");

    const QByteArrayList hostB = HandFormattedConfig::hostBLines(u"127.0.0.1:9002"_s);
    QTest::newRow("unchanged") << u"none"_s << QByteArrayList() << QByteArrayList();
    QTest::newRow("host state")
        << u"maintenance b"_s << hostB
        << QByteArrayList{R"(            <host ip="127.0.0.1:9002" name="b" state="maintenance"/>)"};
    QTest::newRow("host weight, comment on its line")
        << u"weight a"_s
        << QByteArrayList{"            <host ip='127.0.0.1:9001' name='a'/>   <!-- a: the big one -->"}
        << QByteArrayList{
               R"(            <host ip="127.0.0.1:9001" name="a" weight="3"/>   <!-- a: the big one -->)"};
    QTest::newRow("host added") << u"add c"_s << QByteArrayList()
                                << QByteArrayList{R"(            <host name="c" ip="127.0.0.1:9003"/>)"};
    QTest::newRow("host removed") << u"remove b"_s << hostB << QByteArrayList();
    QTest::newRow("no XML declaration")
        << u"maintenance b, no declaration"_s << hostB
        << QByteArrayList{R"(            <host ip="127.0.0.1:9002" name="b" state="maintenance"/>)"};
}

void tst_ConfigPersistence::saveKeepsUserLayout()
{
    QFETCH(QString, change);
    QFETCH(QByteArrayList, removed);
    QFETCH(QByteArrayList, added);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"balancier.xml"_s);
    QByteArray original = HandFormattedConfig::text(u"manual"_s, u"127.0.0.1:9001"_s, u"127.0.0.1:9002"_s);
    if (change.endsWith(u", no declaration"))
        original.remove(0, original.indexOf('\n') + 1);
    QVERIFY(writeFile(path, original));
    const LoadResult loaded = ConfigReader::readFile(path);
    QVERIFY2(loaded.ok(), original.constData());

    Config running = loaded.config;
    GroupConfig &prod = running.services.first().groups.first();
    if (change.startsWith(u"maintenance b")) {
        prod.host(u"b")->adminState = HostAdminState::Maintenance;
    } else if (change == u"weight a") {
        prod.host(u"a")->weight = 3;
    } else if (change == u"add c") {
        HostConfig c;
        c.name = u"c"_s;
        c.address = u"127.0.0.1:9003"_s;
        prod.hosts.append(c);
    } else if (change == u"remove b") {
        prod.hosts.removeIf([](const HostConfig &host) { return host.name == u"b"; });
    } else {
        QCOMPARE(change, u"none"_s);
    }
    QString error;
    QString note;
    QVERIFY2(ConfigPersistence::save(path, running, &error, &note), qPrintable(error));
    QCOMPARE(note, QString());

    const QByteArray saved = readFile(path);
    const HandFormattedConfig::LineChange diff = HandFormattedConfig::changedLines(original, saved);
    QVERIFY2(diff.removed == removed && diff.added == added, saved.constData());
    QVERIFY(ConfigReader::readData(saved, path).config == running);
}

void tst_ConfigPersistence::saveCreatesMissingFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"new.xml"_s);
    const Config running = configWith({{u"a"_s, HostAdminState::Drain}});
    QString error;
    QVERIFY2(ConfigPersistence::save(path, running, &error), qPrintable(error));
    const LoadResult reread = ConfigReader::readFile(path);
    QVERIFY(reread.ok());
    QVERIFY(reread.config == running);
    QVERIFY(backups(dir).isEmpty());
}

void tst_ConfigPersistence::saveConvertsLegacyFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"pydir.xml"_s);
    const QByteArray legacy = "<pdconfig>\n  <service name=\"web\">\n    <listen ip=\"127.0.0.1:0\"/>\n"
                              "    <group name=\"prod\" scheduler=\"roundrobin\">\n"
                              "      <host name=\"a\" ip=\"127.0.0.1:9001\"/>\n    </group>\n"
                              "    <enable group=\"prod\"/>\n  </service>\n</pdconfig>\n";
    QVERIFY(writeFile(path, legacy));
    LoadResult loaded = ConfigReader::readFile(path);
    QVERIFY(loaded.ok());
    Config running = loaded.config;
    running.services.first().groups.first().host(u"a")->adminState = HostAdminState::Maintenance;
    QString error;
    QString note;
    QVERIFY2(ConfigPersistence::save(path, running, &error, &note), qPrintable(error));
    QVERIFY2(note.contains(u"legacy"_s), qPrintable(note));
    const LoadResult reread = ConfigReader::readFile(path);
    QCOMPARE(reread.dialect, ConfigDialect::Native);
    QVERIFY(reread.config == running);
    const QStringList copies = backups(dir);
    QCOMPARE(copies.size(), 1);
    QCOMPARE(readFile(dir.filePath(copies.constFirst())), legacy);
}

void tst_ConfigPersistence::saveReplacesBrokenFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"balancier.xml"_s);
    const QByteArray broken = "<balancier version=\"1\"><service name=\"web\">";
    QVERIFY(writeFile(path, broken));
    const Config running = configWith({{u"a"_s, HostAdminState::Ready}});
    QString error;
    QString note;
    QVERIFY2(ConfigPersistence::save(path, running, &error, &note), qPrintable(error));
    QVERIFY2(note.contains(u"not well-formed"_s), qPrintable(note));
    QVERIFY(ConfigReader::readFile(path).config == running);
    const QStringList copies = backups(dir);
    QCOMPARE(copies.size(), 1);
    QCOMPARE(readFile(dir.filePath(copies.constFirst())), broken);
}

void tst_ConfigPersistence::saveFailsWithReason()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The "file" is a directory: neither readable nor replaceable.
    const QString path = dir.filePath(u"balancier.xml"_s);
    QVERIFY(QDir(dir.path()).mkdir(u"balancier.xml"_s));
    QString error;
    QVERIFY(!ConfigPersistence::save(path, configWith({{u"a"_s, HostAdminState::Ready}}), &error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

// The whole chain in process: a runtime change in one engine, saved, is in
// force in the next engine that reads the file.
// An operator may empty the enabled group at runtime; the file keeps the last
// config that loads, and the error says why.
void tst_ConfigPersistence::saveRefusesConfigThatWouldNotLoad()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"balancier.xml"_s);
    QVERIFY(writeFile(path, commentedConfig));

    QString error;
    QVERIFY(!ConfigPersistence::save(path, configWith({}), &error));
    QVERIFY2(error.contains(u"would not load"_s), qPrintable(error));
    QVERIFY2(error.contains(u"no <host>"_s), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(readFile(path), commentedConfig);
    QVERIFY(backups(dir).isEmpty());

    // Whole again: saved.
    QVERIFY2(ConfigPersistence::save(path, configWith({{u"a"_s, HostAdminState::Ready}}), &error),
        qPrintable(error));
    QCOMPARE(backups(dir).size(), 1);
}

void tst_ConfigPersistence::runtimeStateSurvivesRestart()
{
    StubBackend a(u"A"_s), b(u"B"_s);
    QVERIFY(a.listen() && b.listen());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"balancier.xml"_s);
    QByteArray xml = commentedConfig;
    xml.replace("127.0.0.1:9001", a.address().toUtf8()).replace("127.0.0.1:9002", b.address().toUtf8());
    QVERIFY(writeFile(path, xml));

    {
        Engine first;
        const LoadResult loaded = ConfigReader::readFile(path);
        QVERIFY(loaded.ok());
        QVERIFY(first.apply(loaded.config).ok);
        const ApplyResult change
            = first.setHostAdminState(u"web"_s, u"prod"_s, u"b"_s, HostAdminState::Maintenance);
        QVERIFY2(change.ok, qPrintable(change.errorString()));
        QString error;
        QVERIFY2(ConfigPersistence::save(path, first.runningConfig(), &error), qPrintable(error));
    }

    Engine second;
    const LoadResult reloaded = ConfigReader::readFile(path);
    QVERIFY(reloaded.ok());
    QVERIFY(second.apply(reloaded.config).ok);
    const auto host = [&] {
        return second.host(u"web"_s, u"prod"_s, u"b"_s).value();
    };
    QVERIFY(host().service.size() > 0);
    QCOMPARE(host().adminState, HostAdminState::Maintenance);
    QCOMPARE(second.host(u"web"_s, u"prod"_s, u"a"_s).value().adminState, HostAdminState::Ready);
    QVERIFY(readFile(path).contains("<!-- a is the big one -->"));
}

// Backups of "balancier.xml" from oldest to newest, as ConfigDocument::save
// names them: by stamp, and within one second "<stamp>.bak" first, then -2,
// -3, ... -10 (compared as numbers, not as text).
const QStringList backupsOldestFirst{
    u"balancier.xml.20231231-235959.bak"_s,
    u"balancier.xml.20240101-000000.bak"_s,
    u"balancier.xml.20240101-000000-2.bak"_s,
    u"balancier.xml.20240101-000000-9.bak"_s,
    u"balancier.xml.20240101-000000-10.bak"_s,
    u"balancier.xml.20240101-000001.bak"_s,
    u"balancier.xml.20240102-000000-3.bak"_s,
};

// Files that are not backups of balancier.xml: never deleted.
const QStringList notBackups{
    u"balancier.xml"_s,
    u"balancier.xml.bak"_s,
    u"balancier.xml.mine.bak"_s,
    u"balancier.xml.2024-01-01.bak"_s,
    u"balancier.xml.20200101-000000-x.bak"_s,
    u"balancier.xml.20200101-000000.bak.old"_s,
    u"other.xml.20200101-000000.bak"_s,
    u"xbalancier.xml.20200101-000000.bak"_s,
};

void tst_ConfigPersistence::pruneKeepsNewest_data()
{
    QTest::addColumn<int>("keep");
    QTest::newRow("keep 3") << 3;
    QTest::newRow("keep 1") << 1;
    QTest::newRow("keep 0") << 0;
    QTest::newRow("keep all") << int(backupsOldestFirst.size());
    QTest::newRow("keep more than there are") << int(backupsOldestFirst.size()) + 5;
    QTest::newRow("keep the default") << ConfigPersistence::KeptBackups;
}

void tst_ConfigPersistence::pruneKeepsNewest()
{
    QFETCH(int, keep);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Created newest first, so that neither creation order nor file times
    // could stand in for the order of the names.
    for (qsizetype i = backupsOldestFirst.size() - 1; i >= 0; --i)
        QVERIFY(writeFile(dir.filePath(backupsOldestFirst.at(i)), backupsOldestFirst.at(i).toUtf8()));
    for (const QString &name : notBackups)
        QVERIFY(writeFile(dir.filePath(name), "not a backup\n"));
    // A folder with a backup's name is not a backup either.
    QVERIFY(QDir(dir.path()).mkdir(u"balancier.xml.20000101-000000.bak"_s));

    QString error;
    const QStringList deleted
        = ConfigPersistence::pruneBackups(dir.filePath(u"balancier.xml"_s), keep, &error);
    QCOMPARE(error, QString());

    const qsizetype kept = std::min<qsizetype>(keep, backupsOldestFirst.size());
    const QStringList expectedGone = backupsOldestFirst.mid(0, backupsOldestFirst.size() - kept);
    QStringList deletedNames;
    for (const QString &file : deleted)
        deletedNames.append(QFileInfo(file).fileName());
    deletedNames.sort();
    QStringList expectedSorted = expectedGone;
    expectedSorted.sort();
    QCOMPARE(deletedNames, expectedSorted);
    for (const QString &name : backupsOldestFirst)
        QCOMPARE(QFile::exists(dir.filePath(name)), !expectedGone.contains(name));
    for (const QString &name : notBackups)
        QCOMPARE(readFile(dir.filePath(name)), QByteArray("not a backup\n"));
    QVERIFY(QFileInfo(dir.filePath(u"balancier.xml.20000101-000000.bak"_s)).isDir());
}

// Many saves in a row (persist="auto" saves on every change): the backups
// stop at KeptBackups, and the ones kept are the newest.
void tst_ConfigPersistence::saveKeepsOnlyNewestBackups()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"balancier.xml"_s);
    QVERIFY(writeFile(path, commentedConfig));
    Config running = ConfigReader::readFile(path).config;

    QList<QByteArray> versions{commentedConfig};  // what the file held before each save
    const int saves = ConfigPersistence::KeptBackups + 3;
    for (int i = 0; i < saves; ++i) {
        running.services.first().groups.first().host(u"a")->weight = i + 10;
        QString error;
        QString note;
        QVERIFY2(ConfigPersistence::save(path, running, &error, &note), qPrintable(error));
        QCOMPARE(note, QString());
        versions.append(readFile(path));
        QCOMPARE(backups(dir).size(), std::min(i + 1, ConfigPersistence::KeptBackups));
    }
    QVERIFY(readFile(path).contains("weight=\"22\""));

    // Backup i holds the version before save i: the last KeptBackups saves' ones remain.
    QList<QByteArray> kept;
    for (const QString &name : backups(dir))
        kept.append(readFile(dir.filePath(name)));
    std::sort(kept.begin(), kept.end());
    QList<QByteArray> expected
        = versions.mid(saves - ConfigPersistence::KeptBackups, ConfigPersistence::KeptBackups);
    std::sort(expected.begin(), expected.end());
    QCOMPARE(kept, expected);
}

// The number is promised to operators in the configuration guide.
void tst_ConfigPersistence::keptBackupsDocumented()
{
    const QByteArray guide = readFile(QStringLiteral(BALANCIER_SOURCE_DIR) + u"/docs/configuration.md"_s);
    QVERIFY(!guide.isEmpty());
    QVERIFY(guide.contains("## Saving runtime changes"));
    QVERIFY(guide.contains(
        QByteArray("**newest " + QByteArray::number(ConfigPersistence::KeptBackups) + "** backups")));
}

QTEST_GUILESS_MAIN(tst_ConfigPersistence)
#include "tst_configpersistence.moc"
