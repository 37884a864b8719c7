#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace Balancier {

TranslationLoader::TranslationLoader(QObject *parent)
    : QObject(parent)
{ }

TranslationLoader::~TranslationLoader()
{
    removeAll();
}

QStringList TranslationLoader::available()
{
    return {u"en"_s, u"de"_s, u"fr"_s, u"es"_s};
}

QString TranslationLoader::nativeName(const QString &code)
{
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty())
        name[0] = name.at(0).toUpper();
    return name.isEmpty() ? code : name;
}

QString TranslationLoader::systemLanguage()
{
    for (const QString &language : QLocale::system().uiLanguages()) {
        const QString code = language.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (available().contains(code))
            return code;
    }
    return u"en"_s;
}

void TranslationLoader::removeAll()
{
    for (QTranslator **translator : {&m_app, &m_qt}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
}

bool TranslationLoader::install(const QString &code)
{
    removeAll();
    const QString language = code.isEmpty() ? systemLanguage() : code;
    m_current = language;
    // A chosen language brings its dates and numbers; the system's stays otherwise.
    QLocale::setDefault(code.isEmpty() ? QLocale::system() : QLocale(code));
    m_app = new QTranslator(this);
    if (!m_app->load(u":/i18n/balancier_"_s + language + u".qm"_s)) {
        delete m_app;
        m_app = nullptr;
        return false;
    }
    QCoreApplication::installTranslator(m_app);
    // Qt's own strings (standard buttons, dialogs), when the system has them.
    m_qt = new QTranslator(this);
    if (m_qt->load(u"qtbase_"_s + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt);
    else {
        delete m_qt;
        m_qt = nullptr;
    }
    return true;
}

}  // namespace Balancier
