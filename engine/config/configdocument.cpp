#include "configdocument.h"

#include "config/cidr.h"
#include "config/configattributes.h"

#include "configreader.h"
#include "configxmlstream.h"
#include "duration.h"
#include "routerules.h"
#include "schedulerregistry.h"
#include "xmllayoutmerge.h"
#include "xmlnode.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Balancier {

struct ConfigDocument::Private
{
    XmlNode document;
};

namespace {

using namespace ConfigAttributes;

// ---- structure -------------------------------------------------------------

// The canonical order of child elements: where a new element goes when no
// sibling of its own kind exists yet.
const QList<QLatin1StringView> rootOrder = {"settings"_L1, "checktime"_L1, "health"_L1, "timeouts"_L1,
    "logging"_L1, "admin"_L1, "ha"_L1, "alert"_L1, "service"_L1};
const QList<QLatin1StringView> serviceOrder
    = {"listen"_L1, "timeouts"_L1, "health"_L1, "acl"_L1, "limit"_L1, "route"_L1, "group"_L1, "enable"_L1};
const QList<QLatin1StringView> groupOrder = {"health"_L1, "discover"_L1, "host"_L1};
const QList<QLatin1StringView> adminOrder = {"user"_L1};

/// An element of the config vocabulary: no prefix and no default namespace
/// of its own. Anything else (foreign namespaces) is left as it is.
bool isNative(const XmlNode &node)
{
    if (!node.isElement() || !node.prefix().isEmpty())
        return false;
    const qsizetype xmlns = node.attributeIndex(u"xmlns");
    return xmlns < 0 || node.attributes.at(xmlns).value.isEmpty();
}

qsizetype rankOf(const QList<QLatin1StringView> &order, QAnyStringView name)
{
    for (qsizetype i = 0; i < order.size(); ++i) {
        if (QAnyStringView::equal(order.at(i), name))
            return i;
    }
    return -1;
}

bool isKind(const XmlNode &node, QLatin1StringView kind)
{
    return isNative(node) && node.name == kind;
}

/// A comment standing on the same line right after children[index] belongs
/// to it: it moves and goes with it.
std::size_t endOfItem(const XmlNode &parent, std::size_t index)
{
    if (index + 1 < parent.children.size() && parent.children[index + 1].sameLine)
        return index + 2;
    return index + 1;
}

void removeChild(XmlNode &parent, std::size_t index)
{
    const std::size_t end = endOfItem(parent, index);
    const bool blankLine = parent.children[index].blankLineBefore;
    parent.children.erase(
        parent.children.begin() + qsizetype(index), parent.children.begin() + qsizetype(end));
    if (blankLine && index < parent.children.size())
        parent.children[index].blankLineBefore = true;
}

/// Inserts new elements, in their order, after the last sibling of their
/// kind; else after the last sibling that canonically precedes them; else
/// before the first that follows them (and before the comments just above
/// that one, which describe it); else at the end.
void insertChildren(XmlNode &parent, std::vector<XmlNode> children, QLatin1StringView kind,
    const QList<QLatin1StringView> &order)
{
    if (children.empty())
        return;
    const qsizetype rank = rankOf(order, kind);
    std::optional<std::size_t> sameKind;
    std::optional<std::size_t> preceding;
    std::optional<std::size_t> following;
    for (std::size_t i = 0; i < parent.children.size(); ++i) {
        const XmlNode &node = parent.children[i];
        if (!isNative(node))
            continue;
        const qsizetype nodeRank = rankOf(order, node.name);
        if (node.name == kind)
            sameKind = i;
        else if (nodeRank >= 0 && nodeRank < rank)
            preceding = i;
        else if (nodeRank > rank && !following)
            following = i;
    }

    std::size_t position = parent.children.size();
    if (sameKind || preceding) {
        const std::size_t after = sameKind ? *sameKind : *preceding;
        if (sameKind) {
            for (XmlNode &child : children)
                child.blankLineBefore = parent.children[after].blankLineBefore;
        }
        position = endOfItem(parent, after);
    } else if (following) {
        position = *following;
        while (position > 0 && !parent.children[position].blankLineBefore
            && parent.children[position - 1].type == XmlNode::Type::Comment
            && !parent.children[position - 1].sameLine) {
            --position;
        }
    }
    parent.children.insert(parent.children.begin() + qsizetype(position),
        std::make_move_iterator(children.begin()), std::make_move_iterator(children.end()));
}

/// Keeps the first element of `kind` in step with the model: updated when
/// `wanted`, removed when not, created when missing and either `keepEmpty`
/// or some attribute differs from what the reader would infer.
template<typename Fill>
void syncSingleton(XmlNode &parent, QLatin1StringView kind, const QList<QLatin1StringView> &order,
    bool wanted, bool keepEmpty, Fill fill)
{
    for (std::size_t i = 0; i < parent.children.size(); ++i) {
        if (!isKind(parent.children[i], kind))
            continue;
        if (wanted)
            fill(parent.children[i], false);
        else
            removeChild(parent, i);
        return;
    }
    if (!wanted)
        return;
    XmlNode element = XmlNode::element(kind);
    fill(element, true);
    if (keepEmpty || !element.attributes.isEmpty() || !element.children.empty()) {
        std::vector<XmlNode> children;
        children.push_back(std::move(element));
        insertChildren(parent, std::move(children), kind, order);
    }
}

/// Matches the elements of `kind` to model items by key: matched elements
/// are updated in place, the others removed (a duplicate name counts as
/// removed), and items without an element get a new one after the last
/// element of their kind, in model order.
template<typename Item, typename Key, typename Fill>
void syncList(XmlNode &parent, QLatin1StringView kind, const QList<QLatin1StringView> &order,
    const QList<Item> &items, Key keyOfItem, QLatin1StringView keyAttribute, Fill fill)
{
    // Unmatched item indices by key, first first (a list may repeat a key).
    QHash<QString, QList<qsizetype>> unmatched;
    for (qsizetype j = 0; j < items.size(); ++j)
        unmatched[keyOfItem(items.at(j))].append(j);
    QList<bool> matched(items.size(), false);
    std::vector<std::size_t> removed;
    for (std::size_t i = 0; i < parent.children.size(); ++i) {
        XmlNode &node = parent.children[i];
        if (!isKind(node, kind))
            continue;
        const auto it = unmatched.find(node.attribute(keyAttribute));
        if (it == unmatched.end() || it->isEmpty()) {
            removed.push_back(i);
            continue;
        }
        const qsizetype match = it->takeFirst();
        matched[match] = true;
        fill(node, items.at(match), false);
    }
    for (auto it = removed.rbegin(); it != removed.rend(); ++it)
        removeChild(parent, *it);
    std::vector<XmlNode> added;
    for (qsizetype j = 0; j < items.size(); ++j) {
        if (matched.at(j))
            continue;
        XmlNode element = XmlNode::element(kind);
        fill(element, items.at(j), true);
        added.push_back(std::move(element));
    }
    insertChildren(parent, std::move(added), kind, order);
}

void syncHost(XmlNode &element, const HostConfig &host, bool isNew)
{
    applyAttributes(element, hostAttributes(host), isNew);
    if (!host.proxy)
        element.removeAttribute(u"proxy");  // the group's choice again
    if (host.drainDeadlineMs <= 0)
        element.removeAttribute(u"draindeadline");  // no guided drain (any more)
    if (host.drainThen == DrainThen::None)
        element.removeAttribute(u"drainthen");
    // backend feedback: the group's again
    if (!host.slowStartMs)
        element.removeAttribute(u"slowstart");
    if (!host.agentPort)
        element.removeAttribute(u"agent");
    if (!host.agentIntervalMs)
        element.removeAttribute(u"agentinterval");
    if (!host.agentSend)
        element.removeAttribute(u"agentsend");
}

void syncGroup(XmlNode &element, const GroupConfig &group, const HealthConfig &serviceHealth, bool isNew)
{
    applyAttributes(element, groupAttributes(group), isNew);
    syncSingleton(
        element, "health"_L1, groupOrder, group.health.has_value(), true, [&](XmlNode &health, bool fresh) {
            applyAttributes(health, healthAttributes(*group.health, serviceHealth), fresh);
        });
    // DNS discovery: <discover srv interval/>
    syncSingleton(element, "discover"_L1, groupOrder, group.discover.has_value(), true,
        [&](XmlNode &discover, bool fresh) {
            applyAttributes(discover, discoverAttributes(*group.discover), fresh);
        });
    syncList(
        element, "host"_L1, groupOrder, group.hosts, [](const HostConfig &host) { return host.name; },
        "name"_L1, syncHost);
}

QLatin1StringView aclActionName(AclRule::Action action)
{
    return action == AclRule::Action::Allow ? "allow"_L1 : "deny"_L1;
}

/// The rules are an ordered list without names: kept as written while they
/// say the same (action and items, whatever the spacing), else written anew.
void syncAcl(XmlNode &element, const AclConfig &acl, bool isNew)
{
    applyAttributes(element, aclAttributes(acl), isNew);
    QList<std::size_t> ruleNodes;
    for (std::size_t i = 0; i < element.children.size(); ++i) {
        if (isKind(element.children[i], "allow"_L1) || isKind(element.children[i], "deny"_L1))
            ruleNodes.append(i);
    }
    bool same = ruleNodes.size() == acl.rules.size();
    for (qsizetype r = 0; same && r < acl.rules.size(); ++r) {
        const XmlNode &node = element.children[ruleNodes.at(r)];
        const AclRule &rule = acl.rules.at(r);
        same = node.name == aclActionName(rule.action)
            && Cidr::splitList(node.attribute(u"from")) == rule.from;
    }
    if (same)
        return;
    for (auto it = ruleNodes.crbegin(); it != ruleNodes.crend(); ++it)
        removeChild(element, *it);
    for (const AclRule &rule : acl.rules) {
        XmlNode node = XmlNode::element(aclActionName(rule.action));
        node.setAttribute(u"from"_s, rule.from.join(u","_s));
        element.children.push_back(std::move(node));
    }
}

void syncLimit(XmlNode &element, const LimitConfig &limit, bool isNew)
{
    if (limit.rate <= 0)
        element.removeAttribute(u"rate");
    if (limit.burst <= 0)
        element.removeAttribute(u"burst");
    applyAttributes(element, limitAttributes(limit), isNew);
}

/// The attributes a <route> is written with (TLS routing).
XmlNode routeElement(const RouteConfig &route)
{
    XmlNode node = XmlNode::element(u"route"_s);
    if (!route.sni.isEmpty())
        node.setAttribute(u"sni"_s, route.sni.join(u','));
    if (!route.alpn.isEmpty())
        node.setAttribute(u"alpn"_s, route.alpn.join(u','));
    if (route.plain) {
        node.setAttribute(u"plain"_s, u"yes"_s);
        if (route.silenceMs != RouteConfig::defaultSilenceMs)
            node.setAttribute(u"silence"_s, formatDuration(route.silenceMs));
    }
    node.setAttribute(u"group"_s, route.group);
    return node;
}

/// The routes are an ordered list without names, like the ACL's rules:
/// kept as written while they say the same, else written anew in place.
void syncRoutes(XmlNode &element, const QList<RouteConfig> &routes)
{
    QList<std::size_t> routeNodes;
    for (std::size_t i = 0; i < element.children.size(); ++i) {
        if (isKind(element.children[i], "route"_L1))
            routeNodes.append(i);
    }
    const auto list = [](const QString &text) {
        QStringList items;
        if (!text.isEmpty()) {
            for (const QString &item : text.split(u','))
                items.append(item.trimmed());
        }
        return items;
    };
    bool same = routeNodes.size() == routes.size();
    for (qsizetype r = 0; same && r < routes.size(); ++r) {
        const XmlNode &node = element.children[routeNodes.at(r)];
        const RouteConfig &route = routes.at(r);
        const QString plain = node.attribute(u"plain").trimmed().toLower();
        const bool plainWritten = !plain.isEmpty() && plain != u"no" && plain != u"false" && plain != u"0";
        const QString silence = node.attribute(u"silence");
        const std::optional<qint64> silenceMs = silence.isEmpty()
            ? std::optional<qint64>(RouteConfig::defaultSilenceMs)
            : parseDuration(silence);
        same = list(node.attribute(u"sni")) == route.sni && list(node.attribute(u"alpn")) == route.alpn
            && node.attribute(u"group") == route.group && plainWritten == route.plain
            && (!route.plain || silenceMs == route.silenceMs);
    }
    if (same)
        return;
    std::vector<XmlNode> fresh;
    for (const RouteConfig &route : routes)
        fresh.push_back(routeElement(route));
    if (!routeNodes.isEmpty()) {
        // In place of the first old one, so that comments around them stay.
        const std::size_t at = routeNodes.first();
        for (auto it = routeNodes.crbegin(); it != routeNodes.crend(); ++it)
            removeChild(element, *it);
        element.children.insert(element.children.begin() + qsizetype(std::min(at, element.children.size())),
            std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
        return;
    }
    insertChildren(element, std::move(fresh), "route"_L1, serviceOrder);
}

/// tls="terminate" and its <cert> children on a <listen>; without TLS options, none of them.
void syncListenTls(XmlNode &listen, const ListenerTlsConfig *tls, bool)
{
    if (!tls) {
        for (const char *name : {"tls", "cert", "key", "minversion", "ciphers", "ciphersuites", "alpn",
                 "clientca", "verifyclient", "handshaketimeout"})
            listen.removeAttribute(QLatin1StringView(name));
    }
    if (tls && !tls->terminate)
        listen.removeAttribute(u"tls");
    static const QList<QLatin1StringView> listenOrder{"cert"_L1};
    syncList(
        listen, "cert"_L1, listenOrder, tls ? tls->certificates : QList<TlsCertificateConfig>{},
        [](const TlsCertificateConfig &certificate) { return certificate.sni.join(u','); }, "sni"_L1,
        [](XmlNode &cert, const TlsCertificateConfig &certificate, bool fresh) {
            applyAttributes(cert, tlsCertificateAttributes(certificate), fresh);
        });
}

void syncService(XmlNode &element, const ServiceConfig &service, const Config &config, bool isNew)
{
    applyAttributes(element,
        {{"name"_L1, ValueKind::Text, service.name, std::nullopt, true},
            {"peektimeout"_L1, ValueKind::Duration, formatDuration(service.peekTimeoutMs),
                formatDuration(ServiceConfig::defaultPeekTimeoutMs)},
            {"peeksize"_L1, ValueKind::Text, RouteRules::sizeText(service.peekSize),
                RouteRules::sizeText(ServiceConfig::defaultPeekSize)}},
        isNew);
    syncList(
        element, "listen"_L1, serviceOrder, service.listeners,
        [](const QString &listener) { return listener; }, "ip"_L1,
        [&service](XmlNode &listen, const QString &listener, bool fresh) {
            const ListenerProxyConfig *proxy = service.proxyOptions(listener);
            const ListenerTlsConfig *tls = service.tlsOptions(listener);
            applyAttributes(listen,
                listenAttributes(listener, service.optionalListeners.contains(listener), proxy, tls), fresh);
            if (!proxy) {
                for (const char *name : {"acceptproxy", "trusted", "proxytimeout"})
                    listen.removeAttribute(QLatin1StringView(name));
            }
            syncListenTls(listen, tls, fresh);
        });
    syncSingleton(element, "timeouts"_L1, serviceOrder, service.timeouts.has_value(), true,
        [&](XmlNode &timeouts, bool fresh) {
            applyAttributes(timeouts, timeoutAttributes(*service.timeouts, config.timeouts), fresh);
        });
    syncSingleton(element, "health"_L1, serviceOrder, service.health.has_value(), true,
        [&](XmlNode &health, bool fresh) {
            applyAttributes(health, healthAttributes(*service.health, config.health), fresh);
        });
    syncSingleton(element, "acl"_L1, serviceOrder, service.acl.enabled, true,
        [&](XmlNode &acl, bool fresh) { syncAcl(acl, service.acl, fresh); });
    syncSingleton(element, "limit"_L1, serviceOrder, service.limit.enabled, true,
        [&](XmlNode &limit, bool fresh) { syncLimit(limit, service.limit, fresh); });
    syncRoutes(element, service.routes);
    const HealthConfig serviceHealth = service.health.value_or(config.health);
    syncList(
        element, "group"_L1, serviceOrder, service.groups,
        [](const GroupConfig &group) { return group.name; }, "name"_L1,
        [&](XmlNode &group, const GroupConfig &groupConfig, bool fresh) {
            syncGroup(group, groupConfig, serviceHealth, fresh);
        });
    // Without <enable> a reader takes the first group. A service written
    // that way stays so while the first group is still the one enabled; a
    // new service says it explicitly.
    const XmlNode *firstGroup = nullptr;
    bool hasEnable = false;
    for (const XmlNode &child : element.children) {
        if (!firstGroup && isKind(child, "group"_L1))
            firstGroup = &child;
        hasEnable = hasEnable || isKind(child, "enable"_L1);
    }
    const bool implied = firstGroup && firstGroup->attribute(u"name") == service.enabledGroup;
    const bool writeEnable = !service.enabledGroup.isEmpty() && (isNew || hasEnable || !implied);
    syncSingleton(element, "enable"_L1, serviceOrder, writeEnable, true, [&](XmlNode &enable, bool fresh) {
        applyAttributes(
            enable, {{"group"_L1, ValueKind::Text, service.enabledGroup, std::nullopt, true}}, fresh);
    });
}

/// The <alert>s have no name: matched by position, updated in place (an
/// attribute that no longer applies is removed), extra ones removed, new
/// ones added after the last.
void syncAlerts(XmlNode &root, const QList<AlertConfig> &alerts)
{
    std::vector<std::size_t> nodes;
    for (std::size_t i = 0; i < root.children.size(); ++i) {
        if (isKind(root.children[i], "alert"_L1))
            nodes.push_back(i);
    }
    const auto fill = [](XmlNode &element, const AlertConfig &alert, bool fresh) {
        if (alert.url.isEmpty())
            element.removeAttribute(u"url");
        if (alert.exec.isEmpty())
            element.removeAttribute(u"exec");
        if (alert.services.isEmpty())
            element.removeAttribute(u"services");
        if (alert.groups.isEmpty())
            element.removeAttribute(u"groups");
        applyAttributes(element, alertAttributes(alert), fresh);
    };
    const std::size_t kept = std::min<std::size_t>(nodes.size(), std::size_t(alerts.size()));
    for (std::size_t i = 0; i < kept; ++i)
        fill(root.children[nodes[i]], alerts.at(qsizetype(i)), false);
    for (std::size_t i = nodes.size(); i > kept; --i)
        removeChild(root, nodes[i - 1]);
    std::vector<XmlNode> added;
    for (qsizetype j = qsizetype(kept); j < alerts.size(); ++j) {
        XmlNode element = XmlNode::element(u"alert"_s);
        fill(element, alerts.at(j), true);
        added.push_back(std::move(element));
    }
    insertChildren(root, std::move(added), "alert"_L1, rootOrder);
}

void syncRoot(XmlNode &root, const Config &config)
{
    applyAttributes(root,
        {{"version"_L1, ValueKind::Integer, QString::number(config.version), std::nullopt, true}}, false);
    syncSingleton(root, "settings"_L1, rootOrder, true, false, [&](XmlNode &element, bool fresh) {
        applyAttributes(element, settingsAttributes(config.settings), fresh);
    });
    syncSingleton(root, "checktime"_L1, rootOrder, true, false, [&](XmlNode &element, bool fresh) {
        applyAttributes(element, checkTimeAttributes(config.checkTimeMs), fresh);
    });
    syncSingleton(root, "health"_L1, rootOrder, true, false, [&](XmlNode &element, bool fresh) {
        applyAttributes(element, healthAttributes(config.health, HealthConfig()), fresh);
    });
    syncSingleton(root, "timeouts"_L1, rootOrder, true, false, [&](XmlNode &element, bool fresh) {
        applyAttributes(element, timeoutAttributes(config.timeouts, TimeoutConfig()), fresh);
    });
    syncSingleton(root, "logging"_L1, rootOrder, true, false, [&](XmlNode &element, bool fresh) {
        applyAttributes(element, loggingAttributes(config.logging), fresh);
    });
    syncSingleton(root, "admin"_L1, rootOrder, config.admin.enabled, true, [&](XmlNode &element, bool fresh) {
        applyAttributes(element, adminAttributes(config.admin), fresh);
        syncList(
            element, "user"_L1, adminOrder, config.admin.users,
            [](const AdminUser &user) { return user.name; }, "name"_L1,
            [](XmlNode &user, const AdminUser &userConfig, bool userIsNew) {
                applyAttributes(user, userAttributes(userConfig), userIsNew);
            });
    });
    syncSingleton(root, "ha"_L1, rootOrder, config.ha.enabled, true,
        [&](XmlNode &element, bool fresh) { applyAttributes(element, haAttributes(config.ha), fresh); });
    syncAlerts(root, config.alerts);
    syncList(
        root, "service"_L1, rootOrder, config.services,
        [](const ServiceConfig &service) { return service.name; }, "name"_L1,
        [&](XmlNode &element, const ServiceConfig &service, bool fresh) {
            syncService(element, service, config, fresh);
        });
}

XmlNode emptyDocument()
{
    XmlNode document;
    document.type = XmlNode::Type::Document;
    XmlNode root = XmlNode::element(u"balancier"_s);
    root.setAttribute(u"version"_s, u"1"_s);
    document.children.push_back(std::move(root));
    return document;
}

XmlNode *rootElement(XmlNode &document)
{
    for (XmlNode &node : document.children) {
        if (node.isElement())
            return &node;
    }
    return nullptr;
}

}  // namespace

ConfigDocument::ConfigDocument()
    : d(std::make_unique<Private>())
{
    d->document = emptyDocument();
}

ConfigDocument::~ConfigDocument() = default;

ConfigDocument::ConfigDocument(const ConfigDocument &other)
    : d(std::make_unique<Private>(*other.d))
{ }

ConfigDocument &ConfigDocument::operator=(const ConfigDocument &other)
{
    if (this != &other)
        *d = *other.d;
    return *this;
}

bool ConfigDocument::setContent(const QByteArray &xml, QString *error)
{
    QString parseError;
    std::optional<XmlNode> document = XmlNode::parse(xml, &parseError);
    if (!document) {
        if (error)
            *error = u"not well-formed XML: "_s + parseError;
        return false;
    }
    const XmlNode *root = rootElement(*document);
    const QString rootName = root ? root->name : QString();
    if (rootName == "balancier"_L1) {
        d->document = std::move(*document);
        return true;
    }
    if (rootName != "pdconfig"_L1 && rootName != "config"_L1) {
        if (error)
            *error = u"the root element <%1> is not a Balancier config; expected <balancier>"_s.arg(rootName);
        return false;
    }

    // A legacy file is imported: the document becomes the native form of
    // what it says. Its comments cannot be mapped and are not kept.
    const LoadResult imported = ConfigReader::readData(xml, QString());
    if (!imported.ok()) {
        if (error) {
            QStringList messages;
            for (const Diagnostic &diagnostic : imported.diagnostics) {
                if (diagnostic.severity == Diagnostic::Severity::Error) {
                    messages.append(u"line %1, column %2: %3: %4"_s.arg(diagnostic.line)
                                        .arg(diagnostic.column)
                                        .arg(diagnostic.element, diagnostic.message));
                }
            }
            *error = u"the legacy config cannot be imported: "_s + messages.join(u"; "_s);
        }
        return false;
    }
    d->document = emptyDocument();
    update(imported.config);
    return true;
}

void ConfigDocument::update(const Config &config)
{
    XmlNode *root = rootElement(d->document);
    if (!root) {
        d->document = emptyDocument();
        root = rootElement(d->document);
    }
    syncRoot(*root, config);
}

QByteArray ConfigDocument::toXml() const
{
    return d->document.toXml();
}

bool ConfigDocument::save(const QString &path, bool backup, QString *error) const
{
    return saveData(path, toXml(), backup, error);
}

bool ConfigDocument::saveData(const QString &path, const QByteArray &xml, bool backup, QString *error)
{
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };

    const QFileInfo target(path);
    if (!target.absoluteDir().exists())
        return fail(u"cannot save %1: the folder %2 does not exist"_s.arg(path, target.absolutePath()));

    if (backup && target.exists()) {
        const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
        // Within one second: "<stamp>.bak", then "-2", "-3", ... Numbered
        // after the highest present, not into the first gap: old backups are
        // pruned oldest first (ConfigPersistence), and a reused low number
        // would make the newest backup look like the oldest one.
        const QRegularExpression sameSecond(u"^"_s
            + QRegularExpression::escape(target.fileName() + u'.' + stamp) + uR"((?:-(\d+))?\.bak$)"_s);
        int number = 1;
        for (const QString &name : target.absoluteDir().entryList(
                 QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot)) {
            const QRegularExpressionMatch match = sameSecond.match(name);
            if (match.hasMatch())
                number = std::max(number, match.captured(1).isEmpty() ? 2 : match.captured(1).toInt() + 1);
        }
        const auto backupName = [&](int n) -> QString {
            if (n == 1)
                return path + u'.' + stamp + u".bak"_s;
            return path + u'.' + stamp + u'-' + QString::number(n) + u".bak"_s;
        };
        QString backupPath = backupName(number);
        while (QFileInfo::exists(backupPath))
            backupPath = backupName(++number);
        QFile previous(path);
        if (!previous.copy(backupPath))
            return fail(u"cannot back up %1 to %2: %3"_s.arg(path, backupPath, previous.errorString()));
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(u"cannot save %1: %2"_s.arg(path, file.errorString()));
    if (file.write(xml) != xml.size()) {
        file.cancelWriting();
        return fail(u"cannot save %1: %2"_s.arg(path, file.errorString()));
    }
    if (!file.commit())
        return fail(u"cannot save %1: %2"_s.arg(path, file.errorString()));
    return true;
}

QByteArray ConfigDocument::toXmlInLayout(
    const QByteArray &userText, const ConfigDocument &user, const ConfigDocument &edited)
{
    const QByteArray written = edited.toXml();
    const QByteArray merged = XmlLayoutMerge::merge(userText, user.toXml(), written);
    if (merged == written)
        return written;
    // The merge works on tokens, not on the model: take it only when it
    // reads back as the very document that was meant.
    ConfigDocument check;
    if (!check.setContent(merged) || check.toXml() != written)
        return written;
    return merged;
}

QByteArray ConfigDocument::serialize(const Config &config)
{
    ConfigDocument document;
    document.update(config);
    return document.toXml();
}

}  // namespace Balancier
