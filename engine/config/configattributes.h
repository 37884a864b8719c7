#pragma once

#include "config/config.h"

#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <optional>

namespace Balancier {

struct XmlNode;

/// The attributes ConfigDocument writes for each element of the model, and
/// how it writes them into an existing element without disturbing the
/// user's spelling. Internal to the model library.
/// Thread contract: plain functions of their arguments; any thread.
namespace ConfigAttributes {

/// How an attribute's text maps to a model value; two spellings that read
/// the same ("120" and "2m", "yes" and "true", "rand" and "random") are equal.
enum class ValueKind
{
    Text,
    Integer,
    Duration,
    Boolean,
    Scheduler,
    Bytes,  ///< send/expect with \r \n \t \\ \xHH escapes
    AdminState,
    Keyword,  ///< persist, level, access: exact words
    Decimal,  ///< balancefactor: "1.25"
    CommaList,  ///< trusted: "a, b" reads as "a,b"
    ProxyVersions,  ///< acceptproxy: "v2, v1" reads as "v1,v2"
};

/// One attribute as the model wants it.
struct Attribute
{
    QLatin1StringView name;
    ValueKind kind;
    QString value;  ///< the model's value, formatted for writing
    /// What a reader takes when the attribute is missing; nullopt when the
    /// attribute is required.
    std::optional<QString> absent;
    /// Written on a new element even when it equals `absent` (names,
    /// addresses, access rights: what a reader of the file needs to see).
    bool alwaysWrite = false;
};

/// "yes" or "no".
QString yesNo(bool value);
/// "full" or "readonly".
QString accessName(AdminUser::Access access);

/// Sets the attributes of `element` to what the model says. An attribute
/// already written keeps its spelling when it still reads the same; a
/// missing one is added only when the reader would otherwise infer a
/// different value, at its canonical place among the known attributes.
void applyAttributes(XmlNode &element, const QList<Attribute> &attributes, bool isNew);

// The attributes of each element, in their canonical order.
QList<Attribute> settingsAttributes(const SettingsConfig &settings);
QList<Attribute> checkTimeAttributes(qint64 checkTimeMs);
QList<Attribute> healthAttributes(const HealthConfig &health, const HealthConfig &inherited);
QList<Attribute> timeoutAttributes(const TimeoutConfig &timeouts, const TimeoutConfig &inherited);
QList<Attribute> loggingAttributes(const LoggingConfig &logging);
QList<Attribute> haAttributes(const HaConfig &ha);
QList<Attribute> alertAttributes(const AlertConfig &alert);
QList<Attribute> adminAttributes(const AdminConfig &admin);
QList<Attribute> userAttributes(const AdminUser &user);
QList<Attribute> aclAttributes(const AclConfig &acl);
QList<Attribute> limitAttributes(const LimitConfig &limit);
QList<Attribute> groupAttributes(const GroupConfig &group);
QList<Attribute> hostAttributes(const HostConfig &host);
/// <discover srv interval> inside <group> (DNS discovery).
QList<Attribute> discoverAttributes(const DiscoverConfig &discover);
/// A <listen>: its address, optional="yes", and its PROXY options (`proxy` may be null).
QList<Attribute> listenAttributes(const QString &listener, bool optional, const ListenerProxyConfig *proxy,
    const ListenerTlsConfig *tls = nullptr);
/// The attributes of a <cert> child of a terminating <listen>.
QList<Attribute> tlsCertificateAttributes(const TlsCertificateConfig &certificate);

}  // namespace ConfigAttributes

}  // namespace Balancier
