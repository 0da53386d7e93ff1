// The generic encode/decode of one typed message: the message id, then the message's own
// fields (write_fields/read_fields, one pair per message), then the field-count check.
// Pure functions; no threading rule.
#pragma once

#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>

#include "adapters/tws/capabilities.hpp"
#include "adapters/tws/message_ids.hpp"
#include "adapters/tws/wire/fields.hpp"
#include "adapters/tws/wire/frame.hpp"
#include "core/result.hpp"

namespace ibtrade::tws {

// A message struct names its id (a ToServerId or a ToClientId, which also gives the direction)
// and IB's name, and has write_fields/read_fields overloads found by argument-dependent lookup.
template <class M>
concept WireMessage = requires(const M& m, M& out, FieldWriter& w, FieldReader& r,
                               const Capabilities& caps) {
  {M::kId};
  { M::kName } -> std::convertible_to<std::string_view>;
  write_fields(w, m, caps);
  read_fields(r, out, caps);
};

template <WireMessage M>
constexpr bool kToServer = std::is_same_v<std::remove_cvref_t<decltype(M::kId)>, ToServerId>;

// The payload of `msg` at the negotiated capabilities, spelled as its sender would (a client
// for messages to the server, TWS for messages to the client).
template <WireMessage M>
std::string encode(const M& msg, const Capabilities& caps = kCapabilities178) {
  FieldWriter w(kToServer<M> ? Dialect::kClient : Dialect::kServer);
  w.integer(static_cast<int>(M::kId));
  write_fields(w, msg, caps);
  return std::move(w).take();
}

// encode() inside a length-prefixed frame: the bytes to put on the socket.
template <WireMessage M>
std::string encode_frame(const M& msg, const Capabilities& caps = kCapabilities178) {
  FieldWriter w(kToServer<M> ? Dialect::kClient : Dialect::kServer);
  w.integer(static_cast<int>(M::kId));
  write_fields(w, msg, caps);
  return std::move(w).take_frame();
}

// The message in `payload` (one frame's body), which must carry M's id and exactly M's fields
// (or at least them, with Trailing::kIgnore). Errors name the message and the field.
template <WireMessage M>
Result<M> decode(std::string_view payload, const Capabilities& caps = kCapabilities178,
                 Trailing trailing = Trailing::kReject) {
  FieldReader r(payload, M::kName);
  const int id = r.int32("msgId");
  if (r.ok() && id != static_cast<int>(M::kId)) {
    r.fail_last("msgId", "id " + std::to_string(id) + " is not " + std::string(M::kName) + " (" +
                             std::to_string(static_cast<int>(M::kId)) + ")");
  }
  M msg{};
  if (r.ok()) read_fields(r, msg, caps);
  if (auto status = r.finish(trailing); !status) return status.error();
  return msg;
}

}  // namespace ibtrade::tws
