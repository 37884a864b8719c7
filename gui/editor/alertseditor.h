#pragma once

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Balancier {

/// The <alert> list of a config in the editor's form (docs/alerts.md): add a
/// webhook, remove, move up and down, and the selected alert's url or exec,
/// events, filters, delivery options and format. An alert is the text of
/// its element, `<alert url="https://..." events="host"/>`; the form turns
/// the list into the model (ConfigFields), whose reader and validator
/// decide what is valid.
///
/// Thread contract: GUI thread.
class AlertsEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsEditor)

public:
    explicit AlertsEditor(QWidget *parent = nullptr);
    ~AlertsEditor() override;

    QStringList alerts() const { return m_alerts; }
    /// Shows `alerts`; emits nothing. Keeps the selection where it can.
    void setAlerts(const QStringList &alerts);

Q_SIGNALS:
    /// The user changed the list: every alert, in order.
    void alertsEdited(const QStringList &alerts);

private:
    void handleSelection();
    void handleAdd();
    void handleRemove();
    void handleMove(int delta);
    void handleAlertEdited();
    void refill(int select);
    void updateButtons();
    QLineEdit *addText(
        const QString &key, const QString &name, const QString &placeholder, const QString &help);

    QStringList m_alerts;
    QListWidget *m_list;
    /// The attribute edits, by attribute name (url, exec, services, ...).
    QList<std::pair<QString, QLineEdit *>> m_texts;
    QList<std::pair<QString, QCheckBox *>> m_events;
    QComboBox *m_format;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    QWidget *m_fields;
    bool m_filling = false;
};

}  // namespace Balancier
