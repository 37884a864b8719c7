// The explicit command table: every endpoint, its method, role, parameters and handler.
//
// A new endpoint is one row here: its method and path pattern, the role it
// needs, the query or form parameters it takes, and a free function
// HttpResponse f(ResourceEnv &, RequestContext &) in the file of its
// resource (a new resource: a new file pair in resources/, listed in
// engine/CMakeLists.txt). Document it in docs/admin-api.md: a test checks it.

#include "admin/resources/commandtable.h"

#include "admin/resources/admission.h"
#include "admin/resources/alerts.h"
#include "admin/resources/configresource.h"
#include "admin/resources/connections.h"
#include "admin/resources/events.h"
#include "admin/resources/groups.h"
#include "admin/resources/history.h"
#include "admin/resources/hosts.h"
#include "admin/resources/legacycommands.h"
#include "admin/resources/listeners.h"
#include "admin/resources/log.h"
#include "admin/resources/metrics.h"
#include "admin/resources/routes.h"
#include "admin/resources/services.h"

namespace Balancier::AdminResources {

const QList<Command> &commands()
{
    // The explicit command table: every endpoint, its method and its role.
    static const QList<Command> table = {
        {"GET", QStringLiteral("/"), Access::Read, &Legacy::runningPage,
            {QStringLiteral("notice"), QStringLiteral("refresh"), QStringLiteral("ignore"),
                QStringLiteral("resultmessage"), QStringLiteral("verbose")}},
        {"GET", QStringLiteral("/running"), Access::Read, &Legacy::runningPage,
            {QStringLiteral("notice"), QStringLiteral("refresh"), QStringLiteral("ignore"),
                QStringLiteral("resultmessage"), QStringLiteral("verbose")}},
        {"GET", QStringLiteral("/running.txt"), Access::Read, &Legacy::runningText,
            {QStringLiteral("verbose")}},
        {"GET", QStringLiteral("/running.xml"), Access::Read, &Legacy::runningXml,
            {QStringLiteral("verbose")}},
        {"GET", QStringLiteral("/config.xml"), Access::Read, &Legacy::configXml},
        {"POST", QStringLiteral("/addHost"), Access::Write, &Legacy::addHost,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"), QStringLiteral("ip"),
                QStringLiteral("weight")}},
        {"POST", QStringLiteral("/delHost"), Access::Write, &Legacy::delHost,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"), QStringLiteral("ip"),
                QStringLiteral("force")}},
        {"POST", QStringLiteral("/delAllHosts"), Access::Write, &Legacy::delAllHosts,
            {QStringLiteral("service"), QStringLiteral("group")}},
        {"POST", QStringLiteral("/enableGroup"), Access::Write, &Legacy::enableGroup,
            {QStringLiteral("service"), QStringLiteral("group")}},
        {"POST", QStringLiteral("/changeScheduler"), Access::Write, &Legacy::changeScheduler,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("scheduler")}},
        {"POST", QStringLiteral("/addUser"), Access::Write, &Legacy::addUser,
            {QStringLiteral("name"), QStringLiteral("password"), QStringLiteral("access")}},
        {"POST", QStringLiteral("/delUser"), Access::Write, &Legacy::delUser, {QStringLiteral("name")}},
        {"POST", QStringLiteral("/save"), Access::Write, &Legacy::save},
        {"POST", QStringLiteral("/retryHost"), Access::Write, &Legacy::retryHost,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"),
                QStringLiteral("ip")}},
        {"POST", QStringLiteral("/hostAdminDown"), Access::Write, &Legacy::hostAdminDown,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"),
                QStringLiteral("ip")}},
        {"POST", QStringLiteral("/hostAdminUp"), Access::Write, &Legacy::hostAdminUp,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"),
                QStringLiteral("ip")}},
        {"POST", QStringLiteral("/hostDrain"), Access::Write, &Legacy::hostDrain,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"), QStringLiteral("ip"),
                QStringLiteral("deadline"), QStringLiteral("then")}},
        {"POST", QStringLiteral("/newService"), Access::Write, &Legacy::newService,
            {QStringLiteral("service"), QStringLiteral("listen"), QStringLiteral("group"),
                QStringLiteral("name"), QStringLiteral("ip"), QStringLiteral("scheduler")}},
        {"POST", QStringLiteral("/newGroup"), Access::Write, &Legacy::newGroup,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("scheduler")}},
        {"POST", QStringLiteral("/delGroup"), Access::Write, &Legacy::delGroup,
            {QStringLiteral("service"), QStringLiteral("group")}},
        {"GET", QStringLiteral("/api/v1/status"), Access::Read, &Services::status},
        {"GET", QStringLiteral("/api/v1/connections"), Access::Read, &Connections::list,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("backend"),
                QStringLiteral("client"), QStringLiteral("minage"), QStringLiteral("minbytes"),
                QStringLiteral("sort"), QStringLiteral("offset"), QStringLiteral("limit")}},
        {"DELETE", QStringLiteral("/api/v1/connections/{id}"), Access::Write, &Connections::close},
        {"GET", QStringLiteral("/api/v1/talkers"), Access::Read, &Connections::talkers,
            {QStringLiteral("service"), QStringLiteral("prefix4"), QStringLiteral("prefix6"),
                QStringLiteral("limit"), QStringLiteral("sort")}},
        {"GET", QStringLiteral("/api/v1/health"), Access::Health, &Services::health},
        {"GET", QStringLiteral("/api/v1/events"), Access::Read, &Events::open, {QStringLiteral("rate")}},
        {"GET", QStringLiteral("/api/v1/log"), Access::Read, &Log::lines, {QStringLiteral("lines")}},
        {"GET", QStringLiteral("/api/v1/config"), Access::Read, &ConfigResource::get},
        {"PUT", QStringLiteral("/api/v1/config"), Access::Write, &ConfigResource::put,
            {QStringLiteral("dryrun")}, Body::Config},
        {"POST", QStringLiteral("/api/v1/save"), Access::Write, &Legacy::save},
        {"GET", QStringLiteral("/api/v1/config/history"), Access::Read, &History::list,
            {QStringLiteral("full")}},
        {"GET", QStringLiteral("/api/v1/config/history/{n}"), Access::Read, &History::one},
        {"POST", QStringLiteral("/api/v1/config/history/{n}/rollback"), Access::Write, &History::rollback},
        {"GET", QStringLiteral("/api/v1/alerts"), Access::Read, &Alerts::list},
        {"GET", QStringLiteral("/api/v1/services"), Access::Read, &Services::all},
        {"GET", QStringLiteral("/api/v1/services/{service}"), Access::Read, &Services::one},
        {"GET", QStringLiteral("/api/v1/services/{service}/listeners"), Access::Read, &Listeners::list},
        {"GET", QStringLiteral("/api/v1/services/{service}/acl"), Access::Read, &Admission::getAcl},
        {"PUT", QStringLiteral("/api/v1/services/{service}/acl"), Access::Write, &Admission::putAcl},
        {"GET", QStringLiteral("/api/v1/services/{service}/limit"), Access::Read, &Admission::getLimit},
        {"PUT", QStringLiteral("/api/v1/services/{service}/limit"), Access::Write, &Admission::putLimit},
        {"GET", QStringLiteral("/api/v1/services/{service}/routes"), Access::Read, &Routes::getRoutes},
        {"PUT", QStringLiteral("/api/v1/services/{service}/routes"), Access::Write, &Routes::putRoutes},
        {"POST", QStringLiteral("/api/v1/services/{service}/groups/{group}/enable"), Access::Write,
            &Groups::enable},
        {"PUT", QStringLiteral("/api/v1/services/{service}/groups/{group}/scheduler"), Access::Write,
            &Groups::setScheduler},
        {"PUT", QStringLiteral("/api/v1/services/{service}/groups/{group}/proxy"), Access::Write,
            &Groups::setProxy},
        {"PUT", QStringLiteral("/api/v1/services/{service}/groups/{group}/lifecycle"), Access::Write,
            &Groups::setLifecycle},
        {"PUT", QStringLiteral("/api/v1/services/{service}/groups/{group}/feedback"), Access::Write,
            &Groups::setFeedback},
        {"GET", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts"), Access::Read,
            &Hosts::list},
        {"GET", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}"), Access::Read,
            &Hosts::get},
        {"PUT", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}"), Access::Write,
            &Hosts::put},
        {"DELETE", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}"), Access::Write,
            &Hosts::remove, {QStringLiteral("force")}},
        // deadline and then: a guided drain (issue 16); the other actions take none.
        {"POST", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}/{action}"),
            Access::Write, &Hosts::action, {QStringLiteral("deadline"), QStringLiteral("then")}},
        {"GET", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}/history"),
            Access::Read, &Hosts::history},
        {"GET", QStringLiteral("/metrics"), Access::Public, &Metrics::prometheus},
    };
    return table;
}

}  // namespace Balancier::AdminResources
