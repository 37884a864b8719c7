#pragma once

#include "config/config.h"
#include "config/diagnostic.h"
#include "configfield.h"
#include "configitemref.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace Balancier {

/// The editor's form for the selected config item: one widget per
/// ConfigField, each with a message line under it. Values are checked as
/// the user types and the message says what is wrong; a value is handed on
/// (edited()) only when it is valid and the user is done with it (Enter,
/// leaving the field, or picking a choice).
///
/// Widgets are named "field_<key>" (e.g. "field_weight") so that tests and
/// accessibility tools can find them.
///
/// Thread contract: GUI thread.
class PropertyForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PropertyForm)

public:
    explicit PropertyForm(QWidget *parent = nullptr);
    ~PropertyForm() override;

    /// Shows `ref` of `config`. Rebuilds the form for another item; for the
    /// same item, updates the values of the fields not being edited.
    void setItem(const ConfigItemRef &ref, const Config &config);
    /// Located problems of the draft; those on this item's line are shown
    /// under the field they name, or at the top.
    void setDiagnostics(const QList<Diagnostic> &diagnostics, int itemLine);
    /// Disables editing (the XML source is not well-formed).
    void setReadOnly(bool readOnly);

    ConfigItemRef item() const { return m_ref; }
    /// The message shown under a field, or empty.
    QString message(const QString &key) const;
    QWidget *fieldWidget(const QString &key) const;

Q_SIGNALS:
    void edited(const Balancier::ConfigItemRef &ref, const QString &key, const QVariant &value);

private:
    struct Row
    {
        ConfigField field;
        QWidget *editor = nullptr;
        QLabel *message = nullptr;
    };

    void rebuild();
    void refreshValues();
    void commit(Row &row, const QVariant &value);
    /// Checks a value as typed; shows or clears the message. True when valid.
    bool checkValue(Row &row, const QVariant &value);
    QWidget *makeEditor(Row &row);

    ConfigItemRef m_ref;
    Config m_config;
    QList<Row> m_rows;
    QFormLayout *m_layout;
    QLabel *m_title;
    QLabel *m_problems;
    bool m_updating = false;
    bool m_readOnly = false;
};

}  // namespace Balancier
