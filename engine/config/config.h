#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Balancier {

/// Where an element or attribute stood in the file it was read from.
/// Positions never take part in equality: two models that say the same
/// thing are equal wherever their text stood.
struct SourcePos
{
    int line = 0;
    int column = 0;

    bool isValid() const { return line > 0; }
    friend bool operator==(const SourcePos &, const SourcePos &) { return true; }
};

/// Positions of the items of a list (a service's listeners), parallel to it
/// when the model was read from a file; may be shorter or empty otherwise.
/// Like SourcePos, never part of equality.
struct SourcePosList
{
    QList<SourcePos> items;

    SourcePos value(qsizetype index) const { return index < items.size() ? items.at(index) : SourcePos{}; }
    friend bool operator==(const SourcePosList &, const SourcePosList &) { return true; }
};

/// Administrative state of a host, kept in the config so that it survives
/// restarts and reloads. Health (up/down) is runtime-only and not stored.
enum class HostAdminState
{
    Ready,
    Drain,
    Maintenance,
};

QString hostAdminStateName(HostAdminState state);
std::optional<HostAdminState> hostAdminStateFromName(QStringView name);

/// Health-check settings. A group without its own <health> inherits its
/// service's, which inherits the top-level defaults.
struct HealthConfig
{
    qint64 intervalMs = 5000;  ///< probe interval while up
    qint64 timeoutMs = 2000;  ///< connect (and expect) timeout of one probe
    int rise = 2;  ///< consecutive successes to come back up
    int fall = 3;  ///< consecutive failures to go down
    qint64 downIntervalMs = 10000;  ///< slower probe interval while down
    qint64 aggressiveIntervalMs = 1000;  ///< probe interval when every host is down
    bool active = true;  ///< probe hosts that are up
    QByteArray send;  ///< optional bytes sent after connect
    QByteArray expect;  ///< optional reply prefix required

    friend bool operator==(const HealthConfig &, const HealthConfig &) = default;
};

struct TimeoutConfig
{
    qint64 connectMs = 5000;
    qint64 idleMs = 3600000;  ///< 0 means no idle timeout

    friend bool operator==(const TimeoutConfig &, const TimeoutConfig &) = default;
};

/// The PROXY protocol header Balancier sends to a backend before the
/// client's bytes (<group proxy>, <host proxy>): none, v1 (text) or v2 (binary).
enum class ProxySendMode
{
    None,
    V1,
    V2,
};

/// "no", "v1", "v2".
QString proxySendModeName(ProxySendMode mode);
std::optional<ProxySendMode> proxySendModeFromName(QStringView name);

/// The PROXY protocol options of one <listen>: acceptproxy, trusted and
/// proxytimeout. Kept beside ServiceConfig::listeners (by address) so that
/// every use of that plain list stays as it was.
struct ListenerProxyConfig
{
    /// PROXY header versions a connection must start with (acceptproxy="v1,v2").
    enum Version : quint8
    {
        V1 = 1,
        V2 = 2,
    };

    QString listener;  ///< the <listen ip="..."> these options belong to
    quint8 versions = 0;  ///< Version bits; 0: clients speak first, no header
    QStringList trusted;  ///< CIDRs as written: the peers allowed to send a header
    qint64 timeoutMs = 3000;  ///< the whole header must arrive within this (proxytimeout)
    SourcePos pos;

    bool acceptsProxy() const { return versions != 0; }

    friend bool operator==(const ListenerProxyConfig &, const ListenerProxyConfig &) = default;
};

/// "v1", "v2", "v1,v2"; empty for none.
QString proxyVersionsName(quint8 versions);
/// One SNI-selected certificate of a terminating listener:
/// <cert sni="a.example,*.b.example" file="FILE" key="FILE"/> inside <listen>.
struct TlsCertificateConfig
{
    QStringList sni;  ///< exact names or "*.suffix" wildcards, as written
    QString file;  ///< PEM certificate (chain); relative: to the config file's directory
    QString key;  ///< PEM private key
    SourcePos pos;

    friend bool operator==(const TlsCertificateConfig &, const TlsCertificateConfig &) = default;
};

/// TLS termination on one <listen> (tls="terminate" cert key minversion
/// ciphers ciphersuites alpn clientca verifyclient handshaketimeout, and
/// <cert> children). Kept beside ServiceConfig::listeners (by address) like
/// ListenerProxyConfig, so that every use of the plain list stays as it was.
struct ListenerTlsConfig
{
    static constexpr qint64 defaultHandshakeTimeoutMs = 10000;

    QString listener;  ///< the <listen ip="..."> these options belong to
    bool terminate = false;  ///< tls="terminate"
    QString cert;  ///< the default certificate (PEM, chain allowed)
    QString key;  ///< its private key (PEM)
    QString minVersion = QStringLiteral("1.2");  ///< "1.2" or "1.3"
    QString ciphers;  ///< TLS 1.2 cipher list (OpenSSL syntax); empty: OpenSSL's default
    QString cipherSuites;  ///< TLS 1.3 suites (OpenSSL syntax); empty: OpenSSL's default
    QStringList alpn;  ///< protocols advertised, in preference order ("h2", "http/1.1")
    QString clientCa;  ///< CA bundle (PEM) for client certificates; empty: none asked
    bool verifyClient = true;  ///< with clientCa: a client without a valid certificate is refused
    qint64 handshakeTimeoutMs = defaultHandshakeTimeoutMs;  ///< handshaketimeout
    QList<TlsCertificateConfig> certificates;  ///< <cert> children, in order
    SourcePos pos;

    /// Every file this listener reads (certificates, keys, CA), as written.
    QStringList files() const;

    friend bool operator==(const ListenerTlsConfig &, const ListenerTlsConfig &) = default;
};

/// From "v1", "v2", "v1,v2", "v2, v1"; nullopt for anything else (an empty list too).
std::optional<quint8> proxyVersionsFromName(QStringView text);

/// HAProxy's agent check (agent="PORT", agentinterval, agentsend): the
/// host's own agent answers one line that may change its weight, its
/// connection limit, its administrative state or its health.
struct AgentCheckConfig
{
    int port = 0;  ///< 0: no agent
    qint64 intervalMs = 2000;  ///< agentinterval
    QByteArray send;  ///< agentsend: bytes written after connect, may be empty

    bool isEnabled() const { return port > 0; }
    friend bool operator==(const AgentCheckConfig &, const AgentCheckConfig &) = default;
};

/// How a host written as a DNS name becomes addresses (resolve="first|all").
enum class HostResolveMode
{
    First,  ///< the first address only (the behaviour before discovery)
    All,  ///< every A/AAAA record is a host of its own
};
/// "first", "all".
QString hostResolveModeName(HostResolveMode mode);
std::optional<HostResolveMode> hostResolveModeFromName(QStringView name);

/// What happens to a host's open connections when health marks it down
/// (<group ondown="...">).
enum class HostDownAction
{
    None,  ///< they stay until they end (the default)
    ShutdownSessions,  ///< "shutdown-sessions": they are cut at once
};
/// "none", "shutdown-sessions".
QString hostDownActionName(HostDownAction action);
std::optional<HostDownAction> hostDownActionFromName(QStringView name);

/// What happens to the backup hosts' open connections when a primary host
/// comes back (<group onprimaryup="...">).
enum class PrimaryUpAction
{
    None,  ///< they stay; new connections go to the primary
    ShutdownBackupSessions,  ///< "shutdown-backup-sessions": they are cut
};
/// "none", "shutdown-backup-sessions".
QString primaryUpActionName(PrimaryUpAction action);
std::optional<PrimaryUpAction> primaryUpActionFromName(QStringView name);

/// What a guided drain does once its host is empty or its deadline passed
/// (<host drainthen="...">, POST .../drain?then=...).
enum class DrainThen
{
    None,  ///< nothing: the host stays in drain (today's drain)
    Remove,  ///< "remove": the host is removed from the config
    Maintenance,  ///< "maintenance": the host is set to maintenance
};
/// "none", "remove", "maintenance".
QString drainThenName(DrainThen then);
std::optional<DrainThen> drainThenFromName(QStringView name);

/// A group's hosts taken from a DNS SRV record (<discover srv="..." interval="30s"/>).
struct DiscoverConfig
{
    QString srv;  ///< "_service._tcp.example.org"
    qint64 intervalMs = 30000;
    SourcePos pos;

    friend bool operator==(const DiscoverConfig &, const DiscoverConfig &) = default;
};

struct HostConfig
{
    QString name;
    QString address;  ///< "host:port", "[v6]:port"
    int weight = 1;
    int maxConns = 0;  ///< 0 means unlimited
    HostAdminState adminState = HostAdminState::Ready;
    /// The host's own PROXY header choice; nullopt: the group's (proxy="...").
    std::optional<ProxySendMode> proxy;
    /// backup="yes": takes new connections only while no primary host of
    /// the group is up.
    bool backup = false;
    /// slowstart="30s" on the host; nullopt: the group's.
    std::optional<qint64> slowStartMs;
    /// agent="PORT", agentinterval, agentsend on the host; each nullopt:
    /// the group's (GroupConfig::agentOf).
    std::optional<int> agentPort;
    std::optional<qint64> agentIntervalMs;
    std::optional<QByteArray> agentSend;
    /// resolve="first|all" for a host whose address is a DNS name.
    HostResolveMode resolve = HostResolveMode::First;
    /// A guided drain (state="drain" draindeadline="..." drainthen="..."):
    /// when the open connections are cut, as milliseconds since the epoch
    /// (UTC); 0: no deadline of its own (<settings draintimeout> applies).
    /// Kept with the admin state, so that a drain survives a restart.
    qint64 drainDeadlineMs = 0;
    /// What runs once the host is empty or its deadline passed.
    DrainThen drainThen = DrainThen::None;
    /// True when the host is in a guided drain (a deadline or an action).
    bool isGuidedDrain() const
    {
        return adminState == HostAdminState::Drain && (drainDeadlineMs > 0 || drainThen != DrainThen::None);
    }
    /// DNS discovery (runtime only, never read from or written to a file):
    /// empty for a host of the config; "srv" for a host made from a group's
    /// <discover> SRV record, "resolve" for one of the addresses of a
    /// resolve="all" host (then `discoveredFrom` names that host).
    QString discovered;
    QString discoveredFrom;
    SourcePos pos;

    friend bool operator==(const HostConfig &, const HostConfig &) = default;
};

struct GroupConfig
{
    QString name;
    QString scheduler = QStringLiteral("roundrobin");  ///< canonical name (aliases resolved)
    QList<HostConfig> hosts;
    std::optional<HealthConfig> health;
    qint64 stickyTimeoutMs = 1800000;  ///< "sticky" scheduler: how long an idle client keeps its host
    int maglevTableSize = 65537;  ///< "maglev" scheduler: lookup table entries, a prime (tablesize)
    double balanceFactor = 0.0;  ///< "maglev" scheduler: bounded load, > 1.0; 0 means none (balancefactor)
    ProxySendMode proxy = ProxySendMode::None;  ///< the PROXY header sent to its hosts (proxy="...")
    qint64 slowStartMs = 0;  ///< slowstart="30s": a returning host's weight ramps up over this; 0: none
    AgentCheckConfig agent;  ///< agent="PORT", agentinterval, agentsend; port 0: none
    HostDownAction onDown = HostDownAction::None;  ///< ondown="..."
    PrimaryUpAction onPrimaryUp = PrimaryUpAction::None;  ///< onprimaryup="..."
    bool allBackups = false;  ///< allbackups="yes": every backup host takes connections, not the first only
    std::optional<DiscoverConfig> discover;  ///< <discover srv="..."/>: hosts from DNS SRV
    SourcePos pos;

    /// What `host` sends: its own choice, else the group's.
    ProxySendMode proxyOf(const HostConfig &host) const { return host.proxy.value_or(proxy); }
    /// `host`'s slow start: its own, else the group's.
    qint64 slowStartOf(const HostConfig &host) const { return host.slowStartMs.value_or(slowStartMs); }
    /// `host`'s agent check: each of its own attributes, else the group's.
    AgentCheckConfig agentOf(const HostConfig &host) const
    {
        return AgentCheckConfig{host.agentPort.value_or(agent.port),
            host.agentIntervalMs.value_or(agent.intervalMs), host.agentSend.value_or(agent.send)};
    }

    const HostConfig *host(QStringView name) const;
    HostConfig *host(QStringView name);

    friend bool operator==(const GroupConfig &, const GroupConfig &) = default;
};

/// One rule of a service's <acl>: <allow from="CIDR,..."/> or <deny from="CIDR,..."/>.
struct AclRule
{
    enum class Action
    {
        Allow,
        Deny,
    };

    Action action = Action::Deny;
    QStringList
        from;  ///< CIDRs as written ("10.0.0.0/8", "::1", "2001:db8::/32"); a bare address is /32 or /128
    SourcePos pos;

    friend bool operator==(const AclRule &, const AclRule &) = default;
};

/// <acl default="allow|deny"> inside <service>: the first rule whose list
/// holds the client's address decides; none does: the default.
struct AclConfig
{
    bool enabled = false;  ///< true when the service has an <acl> element
    bool defaultAllow = true;
    QList<AclRule> rules;  ///< in the file's order
    SourcePos pos;

    friend bool operator==(const AclConfig &, const AclConfig &) = default;
};

/// <limit perip="N" prefix="32" prefix6="64" rate="N/s" burst="N"
/// mode="enforce|dryrun" table="N"/> inside <service>: per-source limits.
/// A source is the client's address cut to `prefix` (IPv4) or `prefix6`
/// (IPv6) bits; the tracking table holds at most `table` sources (the least
/// recently used one is forgotten first).
struct LimitConfig
{
    static constexpr int defaultTable = 65536;
    static constexpr int minTable = 16;
    static constexpr int maxTable = 16 * 1024 * 1024;
    static constexpr int maxRate = 1000000;

    bool enabled = false;  ///< true when the service has a <limit> element
    int perIp = 0;  ///< open connections per source; 0: no such limit
    int prefix = 32;  ///< IPv4 bits that name a source (0 to 32)
    int prefix6 = 64;  ///< IPv6 bits that name a source (0 to 128)
    int rate = 0;  ///< new connections per `ratePeriodS` per source; 0: no rate limit
    int ratePeriodS = 1;  ///< 1 ("N/s") or 60 ("N/m")
    int burst = 0;  ///< token bucket size; 0: the same as `rate`
    bool dryRun = false;  ///< mode="dryrun": count and log what would be refused, refuse nothing
    int table = defaultTable;  ///< tracked sources at most
    SourcePos pos;

    int effectiveBurst() const { return burst > 0 ? burst : rate; }
    /// "10/s", "600/m"; empty without a rate.
    QString rateText() const;
    /// Reads "N/s" or "N/m" (N from 1 to 1000000) into `rate` and
    /// `ratePeriodS`; false, with the reason in `error`, for anything else.
    static bool parseRate(QStringView text, int *rate, int *periodS, QString *error);

    friend bool operator==(const LimitConfig &, const LimitConfig &) = default;
};

/// One rule of a service's TLS routing (docs/tls-routing.md), in the
/// file's order inside <service>: <route sni="a.example,*.b.example"
/// alpn="h2,http/1.1" group="G"/> or <route plain="yes" group="G"/>. The
/// first rule whose every given list matches the ClientHello decides; none
/// does: the enabled group (the default route).
struct RouteConfig
{
    static constexpr qint64 defaultSilenceMs = 1000;

    QStringList sni;  ///< names as written ("a.example", "*.b.example"); empty: any (or none)
    QStringList alpn;  ///< protocols, any of which the client must offer; empty: any
    bool plain = false;  ///< plain="yes": the route of clients that do not speak TLS
    /// plain="yes" only (silence="1s"): a client that sends nothing this
    /// long (an SSH client waiting for the server's banner) takes this route.
    qint64 silenceMs = defaultSilenceMs;
    QString group;
    SourcePos pos;

    /// A stable label for counters and metrics: "plain", or
    /// "sni=a.example,*.b.example alpn=h2" (the group is not part of it).
    QString label() const;

    friend bool operator==(const RouteConfig &, const RouteConfig &) = default;
};

struct ServiceConfig
{
    static constexpr qint64 defaultPeekTimeoutMs = 5000;
    static constexpr int defaultPeekSize = 16 * 1024;
    static constexpr int minPeekSize = 512;
    static constexpr int maxPeekSize = 32 * 1024;

    QString name;
    QStringList listeners;  ///< "*:port", "0.0.0.0:port", "[::]:port", "host:port"
    /// Those of `listeners` written with optional="yes": one that cannot be
    /// bound when the daemon starts is a warning, not a reason to refuse to start.
    QStringList optionalListeners;
    /// PROXY protocol options of those of `listeners` that have any; at
    /// most one entry per listener address.
    QList<ListenerProxyConfig> listenerProxy;
    /// TLS options of those of `listeners` that terminate TLS; at most one
    /// entry per listener address.
    QList<ListenerTlsConfig> listenerTls;
    QList<GroupConfig> groups;
    QString enabledGroup;
    std::optional<HealthConfig> health;
    std::optional<TimeoutConfig> timeouts;
    AclConfig acl;
    LimitConfig limit;
    /// TLS routing rules (<route>), in order; empty: no peek at all.
    QList<RouteConfig> routes;
    qint64 peekTimeoutMs
        = defaultPeekTimeoutMs;  ///< <service peektimeout>: the whole ClientHello within this
    int peekSize = defaultPeekSize;  ///< <service peeksize>: the largest ClientHello read (bytes)
    SourcePos pos;
    SourcePosList listenerPos;  ///< where each <listen> stood
    SourcePos enablePos;  ///< where <enable> stood; invalid when it was implied

    const GroupConfig *group(QStringView name) const;
    GroupConfig *group(QStringView name);
    /// The PROXY options of `listener`, or nullptr when it has none.
    const ListenerProxyConfig *proxyOptions(QStringView listener) const;
    ListenerProxyConfig *proxyOptions(QStringView listener);
    /// The route with plain="yes", or nullptr.
    const RouteConfig *plainRoute() const;
    /// The TLS options of `listener`, or nullptr when it has none.
    const ListenerTlsConfig *tlsOptions(QStringView listener) const;
    ListenerTlsConfig *tlsOptions(QStringView listener);

    friend bool operator==(const ServiceConfig &, const ServiceConfig &) = default;
};

struct AdminUser
{
    enum class Access
    {
        Full,
        ReadOnly,
    };

    QString name;
    QString passwordHash;  ///< "pbkdf2-sha256$iter$salt$hash" or a legacy crypt() string
    Access access = Access::ReadOnly;
    SourcePos pos;

    friend bool operator==(const AdminUser &, const AdminUser &) = default;
};

struct AdminConfig
{
    bool enabled = false;  ///< true when the file has an <admin> element
    QString listen = QStringLiteral("127.0.0.1:8080");
    QString tlsCertificate;  ///< PEM file; TLS is on when both are set
    QString tlsKey;
    bool allowInsecureRemote = false;  ///< serve plain HTTP on a non-loopback address
    bool metricsPublic = false;  ///< /metrics without authentication
    bool healthPublic = false;  ///< /api/v1/health also for clients that are not on loopback
    /// Web origins ("https://lb.example:8443") whose pages may post to the
    /// API, besides the listen address itself; `origins`, blank-separated.
    QStringList origins;
    QList<AdminUser> users;
    SourcePos pos;

    friend bool operator==(const AdminConfig &, const AdminConfig &) = default;
};

struct LoggingConfig
{
    QString file;  ///< empty: stderr
    QString level = QStringLiteral("info");  ///< debug, info, warning, critical
    bool connections = false;  ///< the connection log: a record per finished connection
    /// The connection log's format: "text" (key=value pairs) or "json" (JSON lines).
    QString format = QStringLiteral("text");
    /// "log": the daemon's log (file, stderr or journal); "syslog": a UNIX datagram socket.
    QString to = QStringLiteral("log");
    QString syslog = QStringLiteral("/dev/log");  ///< the socket for to="syslog"
    qint64 interimMs = 0;  ///< a record every so often for long connections; 0: none
    bool atConnect = false;  ///< a record also when the backend accepts (HAProxy's logasap)

    friend bool operator==(const LoggingConfig &, const LoggingConfig &) = default;
};

/// <ha>: how this node of a keepalived pair tells its VRRP role (see
/// docs/high-availability.md). The role is read when asked, never stored.
struct HaConfig
{
    bool enabled = false;  ///< true when the file has an <ha> element
    QString vip;  ///< the pair's virtual address (no port): present on a local interface = master
    QString stateFile;  ///< the file keepalived's notify script writes MASTER, BACKUP or FAULT into
    SourcePos pos;

    friend bool operator==(const HaConfig &, const HaConfig &) = default;
};

/// <alert url="https://..." | exec="/path/cmd" events="host,group,config,cert"
/// services="a,b" groups="g" .../> at the top level: a notification sent
/// for the balancer's events (docs/alerts.md). Delivered by the engine's
/// AlertManager, only for the alerts the config has.
struct AlertConfig
{
    /// The event kinds an alert may ask for (events="..."): bits.
    enum Kind : quint8
    {
        Host = 1,  ///< "host": a host changed state
        Group = 2,  ///< "group": a group lost its last live host, or got one back
        ConfigApplied = 4,  ///< "config": a config was applied
        Cert = 8,  ///< "cert": a certificate nears expiry (event "cert-expiry")
        AllKinds = Host | Group | ConfigApplied | Cert,
    };
    enum class Format
    {
        Json,  ///< format="json": the event as a JSON object (the default)
        Slack,  ///< format="slack": {"text": "..."}, what Slack and Teams incoming webhooks take
    };

    QString url;  ///< http:// or https:// webhook; empty for an exec hook
    QString exec;  ///< program run with the event in BALANCIER_EVENT_*; empty for a webhook
    quint8 events = AllKinds;  ///< Kind bits
    QStringList services;  ///< only events of these services; empty: all
    QStringList groups;  ///< only events of these groups; empty: all
    qint64 timeoutMs = 5000;  ///< one attempt (HTTP request or program run) at most this long
    int retries = 3;  ///< further attempts after a failed one
    qint64 backoffMs = 1000;  ///< the wait before the first retry; doubled for each next one
    int rate = 60;  ///< at most this many deliveries per `ratePeriodS` (ratelimit="60/m")
    int ratePeriodS = 60;
    int queue = 100;  ///< events waiting for their turn at most; more are dropped (and counted)
    Format format = Format::Json;
    SourcePos pos;

    /// "webhook https://host:port" or "exec /path/cmd": what logs may say
    /// about it (never a URL's user, password, path or query: they may hold a secret).
    QString displayName() const;
    /// "60/m".
    QString rateText() const;

    friend bool operator==(const AlertConfig &, const AlertConfig &) = default;
};

/// "host,group,config,cert" for the bits set, in that order.
QString alertKindsName(quint8 kinds);
/// From a comma-separated list of kinds; nullopt (with the word at fault in `bad`) otherwise.
std::optional<quint8> alertKindsFromName(QStringView text, QString *bad = nullptr);
/// "json", "slack".
QString alertFormatName(AlertConfig::Format format);
std::optional<AlertConfig::Format> alertFormatFromName(QStringView name);

enum class PersistMode
{
    Manual,  ///< runtime changes are written only by an explicit save
    Auto,  ///< every runtime change is written back at once
};

struct SettingsConfig
{
    int workers = 0;  ///< proxy threads; 0 means one per core
    int maxConnections = 0;  ///< global cap on client connections; 0 means none
    qint64 drainTimeoutMs = 30000;
    PersistMode persist = PersistMode::Manual;
    /// How many applied configs the config history keeps (history="50").
    int history = 50;
    /// <settings dnsserver="ADDR[:PORT]">: the name server the DNS discovery
    /// and host name lookups ask directly (UDP); empty: the system's resolver.
    QString dnsServer;
    /// <settings dnsinterval="60s">: the longest wait before a host name is
    /// looked up again (a shorter TTL wins, down to 1 s).
    qint64 dnsIntervalMs = 60000;

    friend bool operator==(const SettingsConfig &, const SettingsConfig &) = default;
};

/// The whole configuration: what the daemon runs, the admin API serves and
/// the GUI edits. A plain value type; copy it freely.
struct Config
{
    int version = 1;
    SettingsConfig settings;
    qint64 checkTimeMs = 0;  ///< minimum time before a failed host is retried
    HealthConfig health;  ///< defaults for every service and group
    TimeoutConfig timeouts;  ///< defaults for every service
    QList<ServiceConfig> services;
    AdminConfig admin;
    LoggingConfig logging;
    HaConfig ha;
    QList<AlertConfig> alerts;  ///< <alert> elements, in the file's order

    const ServiceConfig *service(QStringView name) const;
    ServiceConfig *service(QStringView name);

    /// Health settings in force for a group: group, else service, else top level.
    HealthConfig effectiveHealth(const ServiceConfig &service, const GroupConfig &group) const;
    TimeoutConfig effectiveTimeouts(const ServiceConfig &service) const;

    friend bool operator==(const Config &, const Config &) = default;
};

}  // namespace Balancier
