#include "hostdraindialog.h"

#include "config/duration.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Balancier {

HostDrainDialog::HostDrainDialog(BalancerClient *client, const QList<HostRef> &hosts, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_hosts(hosts)
    , m_deadline(new QLineEdit(u"10m"_s, this))
    , m_then(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_progressText(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(u"hostDrainDialog"_s);
    setWindowTitle(tr("Drain with Deadline"));
    m_deadline->setObjectName(u"deadlineEdit"_s);
    m_deadline->setToolTip(tr("How long the open connections may take, such as 90s, 10m or 1h; empty: the "
                              "balancer's drain timeout"));
    m_then->setObjectName(u"thenBox"_s);
    m_then->addItem(tr("Keep draining"), QVariant::fromValue(int(DrainThen::None)));
    m_then->addItem(tr("Remove the host"), QVariant::fromValue(int(DrainThen::Remove)));
    m_then->addItem(tr("Set to maintenance"), QVariant::fromValue(int(DrainThen::Maintenance)));
    m_error->setObjectName(u"errorLabel"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    m_progressText->setObjectName(u"progressLabel"_s);
    m_progress->setObjectName(u"progressBar"_s);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v open"));

    QStringList names;
    for (const HostRef &host : hosts)
        names.append(host.service + u'/' + host.group + u'/' + host.host);
    auto *intro = new QLabel(
        tr("Drain %n host(s): no new connections; the open ones finish, or are cut at the deadline.", nullptr,
            int(hosts.size()))
            + u"\n"_s + names.join(u", "_s),
        this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Deadline:"), m_deadline);
    form->addRow(tr("&Then:"), m_then);
    QPushButton *start = m_buttons->addButton(tr("&Start Drain"), QDialogButtonBox::AcceptRole);
    start->setObjectName(u"startButton"_s);
    start->setDefault(true);
    connect(start, &QPushButton::clicked, this, [this, start] {
        if (startDrain())
            start->setEnabled(false);
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_progressText);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);
    if (m_client)
        connect(m_client, &BalancerClient::snapshotReceived, this, &HostDrainDialog::handleSnapshot);
}

HostDrainDialog::~HostDrainDialog() = default;

bool HostDrainDialog::startDrain()
{
    if (!m_client || m_hosts.isEmpty())
        return false;
    const QString text = m_deadline->text().trimmed();
    qint64 deadlineMs = 0;
    if (!text.isEmpty()) {
        const std::optional<qint64> parsed = parseDuration(text);
        if (!parsed || *parsed <= 0) {
            m_error->setText(tr("\"%1\" is not a duration; write for example 90s, 10m or 1h.").arg(text));
            m_error->show();
            return false;
        }
        deadlineMs = *parsed;
    }
    m_error->hide();
    const auto then = DrainThen(m_then->currentData().toInt());
    m_deadline->setEnabled(false);
    m_then->setEnabled(false);
    m_started = true;
    m_deadlineUtcMs = deadlineMs > 0 ? QDateTime::currentMSecsSinceEpoch() + deadlineMs : 0;
    m_progressText->setText(tr("Starting the drain…"));
    for (const HostRef &host : std::as_const(m_hosts)) {
        m_client->drainHost(host, deadlineMs, then, this, [this, host](const ClientReply &reply) {
            ++m_replies;
            if (!reply.ok) {
                m_error->setText(m_error->text() + (m_error->text().isEmpty() ? QString() : u"\n"_s)
                    + tr("%1: %2").arg(host.host, reply.error));
                m_error->show();
            }
        });
    }
    handleSnapshot(m_client->snapshot());
    return true;
}

void HostDrainDialog::handleSnapshot(const StatsSnapshot &snapshot)
{
    if (!m_started || m_done)
        return;
    qint64 open = 0;
    int present = 0;
    for (const ServiceStats &service : snapshot.services) {
        for (const GroupStats &group : service.groups) {
            for (const HostStats &host : group.hosts) {
                for (const HostRef &ref : std::as_const(m_hosts)) {
                    if (ref.service == service.name && ref.group == group.name && ref.host == host.name) {
                        open += host.active;
                        ++present;
                    }
                }
            }
        }
    }
    if (m_firstOpen < 0 || open > m_firstOpen) {
        m_firstOpen = open;
        m_progress->setRange(0, int(std::max<qint64>(open, 1)));
    }
    m_progress->setValue(int(open));
    if (open == 0 && m_replies == m_hosts.size()) {
        m_done = true;
        m_progressText->setText(
            present == 0 ? tr("Drained; the host was removed.") : tr("Drained: no open connection left."));
        return;
    }
    if (m_deadlineUtcMs > 0) {
        const qint64 left = std::max<qint64>(0, m_deadlineUtcMs - QDateTime::currentMSecsSinceEpoch());
        m_progressText->setText(tr("%n open connection(s), %1 left", nullptr, int(open))
                                    .arg(formatDuration((left + 999) / 1000 * 1000)));
    } else {
        m_progressText->setText(tr("%n open connection(s)", nullptr, int(open)));
    }
}

}  // namespace Balancier
