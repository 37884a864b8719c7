// The explicit command table: every endpoint, its method, role, parameters and handler.

#include "admin/adminformats.h"
#include "admin/adminhost.h"
#include "admin/resources/requestcontext.h"
#include "admin/resources/resourcehelpers.h"
#include "config/address.h"
#include "config/configchangejson.h"
#include "config/configdocument.h"
#include "config/configlimits.h"
#include "config/configreader.h"
#include "config/configvalidator.h"
#include "config/passwordhash.h"
#include "config/schedulerregistry.h"
#include "engine.h"
#include "loghub.h"
#include "ops/operations.h"
#include "stats/statsjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Balancier {

using namespace AdminResources;

const QList<AdminServer::Command> &AdminServer::commands()
{
    // The explicit command table: every endpoint, its method and its role.
    static const QList<Command> table = {
        {"GET", QStringLiteral("/"), Access::Read, &AdminServer::runningPage,
            {QStringLiteral("notice"), QStringLiteral("refresh"), QStringLiteral("ignore"),
                QStringLiteral("resultmessage"), QStringLiteral("verbose")}},
        {"GET", QStringLiteral("/running"), Access::Read, &AdminServer::runningPage,
            {QStringLiteral("notice"), QStringLiteral("refresh"), QStringLiteral("ignore"),
                QStringLiteral("resultmessage"), QStringLiteral("verbose")}},
        {"GET", QStringLiteral("/running.txt"), Access::Read, &AdminServer::runningText,
            {QStringLiteral("verbose")}},
        {"GET", QStringLiteral("/running.xml"), Access::Read, &AdminServer::runningXml,
            {QStringLiteral("verbose")}},
        {"GET", QStringLiteral("/config.xml"), Access::Read, &AdminServer::configXml},
        {"POST", QStringLiteral("/addHost"), Access::Write, &AdminServer::addHost,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"), QStringLiteral("ip"),
                QStringLiteral("weight")}},
        {"POST", QStringLiteral("/delHost"), Access::Write, &AdminServer::delHost,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"), QStringLiteral("ip"),
                QStringLiteral("force")}},
        {"POST", QStringLiteral("/delAllHosts"), Access::Write, &AdminServer::delAllHosts,
            {QStringLiteral("service"), QStringLiteral("group")}},
        {"POST", QStringLiteral("/enableGroup"), Access::Write, &AdminServer::enableGroupCommand,
            {QStringLiteral("service"), QStringLiteral("group")}},
        {"POST", QStringLiteral("/changeScheduler"), Access::Write, &AdminServer::changeScheduler,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("scheduler")}},
        {"POST", QStringLiteral("/addUser"), Access::Write, &AdminServer::addUser,
            {QStringLiteral("name"), QStringLiteral("password"), QStringLiteral("access")}},
        {"POST", QStringLiteral("/delUser"), Access::Write, &AdminServer::delUser, {QStringLiteral("name")}},
        {"POST", QStringLiteral("/save"), Access::Write, &AdminServer::save},
        {"POST", QStringLiteral("/retryHost"), Access::Write, &AdminServer::retryHost,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"),
                QStringLiteral("ip")}},
        {"POST", QStringLiteral("/hostAdminDown"), Access::Write, &AdminServer::hostAdminDown,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"),
                QStringLiteral("ip")}},
        {"POST", QStringLiteral("/hostAdminUp"), Access::Write, &AdminServer::hostAdminUp,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"),
                QStringLiteral("ip")}},
        {"POST", QStringLiteral("/hostDrain"), Access::Write, &AdminServer::hostDrain,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("name"),
                QStringLiteral("ip")}},
        {"POST", QStringLiteral("/newService"), Access::Write, &AdminServer::newService,
            {QStringLiteral("service"), QStringLiteral("listen"), QStringLiteral("group"),
                QStringLiteral("name"), QStringLiteral("ip"), QStringLiteral("scheduler")}},
        {"POST", QStringLiteral("/newGroup"), Access::Write, &AdminServer::newGroup,
            {QStringLiteral("service"), QStringLiteral("group"), QStringLiteral("scheduler")}},
        {"POST", QStringLiteral("/delGroup"), Access::Write, &AdminServer::delGroup,
            {QStringLiteral("service"), QStringLiteral("group")}},
        {"GET", QStringLiteral("/api/v1/status"), Access::Read, &AdminServer::apiStatus},
        {"GET", QStringLiteral("/api/v1/health"), Access::Health, &AdminServer::apiHealth},
        {"GET", QStringLiteral("/api/v1/events"), Access::Read, &AdminServer::apiEvents,
            {QStringLiteral("rate")}},
        {"GET", QStringLiteral("/api/v1/log"), Access::Read, &AdminServer::apiLog, {QStringLiteral("lines")}},
        {"GET", QStringLiteral("/api/v1/config"), Access::Read, &AdminServer::apiGetConfig},
        {"PUT", QStringLiteral("/api/v1/config"), Access::Write, &AdminServer::apiPutConfig,
            {QStringLiteral("dryrun")}},
        {"POST", QStringLiteral("/api/v1/save"), Access::Write, &AdminServer::apiSave},
        {"GET", QStringLiteral("/api/v1/services"), Access::Read, &AdminServer::apiServices},
        {"GET", QStringLiteral("/api/v1/services/{service}"), Access::Read, &AdminServer::apiService},
        {"POST", QStringLiteral("/api/v1/services/{service}/groups/{group}/enable"), Access::Write,
            &AdminServer::apiEnableGroup},
        {"PUT", QStringLiteral("/api/v1/services/{service}/groups/{group}/scheduler"), Access::Write,
            &AdminServer::apiSetScheduler},
        {"GET", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts"), Access::Read,
            &AdminServer::apiHosts},
        {"GET", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}"), Access::Read,
            &AdminServer::apiHost},
        {"PUT", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}"), Access::Write,
            &AdminServer::apiPutHost},
        {"DELETE", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}"), Access::Write,
            &AdminServer::apiDeleteHost, {QStringLiteral("force")}},
        {"POST", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}/{action}"),
            Access::Write, &AdminServer::apiHostAction},
        {"GET", QStringLiteral("/api/v1/services/{service}/groups/{group}/hosts/{host}/history"),
            Access::Read, &AdminServer::apiHostHistory},
        {"GET", QStringLiteral("/metrics"), Access::Public, &AdminServer::metrics},
    };
    return table;
}

}  // namespace Balancier
