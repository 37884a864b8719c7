#include "adminformats.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>

namespace Balancier::AdminFormats {

namespace {

QString oneLine(QString text)
{
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text.isEmpty() ? QStringLiteral("-") : text;
}

}  // namespace

QByteArray runningText(const StatsSnapshot &snapshot)
{
    // pythondirector's grammar, which its scripts parse: one "service" line
    // per listener; per group, its live hosts sorted by address, then the
    // others (sorted the same way, for a stable output).
    QString out;
    for (const ServiceStats &service : snapshot.services) {
        const QStringList listeners
            = service.listeners.isEmpty() ? QStringList{QString()} : service.listeners;
        for (const QString &listener : listeners)
            out += QStringLiteral("service %1 %2 %3\n")
                       .arg(service.name, oneLine(listener), oneLine(service.enabledGroup));
        for (const GroupStats &group : service.groups) {
            out += QStringLiteral("group %1 %2\n")
                       .arg(group.name,
                           group.enabled ? QStringLiteral("enabled") : QStringLiteral("inactive"));
            QList<const HostStats *> live;
            QList<const HostStats *> disabled;
            for (const HostStats &host : group.hosts)
                (host.state == u"up" || host.state == u"draining" ? live : disabled).append(&host);
            const auto byAddress = [](const HostStats *a, const HostStats *b) {
                return a->address != b->address ? a->address < b->address : a->name < b->name;
            };
            std::sort(live.begin(), live.end(), byAddress);
            std::sort(disabled.begin(), disabled.end(), byAddress);
            for (const HostStats *host : std::as_const(live))
                out += QStringLiteral("host %1 %2 %3 -\n")
                           .arg(host->name, host->address, QString::number(host->active));
            for (const HostStats *host : std::as_const(disabled)) {
                const QString reason = host->state == u"down" ? host->reason : host->state;
                out += QStringLiteral("disabled %1 %2 %3 -\n")
                           .arg(host->name, host->address, oneLine(reason));
            }
        }
    }
    return out.toUtf8();
}

namespace {

QString label(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'"', QStringLiteral("\\\""));
    escaped.replace(u'\n', QStringLiteral("\\n"));
    return u'"' + escaped + u'"';
}

struct Family
{
    QString name;
    QString type;
    QString help;
    QStringList samples;
};

}  // namespace

QByteArray metrics(const StatsSnapshot &snapshot)
{
    Family hostActive{QStringLiteral("balancier_host_active_connections"), QStringLiteral("gauge"),
        QStringLiteral("Open connections to the host."), {}};
    Family hostTotal{QStringLiteral("balancier_host_connections_total"), QStringLiteral("counter"),
        QStringLiteral("Connections established to the host."), {}};
    Family hostFailed{QStringLiteral("balancier_host_failed_connects_total"), QStringLiteral("counter"),
        QStringLiteral("Connection attempts to the host that failed."), {}};
    Family hostIn{QStringLiteral("balancier_host_received_bytes_total"), QStringLiteral("counter"),
        QStringLiteral("Bytes received from the host and relayed to clients."), {}};
    Family hostOut{QStringLiteral("balancier_host_sent_bytes_total"), QStringLiteral("counter"),
        QStringLiteral("Bytes relayed from clients to the host."), {}};
    Family hostUp{QStringLiteral("balancier_host_up"), QStringLiteral("gauge"),
        QStringLiteral("1 when the host takes new connections, else 0."), {}};
    Family hostWeight{QStringLiteral("balancier_host_weight"), QStringLiteral("gauge"),
        QStringLiteral("Scheduling weight of the host."), {}};
    Family hostEffectiveWeight{QStringLiteral("balancier_host_effective_weight"), QStringLiteral("gauge"),
        QStringLiteral("Weight new connections see: weight x agent % x slow-start ramp."), {}};
    Family hostAgentAnswers{QStringLiteral("balancier_host_agent_answers_total"), QStringLiteral("counter"),
        QStringLiteral("Lines the host's agent answered."), {}};
    Family hostAgentFailures{QStringLiteral("balancier_host_agent_failures_total"), QStringLiteral("counter"),
        QStringLiteral("Queries of the host's agent that got no usable line."), {}};
    Family serviceActive{QStringLiteral("balancier_service_active_connections"), QStringLiteral("gauge"),
        QStringLiteral("Open client connections of the service."), {}};
    Family serviceTotal{QStringLiteral("balancier_service_connections_total"), QStringLiteral("counter"),
        QStringLiteral("Connections established by the service."), {}};
    Family serviceRefused{QStringLiteral("balancier_refused_total"), QStringLiteral("counter"),
        QStringLiteral(
            "Clients refused before a backend was picked (<acl>, <limit>, a PROXY header), by reason."),
        {}};
    Family serviceDryRun{QStringLiteral("balancier_dryrun_refusals_total"), QStringLiteral("counter"),
        QStringLiteral("Clients a dry-run <limit> would have refused and let through, by reason."), {}};
    Family serviceTracked{QStringLiteral("balancier_limit_tracked_sources"), QStringLiteral("gauge"),
        QStringLiteral("Sources in the service's <limit> table."), {}};
    Family serviceEvictions{QStringLiteral("balancier_limit_evictions_total"), QStringLiteral("counter"),
        QStringLiteral("Idle sources forgotten to make room in the service's <limit> table."), {}};
    Family serviceUntracked{QStringLiteral("balancier_limit_untracked_total"), QStringLiteral("counter"),
        QStringLiteral("Connections let through uncounted: the <limit> table was full of sources with open "
                       "connections."),
        {}};
    Family serviceAggressive{QStringLiteral("balancier_service_all_hosts_down"), QStringLiteral("gauge"),
        QStringLiteral("1 when every host of the enabled group is down."), {}};
    // Issue 16: backups and guided drains.
    Family groupBackupActive{QStringLiteral("balancier_group_backup_active"), QStringLiteral("gauge"),
        QStringLiteral("1 while no primary host of the group is up and its backup hosts take the clients."),
        {}};
    Family hostBackup{QStringLiteral("balancier_host_backup"), QStringLiteral("gauge"),
        QStringLiteral("Backup hosts (backup=\"yes\"): 1 while it takes new connections, 0 on standby."), {}};
    Family hostDrainDeadline{QStringLiteral("balancier_host_drain_deadline_seconds"), QStringLiteral("gauge"),
        QStringLiteral("A guided drain's deadline, as Unix time; the host's open connections are "
                       "balancier_host_active_connections."),
        {}};
    Family routeConnections{QStringLiteral("balancier_route_connections_total"), QStringLiteral("counter"),
        QStringLiteral(
            "Connections a TLS route (<route>) sent to its group; route=\"default\": the enabled group."),
        {}};
    // DNS discovery (groups with <discover>)
    Family discoveryLookups{QStringLiteral("balancier_discovery_lookups_total"), QStringLiteral("counter"),
        QStringLiteral("SRV lookups of a group's <discover>, by result (ok, error)."), {}};
    Family discoveredHosts{QStringLiteral("balancier_discovered_hosts"), QStringLiteral("gauge"),
        QStringLiteral("Hosts of the group found by DNS discovery (<discover>, resolve=\"all\")."), {}};
    Family closed{QStringLiteral("balancier_connections_closed_total"), QStringLiteral("counter"),
        QStringLiteral("Client connections that ended, by termination code (docs/connection-log.md)."), {}};

    Family tlsHandshakes{QStringLiteral("balancier_tls_handshakes_total"), QStringLiteral("counter"),
        QStringLiteral("TLS handshakes of terminating listeners, by result (ok, failed, timeout)."), {}};
    Family tlsExpiry{QStringLiteral("balancier_tls_cert_expiry_seconds"), QStringLiteral("gauge"),
        QStringLiteral("Seconds until the earliest certificate of a terminating listener expires."), {}};
    Family tlsKernel{QStringLiteral("balancier_tls_ktls_connections_total"), QStringLiteral("counter"),
        QStringLiteral("Terminated connections whose records the kernel carries (kTLS)."), {}};

    for (const ServiceStats &service : snapshot.services) {
        const QString serviceLabel = QStringLiteral("service=") + label(service.name);
        for (auto it = service.refused.cbegin(); it != service.refused.cend(); ++it) {
            serviceRefused.samples.append(u'{' + serviceLabel + QStringLiteral(",reason=") + label(it.key())
                + QStringLiteral("} ") + QString::number(it.value()));
        }
        serviceActive.samples.append(
            u'{' + serviceLabel + QStringLiteral("} ") + QString::number(service.active));
        serviceTotal.samples.append(
            u'{' + serviceLabel + QStringLiteral("} ") + QString::number(service.total));
        serviceAggressive.samples.append(
            u'{' + serviceLabel + QStringLiteral("} ") + (service.aggressive ? u'1' : u'0'));
        for (const TlsListenerStats &tls : service.tlsListeners) {
            const QString labels = u'{' + serviceLabel + QStringLiteral(",listener=") + label(tls.listen);
            const std::pair<QLatin1StringView, qint64> results[] = {{QLatin1StringView("ok"), tls.handshakes},
                {QLatin1StringView("failed"), tls.failures}, {QLatin1StringView("timeout"), tls.timeouts}};
            for (const auto &[result, count] : results) {
                tlsHandshakes.samples.append(labels + QStringLiteral(",result=\"") + result
                    + QStringLiteral("\"} ") + QString::number(count));
            }
            if (tls.earliestNotAfter.isValid()) {
                tlsExpiry.samples.append(labels + QStringLiteral("} ")
                    + QString::number(QDateTime::currentDateTimeUtc().secsTo(tls.earliestNotAfter)));
            }
            tlsKernel.samples.append(labels + QStringLiteral("} ") + QString::number(tls.ktlsConnections));
        }
        for (auto it = service.closed.cbegin(); it != service.closed.cend(); ++it) {
            closed.samples.append(u'{' + serviceLabel + QStringLiteral(",termination=") + label(it.key())
                + QStringLiteral("} ") + QString::number(it.value()));
        }
        for (const RouteStats &route : service.routes) {
            routeConnections.samples.append(u'{' + serviceLabel + QStringLiteral(",route=")
                + label(route.label) + QStringLiteral(",group=") + label(route.group) + QStringLiteral("} ")
                + QString::number(route.connections));
        }
        const std::pair<QLatin1StringView, qint64> refused[]
            = {{QLatin1StringView("acl-denied"), service.refusedAcl},
                {QLatin1StringView("limit-concurrent"), service.refusedConcurrent},
                {QLatin1StringView("limit-rate"), service.refusedRate}};
        for (const auto &[reason, count] : refused) {
            serviceRefused.samples.append(u'{' + serviceLabel + QStringLiteral(",reason=\"") + reason
                + QStringLiteral("\"} ") + QString::number(count));
        }
        const std::pair<QLatin1StringView, qint64> dryRun[]
            = {{QLatin1StringView("limit-concurrent"), service.dryRunConcurrent},
                {QLatin1StringView("limit-rate"), service.dryRunRate}};
        for (const auto &[reason, count] : dryRun) {
            serviceDryRun.samples.append(u'{' + serviceLabel + QStringLiteral(",reason=\"") + reason
                + QStringLiteral("\"} ") + QString::number(count));
        }
        if (service.trackedSources >= 0) {
            serviceTracked.samples.append(
                u'{' + serviceLabel + QStringLiteral("} ") + QString::number(service.trackedSources));
            serviceEvictions.samples.append(
                u'{' + serviceLabel + QStringLiteral("} ") + QString::number(service.sourceEvictions));
            serviceUntracked.samples.append(
                u'{' + serviceLabel + QStringLiteral("} ") + QString::number(service.sourceUntracked));
        }
        for (const GroupStats &group : service.groups) {
            const QString groupLabels
                = u'{' + serviceLabel + QStringLiteral(",group=") + label(group.name) + QStringLiteral("} ");
            groupBackupActive.samples.append(groupLabels + (group.backupActive ? u'1' : u'0'));
            for (const HostStats &host : group.hosts) {
                const QString hostLabels = u'{' + serviceLabel + QStringLiteral(",group=") + label(group.name)
                    + QStringLiteral(",host=") + label(host.name) + QStringLiteral("} ");
                if (host.backup)
                    hostBackup.samples.append(hostLabels + (host.standby ? u'0' : u'1'));
                if (host.drainDeadlineMs > 0)
                    hostDrainDeadline.samples.append(
                        hostLabels + QString::number(host.drainDeadlineMs / 1000));
            }
            const QString groupPrefix = u'{' + serviceLabel + QStringLiteral(",group=") + label(group.name);
            if (!group.discovery.srv.isEmpty()) {
                discoveryLookups.samples.append(groupPrefix + QStringLiteral(",result=\"ok\"} ")
                    + QString::number(group.discovery.lookupsOk));
                discoveryLookups.samples.append(groupPrefix + QStringLiteral(",result=\"error\"} ")
                    + QString::number(group.discovery.lookupsFailed));
            }
            const auto discovered = std::count_if(group.hosts.cbegin(), group.hosts.cend(),
                [](const HostStats &host) { return !host.discovered.isEmpty(); });
            if (discovered > 0 || !group.discovery.srv.isEmpty())
                discoveredHosts.samples.append(groupLabels + QString::number(discovered));
            for (const HostStats &host : group.hosts) {
                const QString labels = u'{' + serviceLabel + QStringLiteral(",group=") + label(group.name)
                    + QStringLiteral(",host=") + label(host.name) + u'}';
                hostActive.samples.append(labels + u' ' + QString::number(host.active));
                hostTotal.samples.append(labels + u' ' + QString::number(host.total));
                hostFailed.samples.append(labels + u' ' + QString::number(host.failedConnects));
                hostIn.samples.append(labels + u' ' + QString::number(host.bytesIn));
                hostOut.samples.append(labels + u' ' + QString::number(host.bytesOut));
                hostUp.samples.append(labels + u' ' + (host.state == u"up" ? u'1' : u'0'));
                hostWeight.samples.append(labels + u' ' + QString::number(host.weight));
                hostEffectiveWeight.samples.append(labels + u' ' + QString::number(host.effectiveWeight));
                if (host.agent) {
                    hostAgentAnswers.samples.append(labels + u' ' + QString::number(host.agentAnswers));
                    hostAgentFailures.samples.append(labels + u' ' + QString::number(host.agentFailures));
                }
            }
        }
    }

    QString out;
    out += QStringLiteral("# HELP balancier_active_connections Open client connections.\n"
                          "# TYPE balancier_active_connections gauge\n"
                          "balancier_active_connections %1\n")
               .arg(snapshot.activeConnections);
    // One sample per role, 1 for the one in force: a state set, so that a
    // query can alert on the role without knowing its words.
    out += QStringLiteral("# HELP balancier_ha_role This node's VRRP role in a keepalived pair (<ha>): 1 for "
                          "the current one.\n# TYPE balancier_ha_role gauge\n");
    for (const QString &role :
        {QStringLiteral("master"), QStringLiteral("backup"), QStringLiteral("unknown")})
        out += QStringLiteral("balancier_ha_role{role=\"%1\"} %2\n")
                   .arg(role, snapshot.haRole == role ? u"1" : u"0");
    if (!snapshot.workers.isEmpty()) {
        QString accepted
            = QStringLiteral("# HELP balancier_worker_connections_total Connections each worker thread "
                             "accepted (SO_REUSEPORT spreads "
                             "them by hash).\n# TYPE balancier_worker_connections_total counter\n");
        QString open
            = QStringLiteral("# HELP balancier_worker_open_connections Sessions open in each worker thread.\n"
                             "# TYPE balancier_worker_open_connections gauge\n");
        for (qsizetype i = 0; i < snapshot.workers.size(); ++i) {
            const QString labels = QStringLiteral("{worker=\"%1\"} ").arg(i);
            accepted += QStringLiteral("balancier_worker_connections_total") + labels
                + QString::number(snapshot.workers.at(i).accepted) + u'\n';
            open += QStringLiteral("balancier_worker_open_connections") + labels
                + QString::number(snapshot.workers.at(i).open) + u'\n';
        }
        out += accepted + open;
    }
    if (!snapshot.poller.isEmpty()) {
        out += QStringLiteral(
                   "# HELP balancier_poller_info What the worker threads wait for readiness with.\n"
                   "# TYPE balancier_poller_info gauge\n"
                   "balancier_poller_info{poller=")
            + label(snapshot.poller) + QStringLiteral("} 1\n");
    }
    out += QStringLiteral("# HELP balancier_connlog_dropped_total Connection log records dropped because the "
                          "writer fell behind.\n# TYPE balancier_connlog_dropped_total counter\n"
                          "balancier_connlog_dropped_total %1\n")
               .arg(snapshot.connectionLogDropped);
    // Families of features a config may not use appear only with samples.
    const QList<const Family *> optional{&serviceTracked, &serviceEvictions, &serviceUntracked,
        &routeConnections, &hostBackup, &hostDrainDeadline, &discoveryLookups, &discoveredHosts,
        &tlsHandshakes, &tlsExpiry, &tlsKernel};
    for (const Family *family :
        {&serviceActive, &serviceTotal, &serviceAggressive, &serviceRefused, &serviceDryRun, &serviceTracked,
            &serviceEvictions, &serviceUntracked, &routeConnections, &closed, &hostActive, &hostTotal,
            &hostFailed, &hostIn, &hostOut, &hostUp, &hostWeight, &groupBackupActive, &hostBackup,
            &hostDrainDeadline, &discoveryLookups, &discoveredHosts, &tlsHandshakes, &tlsExpiry, &tlsKernel,
            &hostEffectiveWeight, &hostAgentAnswers, &hostAgentFailures}) {
        if (family->samples.isEmpty() && optional.contains(family))
            continue;
        out += QStringLiteral("# HELP %1 %2\n# TYPE %1 %3\n").arg(family->name, family->help, family->type);
        for (const QString &sample : family->samples)
            out += family->name + sample + u'\n';
    }
    return out.toUtf8();
}

QByteArray statusPage(const StatsSnapshot &snapshot, const QString &user, bool canWrite,
    const QString &csrfToken, const QString &notice)
{
    const auto e = [](const QString &text) -> QString {
        return text.toHtmlEscaped();
    };
    const auto form = [&](const QString &action, const QString &label,
                          const QList<QPair<QString, QString>> &fields) {
        QString html = QStringLiteral("<form method=\"post\" action=\"/%1\">").arg(e(action));
        for (const auto &[name, value] : fields)
            html += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">").arg(e(name), e(value));
        html += QStringLiteral("<input type=\"hidden\" name=\"csrf\" value=\"%1\">"
                               "<input type=\"hidden\" name=\"redirect\" value=\"1\">"
                               "<button type=\"submit\">%2</button></form>")
                    .arg(e(csrfToken), e(label));
        return html;
    };

    QString body;
    if (!notice.isEmpty())
        body += QStringLiteral("<p class=\"notice\">%1</p>").arg(e(notice));
    for (const ServiceStats &service : snapshot.services) {
        body += QStringLiteral("<section><h2>Service %1</h2><p>Listening on %2 &middot; enabled group "
                               "<b>%3</b> &middot; <span data-service-active=\"%1\">%4</span> open</p>")
                    .arg(e(service.name), e(service.listeners.join(QStringLiteral(", "))),
                        e(service.enabledGroup), QString::number(service.active));
        for (const GroupStats &group : service.groups) {
            body += QStringLiteral("<h3>Group %1 (%2)%3</h3>")
                        .arg(e(group.name), e(group.scheduler),
                            group.enabled ? QStringLiteral(" &mdash; enabled") : QString());
            if (canWrite && !group.enabled)
                body += form(QStringLiteral("enableGroup"), QStringLiteral("Enable this group"),
                    {{QStringLiteral("service"), service.name}, {QStringLiteral("group"), group.name}});
            body += QStringLiteral(
                "<table><thead><tr><th>Host</th><th>Address</th><th>State</th><th>Reason</th>"
                "<th>Open</th><th>Total</th><th>Failed</th><th>Bytes in</th><th>Bytes out</th>"
                "%1</tr></thead><tbody>")
                        .arg(canWrite ? QStringLiteral("<th>Actions</th>") : QString());
            for (const HostStats &host : group.hosts) {
                const QString id = e(service.name + u'/' + group.name + u'/' + host.name);
                // An explicit QString: a QStringBuilder would outlive the literals it points to.
                const auto cell = [](const QString &cls, const QString &text) -> QString {
                    return QStringLiteral("<td class=\"") + cls + QStringLiteral("\">") + text
                        + QStringLiteral("</td>");
                };
                body += QStringLiteral("<tr data-host=\"") + id + QStringLiteral("\"><td>") + e(host.name)
                    + QStringLiteral("</td><td>") + e(host.address) + QStringLiteral("</td>")
                    + cell(QStringLiteral("state ") + e(host.state), e(host.state)) + QStringLiteral("<td>")
                    + e(host.reason) + QStringLiteral("</td>")
                    + cell(QStringLiteral("active"), QString::number(host.active))
                    + cell(QStringLiteral("total"), QString::number(host.total))
                    + cell(QStringLiteral("failed"), QString::number(host.failedConnects))
                    + cell(QStringLiteral("in"), QString::number(host.bytesIn))
                    + cell(QStringLiteral("out"), QString::number(host.bytesOut));
                if (canWrite) {
                    const QList<QPair<QString, QString>> target = {{QStringLiteral("service"), service.name},
                        {QStringLiteral("group"), group.name}, {QStringLiteral("name"), host.name}};
                    body += QStringLiteral("<td class=\"actions\">")
                        + form(QStringLiteral("hostDrain"), QStringLiteral("Drain"), target)
                        + form(QStringLiteral("hostAdminDown"), QStringLiteral("Maintenance"), target)
                        + form(QStringLiteral("hostAdminUp"), QStringLiteral("Ready"), target)
                        + form(QStringLiteral("delHost"), QStringLiteral("Remove"), target)
                        + QStringLiteral("</td>");
                }
                body += QStringLiteral("</tr>");
            }
            body += QStringLiteral("</tbody></table>");
            if (canWrite) {
                body += QStringLiteral(
                    "<form method=\"post\" action=\"/addHost\" class=\"add\">"
                    "<input type=\"hidden\" name=\"service\" value=\"%1\">"
                    "<input type=\"hidden\" name=\"group\" value=\"%2\">"
                    "<input type=\"hidden\" name=\"csrf\" value=\"%3\">"
                    "<input type=\"hidden\" name=\"redirect\" value=\"1\">"
                    "<input name=\"name\" placeholder=\"name\" required aria-label=\"host name\">"
                    "<input name=\"ip\" placeholder=\"host:port\" required aria-label=\"address\">"
                    "<button type=\"submit\">Add host</button></form>")
                            .arg(e(service.name), e(group.name), e(csrfToken));
            }
        }
        body += QStringLiteral("</section>");
    }

    const QString page = QStringLiteral(R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Balancier status</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}
.state.up{color:#186a1e}.state.down{color:#b00020;font-weight:bold}.state.draining{color:#a65e00}
.state.maintenance{color:#555}form{display:inline;margin-right:.3em}.notice{background:#eef;padding:.5em}
#live{color:#666;font-size:90%}
</style></head><body>
<h1>Balancier</h1><p>Signed in as %1. <span id="live">connecting to the live stream&hellip;</span></p>
%2
<script>
(function(){
  var live=document.getElementById('live');
  if(!window.EventSource){live.textContent='live updates need EventSource';return;}
  var source=new EventSource('/api/v1/events?rate=2');
  source.onopen=function(){live.textContent='live';};
  source.onerror=function(){live.textContent='reconnecting…';};
  source.addEventListener('stats',function(ev){
    var s=JSON.parse(ev.data);
    s.services.forEach(function(svc){
      var a=document.querySelector('[data-service-active="'+CSS.escape(svc.name)+'"]');
      if(a)a.textContent=svc.active;
      svc.groups.forEach(function(g){g.hosts.forEach(function(h){
        var row=document.querySelector('tr[data-host="'+CSS.escape(svc.name+'/'+g.name+'/'+h.name)+'"]');
        if(!row)return;
        var st=row.querySelector('.state');st.textContent=h.state;st.className='state '+h.state;
        row.children[3].textContent=h.reason;
        row.querySelector('.active').textContent=h.active;row.querySelector('.total').textContent=h.total;
        row.querySelector('.failed').textContent=h.failedConnects;
        row.querySelector('.in').textContent=h.bytesIn;row.querySelector('.out').textContent=h.bytesOut;
      });});
    });
  });
  source.addEventListener('config',function(){location.reload();});
})();
</script></body></html>
)");
    return page.arg(e(user), body).toUtf8();
}

}  // namespace Balancier::AdminFormats
