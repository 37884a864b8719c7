#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Balancier {

/// A coloured strip above the main view saying that the connection to the
/// balancer is lost (and that the app is trying again), with a button to
/// try at once. Errors show here, not as a dialog per attempt.
///
/// Thread contract: GUI thread.
class ConnectionBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionBanner)

public:
    enum class Level
    {
        Information,
        Warning,
        Error,
    };

    explicit ConnectionBanner(QWidget *parent = nullptr);
    ~ConnectionBanner() override;

    /// Shows `text`; the action button only when `actionText` is not empty.
    void showMessage(Level level, const QString &text, const QString &actionText = {});
    QString text() const;

Q_SIGNALS:
    void actionTriggered();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColors();

    QLabel *m_icon;
    QLabel *m_label;
    QPushButton *m_button;
    Level m_level = Level::Information;
};

}  // namespace Balancier
