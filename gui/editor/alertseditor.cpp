#include "alertseditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

/// The attributes of <alert>, in their canonical order (configuration.md).
const QStringList &attributeOrder()
{
    static const QStringList order{u"url"_s, u"exec"_s, u"events"_s, u"services"_s, u"groups"_s, u"timeout"_s,
        u"retries"_s, u"backoff"_s, u"ratelimit"_s, u"queue"_s, u"format"_s};
    return order;
}

const QStringList &eventKinds()
{
    static const QStringList kinds{u"host"_s, u"group"_s, u"config"_s, u"cert"_s};
    return kinds;
}

/// The attributes of `<alert .../>`, by name; what a reader takes when one is missing is its.
QList<std::pair<QString, QString>> parseAlert(const QString &text)
{
    QList<std::pair<QString, QString>> out;
    QXmlStreamReader reader(text);
    while (!reader.atEnd()) {
        if (reader.readNext() == QXmlStreamReader::StartElement) {
            for (const QXmlStreamAttribute &attribute : reader.attributes())
                out.append({attribute.name().toString(), attribute.value().toString()});
            break;
        }
    }
    return out;
}

QString valueOf(const QList<std::pair<QString, QString>> &attributes, const QString &name)
{
    for (const auto &[key, value] : attributes) {
        if (key == name)
            return value;
    }
    return {};
}

bool has(const QList<std::pair<QString, QString>> &attributes, const QString &name)
{
    return std::any_of(attributes.begin(), attributes.end(),
        [&name](const auto &attribute) { return attribute.first == name; });
}

QString writeAlert(const QList<std::pair<QString, QString>> &attributes)
{
    QString text;
    QXmlStreamWriter writer(&text);
    writer.writeEmptyElement(u"alert"_s);
    for (const QString &name : attributeOrder()) {
        for (const auto &[key, value] : attributes) {
            if (key == name)
                writer.writeAttribute(key, value);
        }
    }
    writer.writeEndDocument();
    return text;
}

/// What the list shows for an alert: its target and its events.
QString summaryOf(const QString &text)
{
    const QList<std::pair<QString, QString>> attributes = parseAlert(text);
    const QString url = valueOf(attributes, u"url"_s);
    const QString target = url.isEmpty() ? AlertsEditor::tr("exec %1").arg(valueOf(attributes, u"exec"_s))
                                         : AlertsEditor::tr("webhook %1").arg(url);
    const QString events
        = has(attributes, u"events"_s) ? valueOf(attributes, u"events"_s) : AlertsEditor::tr("all events");
    return target + u" ("_s + events + u')';
}

}  // namespace

AlertsEditor::AlertsEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_format(new QComboBox(this))
    , m_add(new QPushButton(tr("Add webhook"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_up(new QPushButton(tr("Up"), this))
    , m_down(new QPushButton(tr("Down"), this))
    , m_fields(new QWidget(this))
{
    m_list->setObjectName(u"alerts"_s);
    m_list->setAccessibleName(tr("Alerts, each a webhook or a program"));
    m_list->setMaximumHeight(140);
    m_add->setObjectName(u"alertAdd"_s);
    m_remove->setObjectName(u"alertRemove"_s);
    m_up->setObjectName(u"alertUp"_s);
    m_down->setObjectName(u"alertDown"_s);
    m_up->setAccessibleName(tr("Move the alert up"));
    m_down->setAccessibleName(tr("Move the alert down"));

    auto *fields = new QFormLayout(m_fields);
    fields->setContentsMargins(0, 0, 0, 0);
    addText(u"url"_s, tr("Webhook URL"), u"https://ops.example.org/hooks/balancier"_s,
        tr("An http:// or https:// address each event is POSTed to as JSON; empty for a program."));
    addText(u"exec"_s, tr("Program"), u"/usr/local/bin/on-event"_s,
        tr("Absolute path of a program run for each event, with the event in BALANCIER_EVENT_* "
           "variables; empty for a webhook."));
    auto *events = new QHBoxLayout;
    const QStringList eventLabels{tr("Hosts"), tr("Groups"), tr("Config applied"), tr("Certificates")};
    for (qsizetype i = 0; i < eventKinds().size(); ++i) {
        auto *check = new QCheckBox(eventLabels.at(i), m_fields);
        check->setObjectName(u"alertEvent_"_s + eventKinds().at(i));
        check->setToolTip(tr("Events of this kind are sent (events=\"...\"); at least one kind."));
        connect(check, &QCheckBox::toggled, this, &AlertsEditor::handleAlertEdited);
        events->addWidget(check);
        m_events.append({eventKinds().at(i), check});
    }
    fields->addRow(tr("Events"), events);
    addText(u"services"_s, tr("Only services"), tr("all"),
        tr("Comma-separated: only the events of these services; empty: every service."));
    addText(u"groups"_s, tr("Only groups"), tr("all"),
        tr("Comma-separated: only the events of these groups; empty: every group."));
    addText(
        u"timeout"_s, tr("Timeout"), u"5s"_s, tr("One attempt (request or program run) at most this long."));
    addText(u"retries"_s, tr("Retries"), u"3"_s, tr("Further attempts after a failed one."));
    addText(u"backoff"_s, tr("Backoff"), u"1s"_s,
        tr("The wait before the first retry; doubled for each next one."));
    addText(u"ratelimit"_s, tr("Rate limit"), u"60/m"_s,
        tr("At most this many deliveries per second, minute or hour (60/m); more wait in the queue."));
    addText(u"queue"_s, tr("Queue"), u"100"_s,
        tr("Events waiting for their turn at most; more are dropped and counted."));
    m_format->setObjectName(u"alertFormat"_s);
    m_format->addItem(tr("JSON event"), u"json"_s);
    m_format->addItem(tr("Slack / Teams text"), u"slack"_s);
    m_format->setToolTip(tr("A webhook's body: the event as JSON, or {\"text\": ...} for Slack and "
                            "Microsoft Teams incoming webhooks."));
    fields->addRow(tr("Format"), m_format);
    connect(m_format, &QComboBox::currentIndexChanged, this, &AlertsEditor::handleAlertEdited);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(m_fields);

    connect(m_list, &QListWidget::currentRowChanged, this, &AlertsEditor::handleSelection);
    connect(m_add, &QPushButton::clicked, this, &AlertsEditor::handleAdd);
    connect(m_remove, &QPushButton::clicked, this, &AlertsEditor::handleRemove);
    connect(m_up, &QPushButton::clicked, this, [this] { handleMove(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { handleMove(+1); });
    handleSelection();
}

AlertsEditor::~AlertsEditor() = default;

QLineEdit *AlertsEditor::addText(
    const QString &key, const QString &name, const QString &placeholder, const QString &help)
{
    auto *edit = new QLineEdit(m_fields);
    edit->setObjectName(u"alert_"_s + key);
    edit->setAccessibleName(name);
    edit->setPlaceholderText(placeholder);
    edit->setToolTip(help);
    connect(edit, &QLineEdit::editingFinished, this, &AlertsEditor::handleAlertEdited);
    static_cast<QFormLayout *>(m_fields->layout())->addRow(name, edit);
    m_texts.append({key, edit});
    return edit;
}

void AlertsEditor::setAlerts(const QStringList &alerts)
{
    if (alerts == m_alerts)
        return;
    m_alerts = alerts;
    refill(std::min(m_list->currentRow(), int(m_alerts.size()) - 1));
}

void AlertsEditor::refill(int select)
{
    m_filling = true;
    m_list->clear();
    for (const QString &alert : std::as_const(m_alerts)) {
        auto *item = new QListWidgetItem(summaryOf(alert), m_list);
        item->setToolTip(alert);
    }
    m_list->setCurrentRow(select);
    m_filling = false;
    handleSelection();
}

void AlertsEditor::handleSelection()
{
    const int row = m_list->currentRow();
    const bool filling = m_filling;
    m_filling = true;
    const QList<std::pair<QString, QString>> attributes = row >= 0 && row < m_alerts.size()
        ? parseAlert(m_alerts.at(row))
        : QList<std::pair<QString, QString>>();
    for (const auto &[key, edit] : std::as_const(m_texts))
        edit->setText(valueOf(attributes, key));
    const QStringList events = has(attributes, u"events"_s)
        ? valueOf(attributes, u"events"_s).split(u',', Qt::SkipEmptyParts)
        : eventKinds();
    for (const auto &[kind, check] : std::as_const(m_events)) {
        check->setChecked(std::any_of(events.begin(), events.end(), [&kind](const QString &event) {
            return event.trimmed().compare(kind, Qt::CaseInsensitive) == 0;
        }));
    }
    const int format = m_format->findData(valueOf(attributes, u"format"_s).trimmed().toLower());
    m_format->setCurrentIndex(format < 0 ? 0 : format);
    m_filling = filling;
    updateButtons();
}

void AlertsEditor::updateButtons()
{
    const int row = m_list->currentRow();
    const bool selected = row >= 0 && row < m_alerts.size();
    m_fields->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_up->setEnabled(selected && row > 0);
    m_down->setEnabled(selected && row + 1 < m_alerts.size());
}

void AlertsEditor::handleAdd()
{
    // A webhook to an example address the user edits (example.org is for
    // documentation), for host and group events.
    const int at = m_list->currentRow() < 0 ? int(m_alerts.size()) : m_list->currentRow() + 1;
    m_alerts.insert(at,
        writeAlert(
            {{u"url"_s, u"https://ops.example.org/hooks/balancier"_s}, {u"events"_s, u"host,group"_s}}));
    refill(at);
    QLineEdit *url = m_texts.constFirst().second;
    url->setFocus();
    url->selectAll();
    Q_EMIT alertsEdited(m_alerts);
}

void AlertsEditor::handleRemove()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_alerts.size())
        return;
    m_alerts.removeAt(row);
    refill(std::min(row, int(m_alerts.size()) - 1));
    Q_EMIT alertsEdited(m_alerts);
}

void AlertsEditor::handleMove(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_alerts.size())
        return;
    m_alerts.move(row, to);
    refill(to);
    Q_EMIT alertsEdited(m_alerts);
}

void AlertsEditor::handleAlertEdited()
{
    const int row = m_list->currentRow();
    if (m_filling || row < 0 || row >= m_alerts.size())
        return;
    QList<std::pair<QString, QString>> attributes;
    for (const auto &[key, edit] : std::as_const(m_texts)) {
        const QString value = edit->text().trimmed();
        if (!value.isEmpty())
            attributes.append({key, value});
    }
    QStringList events;
    for (const auto &[kind, check] : std::as_const(m_events)) {
        if (check->isChecked())
            events.append(kind);
    }
    if (events.size() != eventKinds().size())
        attributes.append({u"events"_s, events.join(u',')});  // none: the reader says what is wrong
    if (m_format->currentData().toString() != u"json")
        attributes.append({u"format"_s, m_format->currentData().toString()});
    const QString text = writeAlert(attributes);
    updateButtons();
    if (text == m_alerts.at(row))
        return;
    m_alerts[row] = text;
    m_list->item(row)->setText(summaryOf(text));
    m_list->item(row)->setToolTip(text);
    Q_EMIT alertsEdited(m_alerts);
}

}  // namespace Balancier
