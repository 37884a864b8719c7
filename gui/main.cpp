#include "client/connectdialog.h"
#include "common/preferences.h"
#include "common/statestyle.h"
#include "common/translationloader.h"
#include "dashboard/dashboardwidget.h"
#include "editor/configeditor.h"
#include "mainwindow.h"
#include "windowmanager.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QPalette>
#include <QTimer>
#include <QUrl>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Balancier;

namespace {

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x30);
    // Derived from the window colour, so that bevels, frames and shadows
    // (Light, Midlight, Dark, Shadow) are dark too, not the light defaults.
    QPalette palette(window, window);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8c, 0x8c));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x7c, 0xb7, 0xff));
    palette.setColor(QPalette::Mid, QColor(0x45, 0x47, 0x4a));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return palette;
}

}  // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Balancier"_s);
    QApplication::setApplicationName(u"balancier"_s);
    QApplication::setApplicationDisplayName(u"Balancier"_s);
    QApplication::setApplicationVersion(QStringLiteral(BALANCIER_VERSION));
    QApplication::setWindowIcon(StateStyle::appIcon());
    // Ties the windows to org.balancier.Balancier.desktop (Wayland app id, task bar grouping).
    QGuiApplication::setDesktopFileName(u"org.balancier.Balancier"_s);

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
    parser.setApplicationDescription(QApplication::translate(
        "main", "Balancier desktop console: watch and steer a balancer, edit its config."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        u"file"_s, QApplication::translate("main", "A config file to open in the editor."), u"[FILE]"_s);
    const QCommandLineOption run(u"run"_s,
        QApplication::translate("main",
            "Run the config FILE in this app and show it on the dashboard (in a second window with "
            "--connect)."),
        u"FILE"_s);
    const QCommandLineOption connectTo(u"connect"_s,
        QApplication::translate("main", "Connect to the admin API at URL (e.g. %1).")
            .arg(ConnectDialog::suggestedUrl()),
        u"URL"_s);
    const QCommandLineOption user(
        u"user"_s, QApplication::translate("main", "The admin user for --connect."), u"USER"_s);
    const QCommandLineOption passwordFile(u"password-file"_s,
        QApplication::translate("main", "Read the password for --connect from the first line of FILE."),
        u"FILE"_s);
    const QCommandLineOption page(u"page"_s,
        QApplication::translate("main", "Show PAGE first: dashboard, connections, editor or log."),
        u"PAGE"_s);
    const QCommandLineOption languageOption(u"language"_s,
        QApplication::translate("main", "Use LANGUAGE (en, de, fr, es) instead of the preference."),
        u"LANGUAGE"_s);
    const QCommandLineOption selectHost(u"select-host"_s,
        QApplication::translate("main", "Select SERVICE/GROUP/HOST on the dashboard once it shows."),
        u"SERVICE/GROUP/HOST"_s);
    const QCommandLineOption selectItem(u"select-item"_s,
        QApplication::translate("main", "Select the host SERVICE/GROUP/HOST in the editor."),
        u"SERVICE/GROUP/HOST"_s);
    const QCommandLineOption paletteOption(u"palette"_s,
        QApplication::translate(
            "main", "Use the system's colours, or a light or dark palette (system, light, dark)."),
        u"PALETTE"_s);
    const QCommandLineOption fleetOption(
        u"fleet"_s, QApplication::translate("main", "Also show the fleet overview."));
    parser.addOptions({run, connectTo, user, passwordFile, page, languageOption, selectHost, selectItem,
        paletteOption, fleetOption});
    parser.process(app);

    if (parser.value(paletteOption) == "dark"_L1 || parser.value(paletteOption) == "light"_L1) {
        // Fusion draws every palette faithfully, whatever the platform's style.
        QApplication::setStyle(u"Fusion"_s);
        QApplication::setPalette(
            parser.value(paletteOption) == "dark"_L1 ? darkPalette() : QPalette(QColor(0xef, 0xef, 0xef)));
    }

    WindowManager windows(&preferences);
    MainWindow &window = *windows.createWindow();
    window.show();

    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty()) {
        window.editor()->openFileInteractive(files.constFirst());
        window.showPage(MainWindow::Page::Editor);
    }
    // --run and --connect together: one window each, side by side in the fleet.
    if (parser.isSet(run) && !parser.isSet(connectTo)) {
        window.connectLocal(parser.value(run));
    } else if (parser.isSet(connectTo)) {
        QString password;
        if (parser.isSet(passwordFile)) {
            QFile file(parser.value(passwordFile));
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "balancier: cannot read %s: %s\n",
                    qUtf8Printable(parser.value(passwordFile)), qUtf8Printable(file.errorString()));
                return 2;
            }
            password = QString::fromUtf8(file.readLine()).trimmed();
        }
        window.connectRemote(QUrl::fromUserInput(parser.value(connectTo)), parser.value(user), password);
        if (parser.isSet(run)) {
            MainWindow *second = windows.createWindow();
            second->show();
            second->connectLocal(parser.value(run));
        }
    }
    if (parser.isSet(selectHost)) {
        const QStringList parts = parser.value(selectHost).split(u'/');
        window.dashboard()->selectHost({parts.value(0), parts.value(1), parts.value(2)});
    }
    if (parser.isSet(selectItem)) {
        const QStringList parts = parser.value(selectItem).split(u'/');
        window.editor()->selectItem(
            {ConfigItemRef::Kind::Host, parts.value(0), parts.value(1), parts.value(2)});
    }
    if (parser.value(page) == "editor"_L1)
        window.showPage(MainWindow::Page::Editor);
    else if (parser.value(page) == "dashboard"_L1)
        window.showPage(MainWindow::Page::Dashboard);
    else if (parser.value(page) == "log"_L1)
        window.showPage(MainWindow::Page::Log);
    else if (parser.value(page) == "connections"_L1)
        window.showPage(MainWindow::Page::Connections);
    if (parser.isSet(fleetOption))
        windows.showFleet();
    return QApplication::exec();
}
