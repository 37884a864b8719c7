#include "pidfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Balancier {

PidFile::~PidFile()
{
    remove();
}

bool PidFile::write(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = u"cannot write pid file %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    file.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n');
    if (!file.commit()) {
        if (error)
            *error = u"cannot write pid file %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    m_path = path;
    return true;
}

bool PidFile::canWrite(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = u"cannot write pid file %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    file.cancelWriting();  // the temporary file goes; `path` is not touched
    return true;
}

void PidFile::remove()
{
    if (m_path.isEmpty())
        return;
    QFile::remove(m_path);
    m_path.clear();
}

}  // namespace Balancier
