#include "testcertificate.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

bool TestCertificate::generate(const QString &directory, QString *error, bool *missingTool, KeyType type)
{
    if (missingTool)
        *missingTool = false;
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        if (missingTool)
            *missingTool = true;
        *error = QStringLiteral("the openssl tool is not installed (needed to make a test certificate)");
        return false;
    }
    const QDir dir(directory);
    m_certificatePath = dir.filePath(QStringLiteral("cert.pem"));
    m_keyPath = dir.filePath(QStringLiteral("key.pem"));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments = {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey")};
    if (type == KeyType::Ec)
        arguments << QStringLiteral("ec") << QStringLiteral("-pkeyopt")
                  << QStringLiteral("ec_paramgen_curve:prime256v1");
    else
        arguments << QStringLiteral("rsa:2048");
    arguments << QStringLiteral("-nodes") << QStringLiteral("-subj") << QStringLiteral("/CN=") + m_commonName
              << QStringLiteral("-days") << QStringLiteral("1") << QStringLiteral("-keyout") << m_keyPath
              << QStringLiteral("-out") << m_certificatePath;
    process.start(openssl, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        *error = QStringLiteral("openssl req failed: %1 %2")
                     .arg(process.errorString(), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    QFile file(m_certificatePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = QStringLiteral("openssl wrote no PEM certificate to %1").arg(m_certificatePath);
        return false;
    }
    m_certificate = certificates.constFirst();
    return true;
}
