#pragma once

#include <QByteArray>
#include <QString>
#include <QUndoCommand>

namespace Balancier {

class ConfigDraft;

/// One undoable edit of a ConfigDraft: the text before and after. Undo
/// restores the exact text, so comments removed by an edit come back.
/// Commands with the same merge key in a row merge into one step (typing in
/// the source view, or a spin box stepped several times).
///
/// Thread contract: GUI thread, owned by the draft's QUndoStack.
class ConfigEditCommand final : public QUndoCommand
{
public:
    ConfigEditCommand(
        ConfigDraft *draft, QByteArray before, QByteArray after, const QString &text, QString mergeKey);
    ~ConfigEditCommand() override;
    Q_DISABLE_COPY_MOVE(ConfigEditCommand)

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    /// The id all config edits share; the merge key decides.
    static constexpr int Id = 0x62616c;

private:
    ConfigDraft *m_draft;
    QByteArray m_before;
    QByteArray m_after;
    QString m_mergeKey;
};

}  // namespace Balancier
