#include "connectdialog.h"

#include "common/preferences.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Balancier {

ConnectDialog::ConnectDialog(Preferences *preferences, QWidget *parent)
    : QDialog(parent)
    , m_preferences(preferences)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_local(new QRadioButton(tr("Run a config &file in this app"), this))
    , m_remote(new QRadioButton(tr("Connect to a running &balancierd"), this))
    , m_pages(new QStackedWidget(this))
    , m_path(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Connect to a Balancer"));
    m_list->setAccessibleName(tr("Saved profiles"));
    m_name->setPlaceholderText(tr("e.g. production"));
    m_url->setObjectName(u"url"_s);
    m_url->setPlaceholderText(suggestedUrl());
    m_user->setPlaceholderText(u"admin"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #d62f2f;"_s);
    m_error->hide();

    auto *localPage = new QWidget(this);
    auto *localLayout = new QFormLayout(localPage);
    auto *pathRow = new QHBoxLayout;
    auto *browseButton = new QPushButton(tr("Browse…"), localPage);
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    auto *pathLabel = new QLabel(tr("Config &file:"), localPage);
    pathLabel->setBuddy(m_path);
    localLayout->addRow(pathLabel, pathRow);
    connect(browseButton, &QPushButton::clicked, this, &ConnectDialog::browse);

    auto *remotePage = new QWidget(this);
    auto *remoteLayout = new QFormLayout(remotePage);
    auto *urlLabel = new QLabel(tr("Admin API &URL:"), remotePage);
    urlLabel->setBuddy(m_url);
    auto *userLabel = new QLabel(tr("U&ser:"), remotePage);
    userLabel->setBuddy(m_user);
    remoteLayout->addRow(urlLabel, m_url);
    remoteLayout->addRow(userLabel, m_user);
    auto *note = new QLabel(tr("The password is asked for when connecting and is never saved."), remotePage);
    note->setWordWrap(true);
    remoteLayout->addRow(note);

    m_pages->addWidget(localPage);
    m_pages->addWidget(remotePage);
    connect(m_local, &QRadioButton::toggled, this, &ConnectDialog::updateKind);

    auto *form = new QFormLayout;
    auto *nameLabel = new QLabel(tr("Profile &name:"), this);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);
    form->addRow(m_remote);
    form->addRow(m_local);

    auto *profileButtons = new QHBoxLayout;
    auto *saveButton = new QPushButton(tr("&Save Profile"), this);
    auto *deleteButton = new QPushButton(tr("&Delete Profile"), this);
    profileButtons->addWidget(saveButton);
    profileButtons->addWidget(deleteButton);
    profileButtons->addStretch(1);
    connect(saveButton, &QPushButton::clicked, this, &ConnectDialog::saveCurrent);
    connect(deleteButton, &QPushButton::clicked, this, &ConnectDialog::deleteCurrent);

    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addWidget(m_pages);
    right->addWidget(m_error);
    right->addStretch(1);
    right->addLayout(profileButtons);

    auto *listLabel = new QLabel(tr("Sa&ved profiles:"), this);
    listLabel->setBuddy(m_list);
    auto *left = new QVBoxLayout;
    left->addWidget(listLabel);
    left->addWidget(m_list, 1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 3);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectDialog::handleProfileSelected);
    connect(m_list, &QListWidget::itemActivated, this, &ConnectDialog::accept);
    m_remote->setChecked(true);
    updateKind();
    loadProfiles();
    resize(640, 320);
}

ConnectDialog::~ConnectDialog() = default;

QString ConnectDialog::suggestedUrl()
{
    // balancierd's --demo-admin-port default and resources/balancier.example.xml's <admin listen>.
    return u"http://127.0.0.1:8081"_s;
}

void ConnectDialog::loadProfiles()
{
    m_list->clear();
    const QList<ConnectionProfile> profiles = m_preferences->profiles();
    int select = -1;
    for (const ConnectionProfile &profile : profiles) {
        auto *item = new QListWidgetItem(profile.name, m_list);
        item->setToolTip(profile.kind == ConnectionProfile::Kind::Local ? profile.configPath
                                                                        : profile.user + u'@' + profile.url);
        if (profile.name == m_preferences->lastProfile())
            select = m_list->count() - 1;
    }
    if (select >= 0)
        m_list->setCurrentRow(select);
}

void ConnectDialog::handleProfileSelected()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    for (const ConnectionProfile &profile : m_preferences->profiles()) {
        if (profile.name == item->text())
            setProfile(profile);
    }
}

void ConnectDialog::setProfile(const ConnectionProfile &profile)
{
    m_name->setText(profile.name);
    (profile.kind == ConnectionProfile::Kind::Local ? m_local : m_remote)->setChecked(true);
    m_path->setText(profile.configPath);
    m_url->setText(profile.url);
    m_user->setText(profile.user);
    m_trustedCertificate = profile.trustedCertificate;
    updateKind();
}

ConnectionProfile ConnectDialog::profile() const
{
    ConnectionProfile profile;
    profile.name = m_name->text().trimmed();
    if (profile.name.isEmpty())
        profile.name = m_local->isChecked() ? QFileInfo(m_path->text()).fileName() : m_url->text().trimmed();
    profile.kind = m_local->isChecked() ? ConnectionProfile::Kind::Local : ConnectionProfile::Kind::Remote;
    profile.configPath = m_path->text().trimmed();
    profile.url = m_url->text().trimmed();
    profile.user = m_user->text().trimmed();
    profile.trustedCertificate = m_trustedCertificate;
    return profile;
}

void ConnectDialog::updateKind()
{
    m_pages->setCurrentIndex(m_local->isChecked() ? 0 : 1);
}

void ConnectDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Config File"), m_path->text(), tr("Balancier configs (*.xml);;All files (*)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

QString ConnectDialog::validate() const
{
    if (m_local->isChecked()) {
        if (m_path->text().trimmed().isEmpty())
            return tr("Choose a config file.");
        if (!QFileInfo(m_path->text().trimmed()).isFile())
            return tr("%1 is not a file.").arg(m_path->text().trimmed());
        return {};
    }
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (m_url->text().trimmed().isEmpty() || !url.isValid()
        || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1) || url.host().isEmpty())
        return tr("Enter the admin API's URL, e.g. %1 or https://balancer.example:8443.").arg(suggestedUrl());
    if (m_user->text().trimmed().isEmpty())
        return tr("Enter the admin user's name.");
    return {};
}

void ConnectDialog::saveCurrent()
{
    const QString error = validate();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (!error.isEmpty())
        return;
    m_preferences->saveProfile(profile());
    const QString name = profile().name;
    loadProfiles();
    const QList<QListWidgetItem *> found = m_list->findItems(name, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.constFirst());
}

void ConnectDialog::deleteCurrent()
{
    if (const QListWidgetItem *item = m_list->currentItem()) {
        m_preferences->removeProfile(item->text());
        loadProfiles();
    }
}

void ConnectDialog::accept()
{
    const QString error = validate();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (!error.isEmpty())
        return;
    m_preferences->setLastProfile(profile().name);
    QDialog::accept();
}

}  // namespace Balancier
