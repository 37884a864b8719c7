#pragma once

#include <QtGlobal>

#include <sys/types.h>
#ifdef _WIN32
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <sys/socket.h>
#endif

namespace Balancier {

struct IpEndpoint;

/// The key by which hash, maglev and sticky scheduling know a client
/// (PickContext::clientKey): a hash of its IP address, not its port. When
/// the PROXY protocol arrives, the acceptor passes the address it carries.
///
/// The hash is our own (FNV-1a over the address bytes), not qHash: the same
/// on every machine, every Qt version and every run, so that two balancers
/// of a pair send a client to the same host. An IPv4-mapped IPv6 address
/// gives the key of the plain IPv4 one.
///
/// Thread contract: pure functions, callable from any thread.
namespace ClientKey {

/// The key for a peer address as accept() returns it; 0 for other families.
quint64 of(const sockaddr_storage &peer);

/// The key for an address a session knows (the peer's, or its PROXY header's).
quint64 of(const IpEndpoint &client);

/// The key for raw address bytes: 4 for IPv4, 16 for IPv6.
quint64 ofBytes(const unsigned char *bytes, int length);

}  // namespace ClientKey

}  // namespace Balancier
