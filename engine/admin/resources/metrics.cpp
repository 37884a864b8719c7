// GET /metrics: Prometheus text.

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

HttpResponse AdminServer::metrics(Context &)
{
    HttpResponse response;
    response.headers.emplaceBack("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    response.body = AdminFormats::metrics(m_engine.snapshot());
    return response;
}

}  // namespace Balancier
