#pragma once

#include "admin/http/httpmessage.h"

namespace Balancier {

struct RequestContext;
class AdminHost;
class Csrf;
class Engine;
class EventHub;
class HttpServer;

/// What a resource handler may use besides its request, handed to it by the
/// AdminServer that owns or borrows each part. A handler is a free function
/// HttpResponse f(ResourceEnv &env, RequestContext &context), declared in
/// the header of its resource and named in the command table. A new resource that needs
/// more gets it here, explicitly, never through the server.
///
/// Thread contract: made per request in the control thread; the parts
/// outlive the handler call.
struct ResourceEnv
{
    Engine &engine;
    /// The program hosting the API (config as loaded, saving, moving the
    /// listener); null when there is none.
    AdminHost *host;
    /// The event stream and the log tap.
    EventHub &events;
    /// The status page's form tokens.
    const Csrf &csrf;
    /// The listener: where the API is now (it may move during a request).
    const HttpServer &http;
};

}  // namespace Balancier
