#include "applydialog.h"
#include "changetext.h"

#include "changeimpact.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Balancier {

ApplyDialog::ApplyDialog(
    const QList<ConfigChange> &changes, const StatsSnapshot &snapshot, const QString &target, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
    , m_summary(new QLabel(this))
{
    setWindowTitle(tr("Apply to Running Balancer"));
    int disruptive = 0;
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Change"), tr("Impact")});
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setAccessibleName(tr("Changes to apply"));
    for (const ConfigChange &change : changes) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, ChangeText::describe(change));
        const QString impact = ChangeImpact::describe(change, snapshot, changes);
        item->setText(1, impact);
        item->setToolTip(0, ChangeText::describe(change));
        item->setToolTip(1, impact);
        if (ChangeImpact::isDisruptive(change, snapshot, changes)) {
            ++disruptive;
            QFont font = item->font(1);
            font.setBold(true);
            item->setFont(1, font);
        }
    }
    m_list->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_list->header()->resizeSection(0, 380);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(u"applySummary"_s);
    m_summary->setTextFormat(Qt::PlainText);
    QString phrases = ChangeImpact::summarize(changes, snapshot).join(u"; "_s);
    if (!phrases.isEmpty()) {
        phrases[0] = phrases.at(0).toUpper();
        phrases += u".\n\n"_s;
    }
    m_summary->setText(phrases
        + tr("%n change(s) will be applied to %1, live, without a restart.", nullptr, int(changes.size()))
              .arg(target)
        + (disruptive > 0 ? u' ' + tr("%n of them affect(s) live traffic (in bold).", nullptr, disruptive)
                          : QString()));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    apply->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(760, 380);
}

ApplyDialog::~ApplyDialog() = default;

QString ApplyDialog::summaryText() const
{
    return m_summary->text();
}

}  // namespace Balancier
