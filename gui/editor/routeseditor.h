#pragma once

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Balancier {

/// The ordered TLS routes of a service (<route>) in the editor's form: add,
/// remove, drag a row (or Up and Down) to reorder, and the selected route's
/// server names, ALPN protocols, plain switch and group. A route is the
/// text "sni=a.example,*.b.example alpn=h2 -> G" or "plain -> G" (what it
/// matches, an arrow, its group; a plain route may add "silence=2s"); the
/// form turns the list into the model
/// (ConfigFields).
///
/// Thread contract: GUI thread.
class RoutesEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoutesEditor)

public:
    explicit RoutesEditor(QWidget *parent = nullptr);
    ~RoutesEditor() override;

    QStringList routes() const { return m_routes; }
    /// Shows `routes`; emits nothing. Keeps the selection where it can.
    void setRoutes(const QStringList &routes);
    /// The groups offered for a route (the service's).
    void setGroups(const QStringList &groups);

Q_SIGNALS:
    /// The user changed the list: every route, in order.
    void routesEdited(const QStringList &routes);

private:
    void handleSelection();
    void handleAdd();
    void handleRemove();
    void handleMove(int delta);
    void handleDropped();
    void handleRouteEdited();
    void refill(int select);
    void updateButtons();

    QStringList m_routes;
    QListWidget *m_list;
    QLineEdit *m_sni;
    QLineEdit *m_alpn;
    QCheckBox *m_plain;
    QLineEdit *m_silence;
    QComboBox *m_group;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    bool m_filling = false;
};

}  // namespace Balancier
