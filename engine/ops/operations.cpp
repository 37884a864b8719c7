#include "ops/operations.h"

#include "config/configvalidator.h"
#include "ops/opsupport.h"

#include <algorithm>

namespace Balancier {

using namespace OpSupport;

OpResult OpResult::fail(
    Failure failure, const QString &element, const QString &message, const QString &parameter)
{
    OpResult result;
    result.failure = failure;
    result.parameter = parameter;
    result.errors.append({Diagnostic::Severity::Error, {}, 0, 0, element, message});
    return result;
}

OpResult OpResult::from(const ApplyResult &applied)
{
    OpResult result;
    static_cast<ApplyResult &>(result) = applied;
    result.failure = applied.ok ? Failure::None : Failure::Refused;
    return result;
}

Operations::Operations(Engine &engine)
    : m_engine(engine)
{ }

void Operations::setAdminMover(AdminMover mover)
{
    m_adminMover = std::move(mover);
}

OpResult Operations::applyEdited(const Config &config)
{
    return OpResult::from(m_engine.apply(config));
}

bool Operations::hasFullAccessUser(const Config &config)
{
    return std::any_of(config.admin.users.cbegin(), config.admin.users.cend(),
        [](const AdminUser &user) { return user.access == AdminUser::Access::Full; });
}

OpResult Operations::addUser(const AdminUser &user)
{
    const QString element = QStringLiteral("user name");
    const QString parameter = QStringLiteral("user");
    if (user.name.isEmpty())
        return OpResult::fail(OpResult::Failure::BadInput, element, QStringLiteral("missing"), parameter);
    // The validator's rule (no ':', no control characters), said before anything is applied.
    if (const QString problem = userNameProblem(user.name); !problem.isEmpty())
        return OpResult::fail(OpResult::Failure::BadInput, element, problem, parameter);
    if (user.passwordHash.isEmpty())
        return OpResult::fail(OpResult::Failure::BadInput, QStringLiteral("user %1").arg(user.name),
            QStringLiteral("no password hash"), QStringLiteral("password"));
    Config config = m_engine.runningConfig();
    for (const AdminUser &existing : std::as_const(config.admin.users)) {
        if (existing.name == user.name)
            return OpResult::fail(OpResult::Failure::Conflict, element,
                QStringLiteral("user '%1' exists already").arg(user.name), parameter);
    }
    config.admin.users.append(user);
    return applyEdited(config);
}

OpResult Operations::removeUser(const QString &name)
{
    Config config = m_engine.runningConfig();
    if (config.admin.users.removeIf([&](const AdminUser &user) { return user.name == name; }) == 0)
        return OpResult::fail(OpResult::Failure::NotFound, QStringLiteral("user name"),
            QStringLiteral("no user named '%1'").arg(name), QStringLiteral("user"));
    // Removing the last full user would leave nobody able to change anything through the API.
    if (hasFullAccessUser(m_engine.runningConfig()) && !hasFullAccessUser(config))
        return OpResult::fail(OpResult::Failure::Conflict, QStringLiteral("user name"),
            QStringLiteral("'%1' is the last user with full access; add another one first").arg(name),
            QStringLiteral("user"));
    return applyEdited(config);
}

OpResult Operations::replaceConfig(const Config &next, const ReplaceOptions &options)
{
    const Config running = m_engine.runningConfig();
    const auto located = [&](OpResult result) {
        for (Diagnostic &error : result.errors) {
            if (error.file.isEmpty())
                error.file = options.source;
        }
        return result;
    };
    // A config without a full user would shut everyone, the caller included,
    // out of every further change through the API.
    if (options.keepFullAccessUser && hasFullAccessUser(running) && !hasFullAccessUser(next)) {
        return located(OpResult::fail(OpResult::Failure::Conflict, QStringLiteral("<admin>"),
            QStringLiteral("no <user access=\"full\">: the admin API could change nothing any more; "
                           "keep at least one user with full access")));
    }
    if (options.dryRun) {
        OpResult result = located(OpResult::from(m_engine.check(next)));
        result.dryRun = true;
        return result;
    }
    // <admin> goes first: when the new address cannot be bound, nothing at all is changed.
    if (m_adminMover) {
        QString error;
        if (!m_adminMover(next.admin, &error)) {
            OpResult result = OpResult::fail(OpResult::Failure::Refused, QStringLiteral("<admin listen>"),
                error + QStringLiteral("; nothing was changed"));
            result.errors.first().line = next.admin.pos.line;
            result.errors.first().column = next.admin.pos.column;
            return located(result);
        }
    }
    OpResult result = located(OpResult::from(m_engine.apply(next)));
    if (!result.ok && m_adminMover) {
        QString error;
        if (!m_adminMover(running.admin, &error))
            result.warnings.append(QStringLiteral("cannot put the admin API back: ") + error);
    }
    return result;
}

OpResult Operations::moveAdmin(const AdminConfig &admin)
{
    Config config = m_engine.runningConfig();
    config.admin = admin;
    return replaceConfig(config, {});
}

}  // namespace Balancier
