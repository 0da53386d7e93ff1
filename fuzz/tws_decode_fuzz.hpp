// Shared body of the TWS message-decoder fuzzers: the first byte picks the negotiated version
// (157..178) and whether trailing fields are tolerated; the rest is one frame's payload. A
// decode either fails with a message or gives a message that encodes and decodes to itself,
// and whose encoding is stable (encoding the decoded copy gives the same bytes, so equality
// covers every field the encoder writes).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "adapters/tws/capabilities.hpp"
#include "adapters/tws/messages/dispatch.hpp"

template <class Decode>
int fuzz_tws_decoder(const std::uint8_t* data, std::size_t size, Decode decode) {
  using ibtrade::tws::Capabilities;
  using ibtrade::tws::Trailing;
  if (size == 0) return 0;
  const int span = ibtrade::tws::kMaxSupportedVersion - ibtrade::tws::kMinSupportedVersion + 1;
  const Capabilities caps =
      Capabilities::at(ibtrade::tws::kMinSupportedVersion + (data[0] & 0x7f) % span);
  const Trailing trailing = (data[0] & 0x80) != 0 ? Trailing::kIgnore : Trailing::kReject;
  const std::string_view payload(reinterpret_cast<const char*>(data) + 1, size - 1);

  auto first = decode(payload, caps, trailing);
  if (!first.ok()) {
    if (first.error().message.empty()) std::abort();
    return 0;
  }
  const std::string encoded = ibtrade::tws::encode_message(*first, caps);
  auto second = decode(encoded, caps, Trailing::kReject);
  if (!second.ok()) std::abort();
  if (!(*second == *first)) std::abort();
  if (ibtrade::tws::encode_message(*second, caps) != encoded) std::abort();
  if (ibtrade::tws::message_name(*second) != ibtrade::tws::message_name(*first)) std::abort();
  return 0;
}
