#pragma once

#include <QSslCertificate>
#include <QString>

/// A throw-away self-signed certificate and key for TLS tests, made at run
/// time with the openssl tool (no private key is ever committed):
///   openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -days 1
///
/// Thread contract: a value; generate() blocks on the openssl process, so
/// call it before the servers under test start.
class TestCertificate final
{
public:
    enum class KeyType
    {
        Rsa,  ///< rsa:2048
        Ec,  ///< EC on prime256v1
    };

    /// Writes cert.pem and key.pem into `directory`. False with a reason when
    /// the openssl tool is missing or fails; `missingTool` tells which, so a
    /// test can skip rather than fail.
    bool generate(
        const QString &directory, QString *error, bool *missingTool = nullptr, KeyType type = KeyType::Rsa);

    /// The subject's CN (default "127.0.0.1"); set before generate(), e.g.
    /// to a backend's name so that a TLS client can tell which one answered.
    void setCommonName(const QString &name) { m_commonName = name; }
    const QString &certificatePath() const { return m_certificatePath; }
    const QString &keyPath() const { return m_keyPath; }
    const QSslCertificate &certificate() const { return m_certificate; }

private:
    QString m_commonName = QStringLiteral("127.0.0.1");
    QString m_certificatePath;
    QString m_keyPath;
    QSslCertificate m_certificate;
};
