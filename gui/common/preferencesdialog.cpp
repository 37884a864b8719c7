#include "preferencesdialog.h"

#include "preferences.h"
#include "translationloader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Balancier {

PreferencesDialog::PreferencesDialog(Preferences *preferences, QWidget *parent)
    : QDialog(parent)
    , m_preferences(preferences)
    , m_language(new QComboBox(this))
    , m_refresh(new QSpinBox(this))
    , m_notifications(new QCheckBox(tr("Notify when a host goes down or comes back"), this))
    , m_profiles(new QListWidget(this))
{
    setWindowTitle(tr("Preferences"));
    m_language->addItem(
        tr("System default (%1)").arg(TranslationLoader::nativeName(TranslationLoader::systemLanguage())),
        QString());
    for (const QString &code : TranslationLoader::available())
        m_language->addItem(TranslationLoader::nativeName(code), code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(preferences->language())));
    m_refresh->setRange(2, 10);
    m_refresh->setSuffix(tr(" per second"));
    m_refresh->setValue(preferences->refreshRate());
    m_notifications->setChecked(preferences->notificationsEnabled());

    auto *general = new QFormLayout;
    auto *languageLabel = new QLabel(tr("&Language:"), this);
    languageLabel->setBuddy(m_language);
    general->addRow(languageLabel, m_language);
    general->addRow(new QLabel(tr("A new language applies when the app starts again."), this));
    auto *refreshLabel = new QLabel(tr("Dashboard &updates:"), this);
    refreshLabel->setBuddy(m_refresh);
    general->addRow(refreshLabel, m_refresh);
    general->addRow(m_notifications);

    auto *profilesBox = new QGroupBox(tr("Saved connection profiles"), this);
    auto *profilesLayout = new QHBoxLayout(profilesBox);
    m_profiles->setAccessibleName(tr("Saved connection profiles"));
    auto *profileButtons = new QVBoxLayout;
    auto *remove = new QPushButton(tr("&Remove"), profilesBox);
    auto *forget = new QPushButton(tr("&Forget Certificate"), profilesBox);
    profileButtons->addWidget(remove);
    profileButtons->addWidget(forget);
    profileButtons->addStretch(1);
    profilesLayout->addWidget(m_profiles, 1);
    profilesLayout->addLayout(profileButtons);
    connect(remove, &QPushButton::clicked, this, [this] {
        if (const QListWidgetItem *item = m_profiles->currentItem()) {
            m_preferences->removeProfile(item->data(Qt::UserRole).toString());
            loadProfiles();
        }
    });
    connect(forget, &QPushButton::clicked, this, [this] {
        const QListWidgetItem *item = m_profiles->currentItem();
        if (!item)
            return;
        for (ConnectionProfile profile : m_preferences->profiles()) {
            if (profile.name == item->data(Qt::UserRole).toString()) {
                profile.trustedCertificate.clear();
                m_preferences->saveProfile(profile);
            }
        }
        loadProfiles();
    });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(general);
    layout->addWidget(profilesBox, 1);
    layout->addWidget(buttons);
    loadProfiles();
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::loadProfiles()
{
    m_profiles->clear();
    for (const ConnectionProfile &profile : m_preferences->profiles()) {
        QString text = profile.kind == ConnectionProfile::Kind::Local
            ? tr("%1 — runs %2").arg(profile.name, profile.configPath)
            : tr("%1 — %2 as %3").arg(profile.name, profile.url, profile.user);
        if (!profile.trustedCertificate.isEmpty())
            text += u' ' + tr("(trusts a certificate)");
        auto *item = new QListWidgetItem(text, m_profiles);
        item->setData(Qt::UserRole, profile.name);
    }
}

void PreferencesDialog::accept()
{
    m_preferences->setLanguage(m_language->currentData().toString());
    m_preferences->setRefreshRate(m_refresh->value());
    m_preferences->setNotificationsEnabled(m_notifications->isChecked());
    m_preferences->sync();
    QDialog::accept();
}

}  // namespace Balancier
