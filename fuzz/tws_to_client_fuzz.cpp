// Fuzzes the server -> client decoders (what our client reads from TWS / IB Gateway):
// malformed payloads fail with a message, decoded ones re-encode to themselves.
#include "tws_decode_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return fuzz_tws_decoder(data, size,
                          [](std::string_view payload, const ibtrade::tws::Capabilities& caps,
                             ibtrade::tws::Trailing trailing) {
                            return ibtrade::tws::decode_to_client_message(payload, caps, trailing);
                          });
}
