#include "adapters/tws/wire/handshake.hpp"

#include <charconv>
#include <string>

#include "adapters/tws/wire/fields.hpp"
#include "adapters/tws/wire/frame.hpp"

namespace ibtrade::tws {
namespace {

bool parse_version_number(std::string_view text, int& out) {
  if (text.empty() || text.size() > 6) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  std::from_chars(text.data(), text.data() + text.size(), out);
  return true;
}

}  // namespace

std::string format_version_range(const ClientHello& hello) {
  std::string out = "v" + std::to_string(hello.min_version);
  if (hello.max_version != hello.min_version) out += ".." + std::to_string(hello.max_version);
  if (!hello.connect_options.empty()) out += " " + hello.connect_options;
  return out;
}

std::string encode_client_hello(const ClientHello& hello) {
  return std::string(kApiPrefix) + encode_frame(format_version_range(hello));
}

Result<ClientHello> parse_client_hello(std::string_view payload) {
  const std::string shown(payload.substr(0, 40));
  const auto bad = [&](std::string_view why) {
    return make_error("client hello '" + shown + "': " + std::string(why));
  };
  if (payload.empty() || payload.front() != 'v') return bad("does not start with 'v'");
  std::string_view range = payload.substr(1);
  ClientHello hello;
  const std::size_t space = range.find(' ');
  if (space != std::string_view::npos) {
    hello.connect_options = std::string(range.substr(space + 1));
    range = range.substr(0, space);
  }
  const std::size_t dots = range.find("..");
  if (dots == std::string_view::npos) {
    if (!parse_version_number(range, hello.min_version)) return bad("bad version number");
    hello.max_version = hello.min_version;
  } else if (!parse_version_number(range.substr(0, dots), hello.min_version) ||
             !parse_version_number(range.substr(dots + 2), hello.max_version)) {
    return bad("bad version range");
  }
  if (hello.min_version > hello.max_version) return bad("minimum above maximum");
  return hello;
}

std::string encode_server_hello(const ServerHello& hello) {
  FieldWriter w(Dialect::kServer);
  w.integer(hello.server_version).string(hello.connection_time);
  return encode_frame(w.payload());
}

Result<ServerHello> decode_server_hello(std::string_view payload) {
  FieldReader r(payload, "server hello");
  ServerHello hello;
  hello.server_version = r.int32("serverVersion");
  hello.connection_time = r.string("connectionTime");
  if (auto status = r.finish(Trailing::kReject); !status) return status.error();
  return hello;
}

Result<int> negotiate_version(const ClientHello& hello, int server_max) {
  const int version = hello.max_version < server_max ? hello.max_version : server_max;
  if (version < hello.min_version) {
    return make_error("client wants at least version " + std::to_string(hello.min_version) +
                      " but the server speaks at most " + std::to_string(server_max));
  }
  if (version < kMinSupportedVersion) {
    return make_error("client speaks at most version " + std::to_string(hello.max_version) +
                      ", below the minimum of " + std::to_string(kMinSupportedVersion));
  }
  return version;
}

Result<Capabilities> accept_server_version(const ClientHello& sent, int server_version) {
  if (server_version < sent.min_version || server_version > sent.max_version) {
    return make_error("server chose version " + std::to_string(server_version) +
                      ", outside the announced " + format_version_range(sent));
  }
  return capabilities_for(server_version);
}

}  // namespace ibtrade::tws
