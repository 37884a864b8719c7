// The admin API's router over its real routes: the input is a request as a
// client sends it; what the parser accepts is routed. A match names an
// entry whose method and pattern fit, with a capture for every brace
// segment; a miss answers 404 or 405 (with Allow).

#include "fuzzcheck.h"

#include "admin/http/httpparser.h"
#include "admin/http/router.h"

#ifdef BALANCIER_FUZZ_REPLAY
#include "admin/adminserver.h"
#endif

#include <QList>

namespace {

using namespace Qt::StringLiterals;

struct Route
{
    QByteArray method;
    QString pattern;
};

/// The routes of AdminServer::commands(), read out of its source at
/// configure time (tests/fuzz/CMakeLists.txt says why).
const QList<Route> &routes()
{
    static const QList<Route> table = {
#include "fuzzroutes.inc"
    };
    return table;
}

#ifdef BALANCIER_FUZZ_REPLAY
/// The replay build links the whole engine: the routes must be the table's.
const bool routesChecked = [] {
    const auto &commands = Balancier::AdminServer::commands();
    bool same = commands.size() == routes().size();
    for (qsizetype i = 0; same && i < commands.size(); ++i)
        same = commands.at(i).method == routes().at(i).method
            && commands.at(i).pattern == routes().at(i).pattern;
    Balancier::Fuzz::check(same,
        "the routes read out of commandtable.cpp differ from AdminServer::commands(); tests/fuzz/"
        "CMakeLists.txt reads entries written {\"METHOD\", QStringLiteral(\"/path\")");
    return same;
}();
#endif

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace Balancier;
    Fuzz::check(routes().size() > 30, "the routes were not read out of the command table");
    HttpParser parser;
    HttpParser::State state = parser.feed(Fuzz::bytes(data, size));
    // At most a few pipelined requests: the first ones are what matters.
    for (int i = 0; i < 8 && state == HttpParser::State::Complete; ++i) {
        const HttpRequest request = parser.takeRequest();
        const Router::Match match = Router::route(routes(), request);
        if (match.found()) {
            Fuzz::check(match.index < routes().size(), "a match outside the table");
            const Route &route = routes().at(match.index);
            Fuzz::check(Router::methodMatches(route.method, request.method), "a match of another method");
            Fuzz::check(
                match.captures.size() == route.pattern.count(u'{'), "a match without all its captures");
            for (const QString &value : match.captures)
                Fuzz::check(!value.isEmpty(), "an empty capture");
        } else {
            for (const bool json : {false, true}) {
                const HttpResponse response = match.failure(request, json);
                Fuzz::check(
                    response.status == (match.allowed.isEmpty() ? 404 : 405), "a miss answered wrongly");
                Fuzz::check(!response.serialize(true).isEmpty(), "an empty answer");
            }
        }
        state = parser.feed({});
    }
    return 0;
}
