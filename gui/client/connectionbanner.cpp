#include "connectionbanner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace Balancier {

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_button(new QPushButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Connection status"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_button);
    connect(m_button, &QPushButton::clicked, this, &ConnectionBanner::actionTriggered);
    hide();
}

ConnectionBanner::~ConnectionBanner() = default;

void ConnectionBanner::showMessage(Level level, const QString &text, const QString &actionText)
{
    m_level = level;
    m_label->setText(text);
    m_button->setText(actionText);
    m_button->setVisible(!actionText.isEmpty());
    const QStyle::StandardPixmap pixmap = level == Level::Error
        ? QStyle::SP_MessageBoxCritical
        : (level == Level::Warning ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(size, size));
    setAccessibleDescription(text);
    applyColors();
    show();
}

QString ConnectionBanner::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void ConnectionBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        // applyColors() sets the palette itself; react only to the application's.
        if (!testAttribute(Qt::WA_SetPalette))
            applyColors();
    }
    QFrame::changeEvent(event);
}

void ConnectionBanner::applyColors()
{
    // A tint of the warning colour over the window colour: readable on light and dark palettes.
    QPalette base = parentWidget() ? parentWidget()->palette() : QPalette();
    const QColor window = base.color(QPalette::Window);
    QColor tint = m_level == Level::Error
        ? QColor(0xd6, 0x2f, 0x2f)
        : (m_level == Level::Warning ? QColor(0xe8, 0x9b, 0x12) : QColor(0x2b, 0x57, 0x97));
    const double alpha = 0.25;
    const QColor mixed = QColor::fromRgbF(float(window.redF() * (1 - alpha) + tint.redF() * alpha),
        float(window.greenF() * (1 - alpha) + tint.greenF() * alpha),
        float(window.blueF() * (1 - alpha) + tint.blueF() * alpha));
    base.setColor(QPalette::Window, mixed);
    setPalette(base);
}

}  // namespace Balancier
