#pragma once

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Balancier {

/// The ordered rule list of a service's <acl> in the editor's form: add,
/// remove, move up and down, and the selected rule's action and address
/// list. A rule is the text "allow 10.0.0.0/8,::1" (action, a space, the
/// list); the form turns the list into the model (ConfigFields).
///
/// Thread contract: GUI thread.
class AclRulesEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AclRulesEditor)

public:
    explicit AclRulesEditor(QWidget *parent = nullptr);
    ~AclRulesEditor() override;

    QStringList rules() const { return m_rules; }
    /// Shows `rules`; emits nothing. Keeps the selection where it can.
    void setRules(const QStringList &rules);

Q_SIGNALS:
    /// The user changed the list: every rule, in order.
    void rulesEdited(const QStringList &rules);

private:
    void handleSelection();
    void handleAdd();
    void handleRemove();
    void handleMove(int delta);
    void handleRuleEdited();
    void refill(int select);
    void updateButtons();

    QStringList m_rules;
    QListWidget *m_list;
    QComboBox *m_action;
    QLineEdit *m_from;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    bool m_filling = false;
};

}  // namespace Balancier
