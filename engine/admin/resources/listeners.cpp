// GET /api/v1/services/{service}/listeners:
//   [{"listen": "*:443", "optional": false, "tls": "terminate", "minversion": "1.2",
//     "alpn": ["h2"], "clientca": "", "status": {...the service's tlsListeners entry...}}, ...]
// "status" is what /api/v1/services/{service} shows under "tlsListeners".

#include "admin/resources/listeners.h"

#include "admin/resources/requestcontext.h"
#include "admin/resources/resourcehelpers.h"
#include "engine.h"
#include "stats/statsjson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Balancier::AdminResources::Listeners {

HttpResponse list(ResourceEnv &env, RequestContext &context)
{
    const QString name = context.capture(QStringLiteral("service"));
    const Config config = env.engine.runningConfig();
    const ServiceConfig *service = config.service(name);
    if (!service)
        return HttpResponse::error(404, QStringLiteral("no service named '%1'").arg(name), true);
    const StatsSnapshot snapshot = env.engine.snapshot();
    const ServiceStats *stats = snapshot.service(name);
    QJsonArray listeners;
    for (const QString &listen : service->listeners) {
        QJsonObject listener;
        listener.insert(QStringLiteral("listen"), listen);
        listener.insert(QStringLiteral("optional"), service->optionalListeners.contains(listen));
        const ListenerTlsConfig *tls = service->tlsOptions(listen);
        const bool terminate = tls && tls->terminate;
        listener.insert(
            QStringLiteral("tls"), terminate ? QStringLiteral("terminate") : QStringLiteral("no"));
        if (terminate) {
            listener.insert(QStringLiteral("minversion"), tls->minVersion);
            listener.insert(QStringLiteral("alpn"), QJsonArray::fromStringList(tls->alpn));
            listener.insert(QStringLiteral("clientca"), tls->clientCa);
            listener.insert(QStringLiteral("verifyclient"), tls->verifyClient);
            QJsonArray sni;
            for (const TlsCertificateConfig &certificate : tls->certificates)
                sni.append(QJsonObject{{QStringLiteral("sni"), QJsonArray::fromStringList(certificate.sni)},
                    {QStringLiteral("file"), certificate.file}});
            listener.insert(QStringLiteral("sniCertificates"), sni);
            if (stats) {
                for (const TlsListenerStats &status : stats->tlsListeners) {
                    if (status.listen == listen)
                        listener.insert(QStringLiteral("status"), tlsListenersToJson({status}).first());
                }
            }
        }
        listeners.append(listener);
    }
    return HttpResponse::json(200, compact(QJsonObject{{QStringLiteral("listeners"), listeners}}));
}

}  // namespace Balancier::AdminResources::Listeners
