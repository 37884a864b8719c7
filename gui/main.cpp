#include <QApplication>
#include <QLabel>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("balancier"));
    QApplication::setApplicationVersion(QStringLiteral(BALANCIER_VERSION));
    QLabel label(QObject::tr("Balancier"));
    label.show();
    return QApplication::exec();
}
