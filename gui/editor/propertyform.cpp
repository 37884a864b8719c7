#include "propertyform.h"

#include "aclruleseditor.h"
#include "alertseditor.h"
#include "routeseditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

QString titleFor(const ConfigItemRef &ref)
{
    switch (ref.kind) {
    case ConfigItemRef::Kind::Settings:
        return PropertyForm::tr("Settings");
    case ConfigItemRef::Kind::Admin:
        return PropertyForm::tr("Admin API");
    case ConfigItemRef::Kind::User:
        return PropertyForm::tr("Admin user %1").arg(ref.name);
    case ConfigItemRef::Kind::Service:
        return PropertyForm::tr("Service %1").arg(ref.service);
    case ConfigItemRef::Kind::Listener:
        return PropertyForm::tr("Listener %1 of service %2").arg(ref.name, ref.service);
    case ConfigItemRef::Kind::Group:
        return PropertyForm::tr("Group %1 of service %2").arg(ref.group, ref.service);
    case ConfigItemRef::Kind::Host:
        return PropertyForm::tr("Host %1 in group %2").arg(ref.name, ref.group);
    case ConfigItemRef::Kind::Alerts:
        return PropertyForm::tr("Alerts");
    case ConfigItemRef::Kind::None:
        break;
    }
    return PropertyForm::tr("Select an item to edit it.");
}

void setError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

}  // namespace

PropertyForm::PropertyForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout)
    , m_title(new QLabel(this))
    , m_problems(new QLabel(this))
{
    setAccessibleName(tr("Properties"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_problems->setWordWrap(true);
    m_problems->setObjectName(u"formProblems"_s);
    m_problems->setStyleSheet(u"color: palette(link);"_s);
    m_problems->hide();
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_problems);
    layout->addLayout(m_layout);
    layout->addStretch(1);
    rebuild();
}

PropertyForm::~PropertyForm() = default;

void PropertyForm::setItem(const ConfigItemRef &ref, const Config &config)
{
    const bool sameItem = ref == m_ref;
    m_ref = ref;
    m_config = config;
    if (sameItem)
        refreshValues();
    else
        rebuild();
}

void PropertyForm::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    for (const Row &row : std::as_const(m_rows))
        row.editor->setEnabled(!readOnly);
}

QWidget *PropertyForm::fieldWidget(const QString &key) const
{
    for (const Row &row : m_rows) {
        if (row.field.key == key)
            return row.editor;
    }
    return nullptr;
}

QString PropertyForm::message(const QString &key) const
{
    for (const Row &row : m_rows) {
        if (row.field.key == key)
            return row.message->isHidden() ? QString() : row.message->text();
    }
    return {};
}

void PropertyForm::rebuild()
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_rows.clear();
    m_title->setText(titleFor(m_ref));
    setError(m_problems, {});
    const QList<ConfigField> fields = ConfigFields::forKind(m_ref.kind);
    m_rows.reserve(fields.size());
    for (const ConfigField &field : fields) {
        m_rows.append(Row{field, nullptr, nullptr});
        Row &row = m_rows.last();
        auto *cell = new QWidget(this);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        row.editor = makeEditor(row);
        row.editor->setParent(cell);
        row.editor->setObjectName(u"field_"_s + field.key);
        row.editor->setAccessibleName(field.label);
        row.editor->setToolTip(field.help);
        row.editor->setEnabled(!m_readOnly);
        row.message = new QLabel(cell);
        row.message->setObjectName(u"message_"_s + field.key);
        row.message->setWordWrap(true);
        // A readable red on light and dark palettes alike.
        const bool dark = palette().color(QPalette::Base).lightness() < 128;
        row.message->setStyleSheet(dark ? u"color: #ff8080;"_s : u"color: #b31d1d;"_s);
        row.message->hide();
        cellLayout->addWidget(row.editor);
        cellLayout->addWidget(row.message);
        auto *label = new QLabel(field.label + u':', this);
        label->setBuddy(row.editor);
        m_layout->addRow(label, cell);
    }
    refreshValues();
}

QWidget *PropertyForm::makeEditor(Row &row)
{
    const ConfigField &field = row.field;
    const QString key = field.key;
    // Rows are found again by key: m_rows may reallocate.
    const auto rowFor = [this, key]() -> Row * {
        for (Row &r : m_rows) {
            if (r.field.key == key)
                return &r;
        }
        return nullptr;
    };
    switch (field.type) {
    case ConfigField::Type::Integer: {
        auto *spin = new QSpinBox;
        spin->setRange(field.minimum, field.maximum);
        spin->setKeyboardTracking(false);
        connect(spin, &QSpinBox::valueChanged, this, [this, rowFor](int value) {
            if (Row *r = rowFor(); r && !m_updating)
                commit(*r, value);
        });
        return spin;
    }
    case ConfigField::Type::Boolean: {
        auto *check = new QCheckBox;
        connect(check, &QCheckBox::toggled, this, [this, rowFor](bool value) {
            if (Row *r = rowFor(); r && !m_updating)
                commit(*r, value);
        });
        return check;
    }
    case ConfigField::Type::Choice: {
        auto *combo = new QComboBox;
        connect(combo, &QComboBox::currentIndexChanged, this, [this, rowFor, combo](int index) {
            if (Row *r = rowFor(); r && !m_updating && index >= 0)
                commit(*r, combo->itemData(index));
        });
        return combo;
    }
    case ConfigField::Type::RuleList: {
        auto *rules = new AclRulesEditor;
        connect(rules, &AclRulesEditor::rulesEdited, this, [this, rowFor](const QStringList &value) {
            if (Row *r = rowFor(); r && !m_updating)
                commit(*r, value);
        });
        return rules;
    }
    case ConfigField::Type::RouteList: {
        auto *routes = new RoutesEditor;
        connect(routes, &RoutesEditor::routesEdited, this, [this, rowFor](const QStringList &value) {
            if (Row *r = rowFor(); r && !m_updating)
                commit(*r, value);
        });
        return routes;
    }
    case ConfigField::Type::AlertList: {
        auto *alerts = new AlertsEditor;
        connect(alerts, &AlertsEditor::alertsEdited, this, [this, rowFor](const QStringList &value) {
            if (Row *r = rowFor(); r && !m_updating)
                commit(*r, value);
        });
        return alerts;
    }
    case ConfigField::Type::Text:
    case ConfigField::Type::Duration:
    case ConfigField::Type::Password: {
        auto *edit = new QLineEdit;
        if (field.type == ConfigField::Type::Password) {
            edit->setEchoMode(QLineEdit::Password);
            edit->setPlaceholderText(tr("unchanged"));
        }
        if (!field.placeholder.isEmpty())
            edit->setPlaceholderText(field.placeholder);
        connect(edit, &QLineEdit::textEdited, this, [this, rowFor](const QString &text) {
            if (Row *r = rowFor())
                checkValue(*r, text);
        });
        connect(edit, &QLineEdit::editingFinished, this, [this, rowFor, edit] {
            Row *r = rowFor();
            if (!r || m_updating)
                return;
            if (r->field.type == ConfigField::Type::Password) {
                if (!edit->text().isEmpty() && checkValue(*r, edit->text())) {
                    const QString password = edit->text();
                    edit->clear();
                    commit(*r, password);
                }
                return;
            }
            if (checkValue(*r, edit->text()))
                commit(*r, edit->text());
        });
        return edit;
    }
    }
    return new QWidget;
}

bool PropertyForm::checkValue(Row &row, const QVariant &value)
{
    const QString error = row.field.check ? row.field.check(m_config, m_ref, value) : QString();
    setError(row.message, error);
    row.editor->setAccessibleDescription(error);
    return error.isEmpty();
}

void PropertyForm::commit(Row &row, const QVariant &value)
{
    if (m_readOnly || !row.field.get)
        return;
    if (!checkValue(row, value))
        return;
    const QVariant current = row.field.get(m_config, m_ref);
    const bool list = row.field.type == ConfigField::Type::RuleList
        || row.field.type == ConfigField::Type::RouteList || row.field.type == ConfigField::Type::AlertList;
    if (list ? current.toStringList() == value.toStringList() : current.toString() == value.toString())
        return;
    // Hand on a copy of the ref: the receiver may rebuild this form.
    const ConfigItemRef ref = m_ref;
    const QString key = row.field.key;
    Q_EMIT edited(ref, key, value);
}

void PropertyForm::refreshValues()
{
    m_updating = true;
    for (Row &row : m_rows) {
        if (!row.field.get)
            continue;
        if (QWidget *cell = row.editor->parentWidget())
            m_layout->setRowVisible(cell, !row.field.visible || row.field.visible(m_config, m_ref));
        const QVariant value = row.field.get(m_config, m_ref);
        const bool editing = row.editor->hasFocus() && !row.message->isHidden();
        if (auto *rules = qobject_cast<AclRulesEditor *>(row.editor)) {
            rules->setRules(value.toStringList());
        } else if (auto *alerts = qobject_cast<AlertsEditor *>(row.editor)) {
            alerts->setAlerts(value.toStringList());
        } else if (auto *routes = qobject_cast<RoutesEditor *>(row.editor)) {
            if (row.field.dynamicChoices)
                routes->setGroups(row.field.dynamicChoices(m_config, m_ref));
            routes->setRoutes(value.toStringList());
        } else if (auto *spin = qobject_cast<QSpinBox *>(row.editor)) {
            spin->setValue(value.toInt());
        } else if (auto *check = qobject_cast<QCheckBox *>(row.editor)) {
            check->setChecked(value.toBool());
        } else if (auto *combo = qobject_cast<QComboBox *>(row.editor)) {
            const QStringList choices
                = row.field.dynamicChoices ? row.field.dynamicChoices(m_config, m_ref) : row.field.choices;
            combo->clear();
            for (qsizetype i = 0; i < choices.size(); ++i)
                combo->addItem(row.field.choiceLabels.value(i, choices.at(i)), choices.at(i));
            int at = combo->findData(value.toString());
            if (at < 0 && !value.toString().isEmpty()) {
                // A value the list does not offer (e.g. an enabled group that does not exist).
                combo->addItem(value.toString(), value.toString());
                at = combo->count() - 1;
            }
            combo->setCurrentIndex(at);
        } else if (auto *edit = qobject_cast<QLineEdit *>(row.editor)) {
            // Never overwrite what the user is typing and has not finished.
            if (!editing && row.field.type != ConfigField::Type::Password) {
                edit->setText(value.toString());
                setError(row.message, {});
            }
        }
    }
    m_updating = false;
}

void PropertyForm::setDiagnostics(const QList<Diagnostic> &diagnostics, int itemLine)
{
    QStringList general;
    for (Row &row : m_rows) {
        if (row.message->property("fromDiagnostic").toBool()) {
            setError(row.message, {});
            row.message->setProperty("fromDiagnostic", false);
        }
    }
    if (m_ref.kind == ConfigItemRef::Kind::Alerts) {
        // The page covers every <alert>: their problems go under the list, by line.
        QStringList messages;
        for (const Diagnostic &diagnostic : diagnostics) {
            if (diagnostic.element.startsWith(u"<alert"))
                messages.append(tr("Line %1: %2").arg(diagnostic.line).arg(diagnostic.message));
        }
        if (!m_rows.isEmpty() && !messages.isEmpty()) {
            setError(m_rows.first().message, messages.join(u'\n'));
            m_rows.first().message->setProperty("fromDiagnostic", true);
        }
        setError(m_problems, {});
        return;
    }
    for (const Diagnostic &diagnostic : diagnostics) {
        if (itemLine <= 0 || diagnostic.line != itemLine)
            continue;
        bool placed = false;
        for (Row &row : m_rows) {
            const QString attribute = row.field.key.section(u'.', -1);
            if (diagnostic.element.endsWith(u' ' + attribute + u'>')) {
                setError(row.message, diagnostic.message);
                row.message->setProperty("fromDiagnostic", true);
                placed = true;
                break;
            }
        }
        if (!placed)
            general.append(diagnostic.message);
    }
    setError(m_problems, general.join(u'\n'));
}

}  // namespace Balancier
