#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("balancierd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BALANCIER_VERSION));
    QTextStream(stdout) << "balancierd " << BALANCIER_VERSION << '\n';
    return 0;
}
