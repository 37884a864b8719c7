#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QListWidget;
class QSpinBox;

namespace Balancier {

class Preferences;

/// Preferences: language (system default or one of the shipped ones),
/// dashboard refresh rate, notifications, and the saved connection profiles
/// (remove one, or forget the certificate it trusts).
///
/// Thread contract: GUI thread.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(Preferences *preferences, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    void accept() override;

private:
    void loadProfiles();

    Preferences *m_preferences;
    QComboBox *m_language;
    QSpinBox *m_refresh;
    QCheckBox *m_notifications;
    QListWidget *m_profiles;
};

}  // namespace Balancier
