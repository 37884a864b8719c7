#include "configeditcommand.h"

#include "configdraft.h"

namespace Balancier {

ConfigEditCommand::ConfigEditCommand(
    ConfigDraft *draft, QByteArray before, QByteArray after, const QString &text, QString mergeKey)
    : QUndoCommand(text)
    , m_draft(draft)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeKey(std::move(mergeKey))
{ }

ConfigEditCommand::~ConfigEditCommand() = default;

void ConfigEditCommand::undo()
{
    m_draft->restore(m_before);
}

void ConfigEditCommand::redo()
{
    m_draft->restore(m_after);
}

int ConfigEditCommand::id() const
{
    return m_mergeKey.isEmpty() ? -1 : Id;
}

bool ConfigEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ConfigEditCommand *>(other);
    if (next->m_mergeKey != m_mergeKey)
        return false;
    m_after = next->m_after;
    // An edit that came back to where it started is no step at all.
    if (m_after == m_before)
        setObsolete(true);
    return true;
}

}  // namespace Balancier
