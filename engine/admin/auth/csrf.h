#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace Balancier {

struct AdminUser;
struct HttpRequest;

/// The admin API's guard against cross-site requests: a per-process key
/// signs a token for each user (the status page's forms carry it), and a
/// state-changing request from a browser must come from one of our own
/// origins and carry the token. Scripts (no Origin, Referer or
/// Sec-Fetch-Site) pass without one.
///
/// Thread contract: owned by the AdminServer in the control thread; const
/// members may be called from any thread.
class Csrf final
{
public:
    /// Where the admin API listens, for the origins a browser shows.
    struct Listener
    {
        bool tls = false;
        QHostAddress address;
        quint16 port = 0;
        QStringList configuredOrigins;  ///< <admin origins="…">
    };

    Csrf();

    /// The token for `user`'s forms.
    QString token(const QString &user) const;
    /// Whether `request` (a state-changing one) may go on; false with the
    /// reason in `why`.
    bool check(
        const HttpRequest &request, const AdminUser &user, const Listener &listener, QString *why) const;

    /// The origins a browser shows when it loads our pages: the listen address
    /// with the port we hold (every local address when listening on all of them;
    /// "localhost" too on loopback), and the configured ones.
    static QStringList allowedOrigins(const Listener &listener);

private:
    QByteArray m_secret;  ///< per-process key for the tokens
};

}  // namespace Balancier
