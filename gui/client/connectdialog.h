#pragma once

#include "connectionprofile.h"

#include <QDialog>
#include <QList>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QStackedWidget;

namespace Balancier {

class Preferences;

/// "Connect to a balancer": pick a saved profile or fill in a new one — a
/// config file to run in this process, or a balancierd's admin API (URL and
/// user). Profiles are saved without passwords; the password is asked for
/// after this dialog, on every connect.
///
/// Thread contract: GUI thread.
class ConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)

public:
    explicit ConnectDialog(Preferences *preferences, QWidget *parent = nullptr);
    ~ConnectDialog() override;

    /// The admin URL suggested to a new user: where `balancierd --demo` and
    /// the example config serve the admin API.
    static QString suggestedUrl();

    /// The profile to connect with (valid after accept()).
    ConnectionProfile profile() const;
    void setProfile(const ConnectionProfile &profile);

    void accept() override;

private:
    void loadProfiles();
    void handleProfileSelected();
    void saveCurrent();
    void deleteCurrent();
    void browse();
    void updateKind();
    /// An error message for the fields, or empty.
    QString validate() const;

    Preferences *m_preferences;
    QListWidget *m_list;
    QLineEdit *m_name;
    QRadioButton *m_local;
    QRadioButton *m_remote;
    QStackedWidget *m_pages;
    QLineEdit *m_path;
    QLineEdit *m_url;  // objectName "url"
    QLineEdit *m_user;
    QLabel *m_error;
    QByteArray m_trustedCertificate;
};

}  // namespace Balancier
