// The connection handshake: the client hello ("API\0" + "v<min>..<max>[ options]"), the server
// hello (version and connection time) and version negotiation. Pure functions; no threading rule.
#pragma once

#include <string>
#include <string_view>

#include "adapters/tws/capabilities.hpp"
#include "core/result.hpp"

namespace ibtrade::tws {

struct ClientHello {
  // The official clients announce 100 as their minimum; the negotiated version must still be
  // at least kMinSupportedVersion for this adapter to speak it (accept_server_version()).
  int min_version = 100;
  int max_version = kMaxSupportedVersion;
  std::string connect_options;  // e.g. "+PACEAPI"; empty by default

  friend bool operator==(const ClientHello&, const ClientHello&) = default;
};

// "v100..178", "v178" when min == max, with " <options>" appended when there are any.
std::string format_version_range(const ClientHello& hello);
// The bytes a client sends first: "API\0", a 4-byte length, the version range (no NUL).
std::string encode_client_hello(const ClientHello& hello);
// The version range as the server reads it: the payload of the first frame after "API\0".
// Accepts "v<min>..<max>" and "v<n>", each optionally followed by " <connect options>".
Result<ClientHello> parse_client_hello(std::string_view payload);

struct ServerHello {
  int server_version = kMaxSupportedVersion;
  std::string connection_time;  // "yyyyMMdd HH:mm:ss <TZ>", stored, never interpreted

  friend bool operator==(const ServerHello&, const ServerHello&) = default;
};

// One frame of exactly two fields: the version and the connection time.
std::string encode_server_hello(const ServerHello& hello);
// The payload of the first frame a client reads; exactly two fields.
Result<ServerHello> decode_server_hello(std::string_view payload);

// Server side: min(client max, server max), or an error when that is below the client's minimum
// or below what this adapter speaks (the server then closes the socket).
Result<int> negotiate_version(const ClientHello& hello, int server_max = kMaxSupportedVersion);
// Client side: the version the server chose, checked against what we announced and what the
// adapter implements; the capabilities to use from then on.
Result<Capabilities> accept_server_version(const ClientHello& sent, int server_version);

}  // namespace ibtrade::tws
