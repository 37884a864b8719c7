#include "aclruleseditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Balancier {

AclRulesEditor::AclRulesEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_action(new QComboBox(this))
    , m_from(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_up(new QPushButton(tr("Up"), this))
    , m_down(new QPushButton(tr("Down"), this))
{
    m_list->setObjectName(u"aclRules"_s);
    m_list->setAccessibleName(tr("ACL rules, first match decides"));
    m_list->setMaximumHeight(140);
    m_action->setObjectName(u"aclAction"_s);
    m_action->setAccessibleName(tr("Action of the selected rule"));
    m_action->addItem(tr("allow"), u"allow"_s);
    m_action->addItem(tr("deny"), u"deny"_s);
    m_from->setObjectName(u"aclFrom"_s);
    m_from->setAccessibleName(tr("Addresses of the selected rule"));
    m_from->setPlaceholderText(tr("10.0.0.0/8, 2001:db8::/32"));
    m_add->setObjectName(u"aclAdd"_s);
    m_remove->setObjectName(u"aclRemove"_s);
    m_up->setObjectName(u"aclUp"_s);
    m_down->setObjectName(u"aclDown"_s);
    m_up->setAccessibleName(tr("Move the rule up"));
    m_down->setAccessibleName(tr("Move the rule down"));

    auto *ruleRow = new QHBoxLayout;
    ruleRow->addWidget(m_action);
    ruleRow->addWidget(m_from, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(ruleRow);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &AclRulesEditor::handleSelection);
    connect(m_add, &QPushButton::clicked, this, &AclRulesEditor::handleAdd);
    connect(m_remove, &QPushButton::clicked, this, &AclRulesEditor::handleRemove);
    connect(m_up, &QPushButton::clicked, this, [this] { handleMove(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { handleMove(+1); });
    connect(m_action, &QComboBox::currentIndexChanged, this, &AclRulesEditor::handleRuleEdited);
    connect(m_from, &QLineEdit::editingFinished, this, &AclRulesEditor::handleRuleEdited);
    updateButtons();
}

AclRulesEditor::~AclRulesEditor() = default;

void AclRulesEditor::setRules(const QStringList &rules)
{
    if (rules == m_rules)
        return;
    m_rules = rules;
    refill(std::min(m_list->currentRow(), int(m_rules.size()) - 1));
}

void AclRulesEditor::refill(int select)
{
    m_filling = true;
    m_list->clear();
    for (const QString &rule : std::as_const(m_rules))
        m_list->addItem(rule);
    m_list->setCurrentRow(select);
    m_filling = false;
    handleSelection();
}

void AclRulesEditor::handleSelection()
{
    const int row = m_list->currentRow();
    const bool filling = m_filling;
    m_filling = true;
    if (row >= 0 && row < m_rules.size()) {
        const QString rule = m_rules.at(row);
        m_action->setCurrentIndex(m_action->findData(rule.section(u' ', 0, 0)));
        m_from->setText(rule.section(u' ', 1));
    } else {
        m_from->clear();
    }
    m_filling = filling;
    updateButtons();
}

void AclRulesEditor::updateButtons()
{
    const int row = m_list->currentRow();
    const bool selected = row >= 0 && row < m_rules.size();
    m_action->setEnabled(selected);
    m_from->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_up->setEnabled(selected && row > 0);
    m_down->setEnabled(selected && row + 1 < m_rules.size());
}

void AclRulesEditor::handleAdd()
{
    // A rule that matches nothing yet would be refused: it starts with an
    // example the user edits (192.0.2.0/24 is for documentation).
    const int at = m_list->currentRow() < 0 ? int(m_rules.size()) : m_list->currentRow() + 1;
    m_rules.insert(at, u"deny 192.0.2.0/24"_s);
    refill(at);
    m_from->setFocus();
    m_from->selectAll();
    Q_EMIT rulesEdited(m_rules);
}

void AclRulesEditor::handleRemove()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_rules.size())
        return;
    m_rules.removeAt(row);
    refill(std::min(row, int(m_rules.size()) - 1));
    Q_EMIT rulesEdited(m_rules);
}

void AclRulesEditor::handleMove(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_rules.size())
        return;
    m_rules.move(row, to);
    refill(to);
    Q_EMIT rulesEdited(m_rules);
}

void AclRulesEditor::handleRuleEdited()
{
    const int row = m_list->currentRow();
    if (m_filling || row < 0 || row >= m_rules.size())
        return;
    const QString rule = m_action->currentData().toString() + u' ' + m_from->text().simplified();
    if (rule == m_rules.at(row))
        return;
    m_rules[row] = rule;
    m_list->item(row)->setText(rule);
    Q_EMIT rulesEdited(m_rules);
}

}  // namespace Balancier
