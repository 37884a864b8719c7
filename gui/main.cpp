#include "configeditor.h"
#include "mainwindow.h"
#include "preferences.h"
#include "statestyle.h"
#include "translationloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QTimer>
#include <QUrl>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Balancier;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Balancier"_s);
    QApplication::setApplicationName(u"balancier"_s);
    QApplication::setApplicationDisplayName(u"Balancier"_s);
    QApplication::setApplicationVersion(QStringLiteral(BALANCIER_VERSION));
    QApplication::setWindowIcon(StateStyle::appIcon());

    Preferences preferences;
    // The language comes first: the options' help below is translated too.
    QString language = preferences.language();
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--language") == 0)
            language = QString::fromLocal8Bit(argv[i + 1]);
    }
    TranslationLoader translations;
    translations.install(language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Balancier desktop console: watch and steer a balancer, edit its config."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        u"file"_s, QApplication::translate("main", "A config file to open in the editor."), u"[FILE]"_s);
    const QCommandLineOption run(u"run"_s,
        QApplication::translate("main", "Run the config FILE in this app and show it on the dashboard."),
        u"FILE"_s);
    const QCommandLineOption connectTo(u"connect"_s,
        QApplication::translate("main", "Connect to the admin API at URL (e.g. http://127.0.0.1:8080)."),
        u"URL"_s);
    const QCommandLineOption user(
        u"user"_s, QApplication::translate("main", "The admin user for --connect."), u"USER"_s);
    const QCommandLineOption passwordFile(u"password-file"_s,
        QApplication::translate("main", "Read the password for --connect from the first line of FILE."),
        u"FILE"_s);
    const QCommandLineOption page(u"page"_s,
        QApplication::translate("main", "Show PAGE first: dashboard or editor."), u"PAGE"_s);
    const QCommandLineOption languageOption(u"language"_s,
        QApplication::translate("main", "Use LANGUAGE (en, de, fr, es) instead of the preference."),
        u"LANGUAGE"_s);
    parser.addOptions({run, connectTo, user, passwordFile, page, languageOption});
    parser.process(app);

    MainWindow window(&preferences);
    window.show();

    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) {
        window.editor()->openFileInteractive(files.constFirst());
        window.showPage(MainWindow::Page::Editor);
    }
    if (parser.isSet(run)) {
        window.connectLocal(parser.value(run));
    } else if (parser.isSet(connectTo)) {
        QString password;
        if (parser.isSet(passwordFile)) {
            QFile file(parser.value(passwordFile));
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "balancier: cannot read %s: %s\n", qUtf8Printable(parser.value(passwordFile)),
                    qUtf8Printable(file.errorString()));
                return 2;
            }
            password = QString::fromUtf8(file.readLine()).trimmed();
        }
        window.connectRemote(QUrl::fromUserInput(parser.value(connectTo)), parser.value(user), password);
    }
    if (parser.value(page) == "editor"_L1)
        window.showPage(MainWindow::Page::Editor);
    else if (parser.value(page) == "dashboard"_L1)
        window.showPage(MainWindow::Page::Dashboard);
    return QApplication::exec();
}
