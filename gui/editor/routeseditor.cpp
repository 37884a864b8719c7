#include "routeseditor.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Balancier {

namespace {

/// The parts of "sni=a,b alpn=h2 -> G" / "plain -> G".
struct RouteText
{
    QString sni;
    QString alpn;
    bool plain = false;
    QString silence;  ///< a plain route's silence="2s"; empty: the default
    QString extra;  ///< tokens kept as they are (any this editor does not know)
    QString group;

    static RouteText parse(const QString &text)
    {
        RouteText route;
        route.group = text.section(u" -> "_s, 1).trimmed();
        const QStringList tokens = text.section(u" -> "_s, 0, 0).split(u' ', Qt::SkipEmptyParts);
        for (const QString &token : tokens) {
            if (token == u"plain")
                route.plain = true;
            else if (token.startsWith(u"sni="))
                route.sni = token.mid(4);
            else if (token.startsWith(u"alpn="))
                route.alpn = token.mid(5);
            else if (token.startsWith(u"silence="))
                route.silence = token.mid(8);
            else
                route.extra += (route.extra.isEmpty() ? QString() : u" "_s) + token;
        }
        return route;
    }

    QString text() const
    {
        QStringList tokens;
        if (plain) {
            tokens.append(u"plain"_s);
            if (!silence.isEmpty())
                tokens.append(u"silence="_s + silence);
        } else {
            if (!sni.isEmpty())
                tokens.append(u"sni="_s + sni);
            if (!alpn.isEmpty())
                tokens.append(u"alpn="_s + alpn);
        }
        if (!extra.isEmpty())
            tokens.append(extra);
        return tokens.join(u' ') + u" -> "_s + group;
    }
};

/// "a.example, *.b.example" as "a.example,*.b.example".
QString compactList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
    }
    return items.join(u',');
}

}  // namespace

RoutesEditor::RoutesEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_sni(new QLineEdit(this))
    , m_alpn(new QLineEdit(this))
    , m_plain(new QCheckBox(tr("Clients that do not speak TLS"), this))
    , m_silence(new QLineEdit(this))
    , m_group(new QComboBox(this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_up(new QPushButton(tr("Up"), this))
    , m_down(new QPushButton(tr("Down"), this))
{
    m_list->setObjectName(u"routes"_s);
    m_list->setAccessibleName(tr("TLS routes, first match decides; drag to reorder"));
    m_list->setMaximumHeight(140);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_sni->setObjectName(u"routeSni"_s);
    m_sni->setAccessibleName(tr("Server names of the selected route"));
    m_sni->setPlaceholderText(tr("a.example, *.b.example"));
    m_alpn->setObjectName(u"routeAlpn"_s);
    m_alpn->setAccessibleName(tr("ALPN protocols of the selected route"));
    m_alpn->setPlaceholderText(tr("h2, http/1.1"));
    m_plain->setObjectName(u"routePlain"_s);
    m_silence->setObjectName(u"routeSilence"_s);
    m_silence->setAccessibleName(tr("Silence of the plain route"));
    m_silence->setPlaceholderText(tr("1s"));
    m_silence->setToolTip(tr("Plain route only: a client that sends nothing this long (an SSH client "
                             "waiting for the server's banner) takes this route. Empty: 1s."));
    m_group->setObjectName(u"routeGroup"_s);
    m_group->setAccessibleName(tr("Group of the selected route"));
    m_group->setEditable(true);
    m_add->setObjectName(u"routeAdd"_s);
    m_remove->setObjectName(u"routeRemove"_s);
    m_up->setObjectName(u"routeUp"_s);
    m_down->setObjectName(u"routeDown"_s);
    m_up->setAccessibleName(tr("Move the route up"));
    m_down->setAccessibleName(tr("Move the route down"));

    auto *fields = new QFormLayout;
    fields->setContentsMargins(0, 0, 0, 0);
    fields->addRow(tr("Server names"), m_sni);
    fields->addRow(tr("ALPN"), m_alpn);
    fields->addRow(QString(), m_plain);
    fields->addRow(tr("Silence"), m_silence);
    fields->addRow(tr("Group"), m_group);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(fields);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &RoutesEditor::handleSelection);
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, &RoutesEditor::handleDropped);
    connect(m_add, &QPushButton::clicked, this, &RoutesEditor::handleAdd);
    connect(m_remove, &QPushButton::clicked, this, &RoutesEditor::handleRemove);
    connect(m_up, &QPushButton::clicked, this, [this] { handleMove(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { handleMove(+1); });
    connect(m_sni, &QLineEdit::editingFinished, this, &RoutesEditor::handleRouteEdited);
    connect(m_alpn, &QLineEdit::editingFinished, this, &RoutesEditor::handleRouteEdited);
    connect(m_silence, &QLineEdit::editingFinished, this, &RoutesEditor::handleRouteEdited);
    connect(m_plain, &QCheckBox::toggled, this, &RoutesEditor::handleRouteEdited);
    connect(m_group, &QComboBox::currentTextChanged, this, &RoutesEditor::handleRouteEdited);
    updateButtons();
}

RoutesEditor::~RoutesEditor() = default;

void RoutesEditor::setRoutes(const QStringList &routes)
{
    if (routes == m_routes)
        return;
    m_routes = routes;
    refill(std::min(m_list->currentRow(), int(m_routes.size()) - 1));
}

void RoutesEditor::setGroups(const QStringList &groups)
{
    const bool filling = m_filling;
    m_filling = true;
    const QString current = m_group->currentText();
    m_group->clear();
    m_group->addItems(groups);
    m_group->setCurrentText(current);
    m_filling = filling;
}

void RoutesEditor::refill(int select)
{
    m_filling = true;
    m_list->clear();
    for (const QString &route : std::as_const(m_routes))
        m_list->addItem(route);
    m_list->setCurrentRow(select);
    m_filling = false;
    handleSelection();
}

void RoutesEditor::handleSelection()
{
    const int row = m_list->currentRow();
    const bool filling = m_filling;
    m_filling = true;
    if (row >= 0 && row < m_routes.size()) {
        const RouteText route = RouteText::parse(m_routes.at(row));
        m_sni->setText(route.sni);
        m_alpn->setText(route.alpn);
        m_plain->setChecked(route.plain);
        m_silence->setText(route.silence);
        m_group->setCurrentText(route.group);
    } else {
        m_sni->clear();
        m_alpn->clear();
        m_plain->setChecked(false);
        m_silence->clear();
    }
    m_filling = filling;
    updateButtons();
}

void RoutesEditor::updateButtons()
{
    const int row = m_list->currentRow();
    const bool selected = row >= 0 && row < m_routes.size();
    m_sni->setEnabled(selected && !m_plain->isChecked());
    m_alpn->setEnabled(selected && !m_plain->isChecked());
    m_plain->setEnabled(selected);
    m_silence->setEnabled(selected && m_plain->isChecked());
    m_group->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_up->setEnabled(selected && row > 0);
    m_down->setEnabled(selected && row + 1 < m_routes.size());
}

void RoutesEditor::handleAdd()
{
    // A route needs something to match: it starts with an example name the
    // user edits (example.org is for documentation), to the first group.
    const int at = m_list->currentRow() < 0 ? int(m_routes.size()) : m_list->currentRow() + 1;
    RouteText route;
    route.sni = u"www.example.org"_s;
    route.group = m_group->count() > 0 ? m_group->itemText(0) : QString();
    m_routes.insert(at, route.text());
    refill(at);
    m_sni->setFocus();
    m_sni->selectAll();
    Q_EMIT routesEdited(m_routes);
}

void RoutesEditor::handleRemove()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_routes.size())
        return;
    m_routes.removeAt(row);
    refill(std::min(row, int(m_routes.size()) - 1));
    Q_EMIT routesEdited(m_routes);
}

void RoutesEditor::handleMove(int delta)
{
    const int row = m_list->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_routes.size())
        return;
    m_routes.move(row, to);
    refill(to);
    Q_EMIT routesEdited(m_routes);
}

void RoutesEditor::handleDropped()
{
    if (m_filling)
        return;
    // A drag moved a row: the list's order is the new one.
    QStringList routes;
    for (int i = 0; i < m_list->count(); ++i)
        routes.append(m_list->item(i)->text());
    if (routes == m_routes)
        return;
    m_routes = routes;
    updateButtons();
    Q_EMIT routesEdited(m_routes);
}

void RoutesEditor::handleRouteEdited()
{
    const int row = m_list->currentRow();
    if (m_filling || row < 0 || row >= m_routes.size())
        return;
    RouteText route = RouteText::parse(m_routes.at(row));
    route.plain = m_plain->isChecked();
    route.sni = route.plain ? QString() : compactList(m_sni->text());
    route.alpn = route.plain ? QString() : compactList(m_alpn->text());
    route.silence = route.plain ? m_silence->text().remove(u' ') : QString();
    route.group = m_group->currentText().trimmed();
    const QString text = route.text();
    updateButtons();
    if (text == m_routes.at(row))
        return;
    m_routes[row] = text;
    m_list->item(row)->setText(text);
    Q_EMIT routesEdited(m_routes);
}

}  // namespace Balancier
