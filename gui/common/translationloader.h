#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QTranslator;

namespace Balancier {

/// Installs the app's translation (compiled into the binary under
/// :/i18n/) and Qt's own for the chosen language.
///
/// Thread contract: GUI thread; one per application.
class TranslationLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranslationLoader)

public:
    explicit TranslationLoader(QObject *parent = nullptr);
    ~TranslationLoader() override;

    /// The languages the app ships, as codes: "en", "de", "fr", "es".
    static QStringList available();
    /// "Deutsch", "Français"… for a code.
    static QString nativeName(const QString &code);
    /// The shipped language that best fits the system's UI languages ("en" when none fits).
    static QString systemLanguage();

    /// Installs `code` ("" for the system's); replaces what was installed.
    /// False when the translation is missing (the app then stays in English).
    bool install(const QString &code);
    /// The language in use.
    QString current() const { return m_current; }

private:
    void removeAll();

    QTranslator *m_app = nullptr;  // child
    QTranslator *m_qt = nullptr;  // child
    QString m_current;
};

}  // namespace Balancier
