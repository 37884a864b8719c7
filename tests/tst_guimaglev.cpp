// The config editor's Maglev fields: tablesize and balancefactor are shown
// only for a "maglev" group, refuse bad values as the user types, and write
// what the reader reads back; the impact of an options-only change is
// worded as such.

#include "config/configreader.h"
#include "editor/changeimpact.h"
#include "editor/configdraft.h"
#include "editor/configeditor.h"
#include "editor/propertyform.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Balancier;
using namespace Qt::StringLiterals;

namespace {

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

const GroupConfig *groupOf(const Config &config)
{
    const ServiceConfig *service = config.service(u"web");
    return service ? service->group(u"main") : nullptr;
}

}  // namespace

class tst_GuiMaglev final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldsFollowTheScheduler();
    void impactOfAnOptionsChange();
};

void tst_GuiMaglev::fieldsFollowTheScheduler()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"maglev.xml"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<balancier version=\"1\">\n"
               "  <service name=\"web\">\n"
               "    <listen ip=\"127.0.0.1:0\"/>\n"
               "    <group name=\"main\">\n"
               "      <host name=\"a\" ip=\"127.0.0.1:9001\"/>\n"
               "    </group>\n"
               "  </service>\n"
               "</balancier>\n");
    file.close();

    ConfigEditor editor;
    editor.resize(1200, 800);
    editor.show();
    QString error;
    QVERIFY2(editor.openFile(path, &error), qPrintable(error));
    editor.selectItem({ConfigItemRef::Kind::Group, u"web"_s, u"main"_s, {}});
    PropertyForm *form = editor.form();
    auto *tableSize = form->findChild<QSpinBox *>(u"field_tablesize"_s);
    auto *factor = form->findChild<QLineEdit *>(u"field_balancefactor"_s);
    QVERIFY(tableSize && factor);
    // roundrobin: the Maglev options are hidden.
    QVERIFY(!tableSize->isVisible());
    QVERIFY(!factor->isVisible());

    auto *scheduler = form->findChild<QComboBox *>(u"field_scheduler"_s);
    scheduler->setCurrentIndex(scheduler->findData(u"maglev"_s));
    QCOMPARE(groupOf(editor.draft()->config())->scheduler, u"maglev"_s);
    QTRY_VERIFY_WITH_TIMEOUT(form->findChild<QSpinBox *>(u"field_tablesize"_s)->isVisible(), 5000);
    tableSize = form->findChild<QSpinBox *>(u"field_tablesize"_s);
    factor = form->findChild<QLineEdit *>(u"field_balancefactor"_s);
    QVERIFY(factor->isVisible());
    QCOMPARE(tableSize->value(), 65537);
    QCOMPARE(factor->text(), QString());

    // Not a prime: refused, with a message; the draft keeps the old size.
    tableSize->setValue(1000);
    QVERIFY(!form->message(u"tablesize"_s).isEmpty());
    QCOMPARE(groupOf(editor.draft()->config())->maglevTableSize, 65537);
    tableSize = form->findChild<QSpinBox *>(u"field_tablesize"_s);
    tableSize->setValue(1009);
    QCOMPARE(groupOf(editor.draft()->config())->maglevTableSize, 1009);

    factor = form->findChild<QLineEdit *>(u"field_balancefactor"_s);
    typeInto(factor, u"0.9"_s);
    QVERIFY(!form->message(u"balancefactor"_s).isEmpty());
    QCOMPARE(groupOf(editor.draft()->config())->balanceFactor, 0.0);
    factor = form->findChild<QLineEdit *>(u"field_balancefactor"_s);
    typeInto(factor, u"1.25"_s);
    QCOMPARE(groupOf(editor.draft()->config())->balanceFactor, 1.25);

    // What the editor wrote reads back the same.
    const LoadResult reread = ConfigReader::readData(editor.draft()->text(), path);
    QVERIFY(reread.ok());
    QCOMPARE(groupOf(reread.config)->maglevTableSize, 1009);
    QCOMPARE(groupOf(reread.config)->balanceFactor, 1.25);
    QVERIFY2(
        editor.draft()->text().contains("scheduler=\"maglev\" tablesize=\"1009\" balancefactor=\"1.25\""),
        editor.draft()->text().constData());

    // Back to roundrobin: hidden again.
    scheduler = form->findChild<QComboBox *>(u"field_scheduler"_s);
    scheduler->setCurrentIndex(scheduler->findData(u"roundrobin"_s));
    QTRY_VERIFY_WITH_TIMEOUT(!form->findChild<QSpinBox *>(u"field_tablesize"_s)->isVisible(), 5000);
}

void tst_GuiMaglev::impactOfAnOptionsChange()
{
    using Kind = ConfigChange::Kind;
    StatsSnapshot snapshot;
    ServiceStats service;
    service.name = u"web"_s;
    GroupStats group;
    group.name = u"main"_s;
    group.scheduler = u"maglev"_s;
    service.groups.append(group);
    snapshot.services.append(service);

    const ConfigChange options{
        Kind::SchedulerChanged, u"web"_s, u"main"_s, {}, {u"tablesize"_s}, u"65537"_s, u"1009"_s};
    const QString impact = ChangeImpact::describe(options, snapshot, {options});
    QVERIFY2(impact.contains(u"rebuilt with the new options"_s) && impact.contains(u"some clients move"_s),
        qPrintable(impact));

    const ConfigChange both{Kind::SchedulerChanged, u"web"_s, u"main"_s, {}, {u"scheduler"_s, u"tablesize"_s},
        u"scheduler hash, tablesize 65537"_s, u"scheduler maglev, tablesize 1009"_s};
    const QString switched = ChangeImpact::describe(both, snapshot, {both});
    QVERIFY2(switched.contains(u"placed by maglev"_s) && switched.contains(u"the host hash kept"_s),
        qPrintable(switched));
}

QTEST_MAIN(tst_GuiMaglev)
#include "tst_guimaglev.moc"
