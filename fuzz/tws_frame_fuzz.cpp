// Fuzzes the TWS wire layer: the frame decoder (fed the same bytes whole and in chunks must
// yield the same frames and the same verdict, and the frames re-encode to the bytes they came
// from), the client-hello parser, the server-hello decoder and every typed read of the field
// reader (fields written back by the FieldWriter give the payload again; numbers and decimals
// written back read as the same value). Nothing may crash; every error must name its source.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/tws/wire/fields.hpp"
#include "adapters/tws/wire/frame.hpp"
#include "adapters/tws/wire/handshake.hpp"

namespace {

using ibtrade::tws::FieldReader;
using ibtrade::tws::FrameDecoder;

struct Drained {
  std::vector<std::string> frames;
  bool failed = false;
};

Drained drain(FrameDecoder::Start start, std::size_t max, std::string_view bytes,
              std::size_t chunk) {
  FrameDecoder decoder(start, max);
  Drained out;
  for (std::size_t i = 0; i < bytes.size() && !out.failed; i += chunk) {
    decoder.feed(bytes.substr(i, chunk));
    while (true) {
      auto next = decoder.next();
      if (!next) {
        if (next.error().message.empty()) std::abort();
        out.failed = true;
        break;
      }
      if (!*next) break;
      if ((*next)->empty() || (*next)->size() > max) std::abort();
      out.frames.push_back(std::move(**next));
    }
  }
  return out;
}

// The value read back from what the FieldWriter makes of it.
template <class Read>
auto reread(const std::string& payload, Read read) {
  FieldReader r(payload, "AGAIN");
  auto value = read(r);
  if (!r.finish(ibtrade::tws::Trailing::kReject).ok()) std::abort();
  return value;
}

// Reads every field of `payload` with one kind of typed read; a failure must carry the message
// name, and a reader that read everything must accept the end. Values read are written back
// and must read the same.
void read_all(std::string_view payload, int kind) {
  using ibtrade::tws::Dialect;
  using ibtrade::tws::FieldWriter;
  FieldReader r(payload, "FUZZ");
  FieldWriter strings(Dialect::kServer);
  while (r.ok() && !r.at_end()) {
    switch (kind) {
      case 0: {
        const std::string field = r.string("f");
        if (r.ok()) strings.string(field);
        break;
      }
      case 1:
        (void)r.int32("f");
        break;
      case 2:
        (void)r.int64("f");
        break;
      case 3: {
        const double value = r.number("f");
        if (!r.ok()) break;
        FieldWriter w(Dialect::kClient);
        w.number(value);
        if (reread(w.payload(), [](FieldReader& a) { return a.number("f"); }) != value)
          std::abort();
        break;
      }
      case 4:
        (void)r.boolean("f");
        break;
      case 5:
        (void)r.optional_int32("f");
        break;
      case 6:
        (void)r.optional_number("f");
        break;
      case 7: {
        const auto value = r.decimal<ibtrade::QuantityTag>("f");
        if (!r.ok()) break;
        FieldWriter w(Dialect::kClient);
        w.decimal(value);
        const auto again = reread(
            w.payload(), [](FieldReader& a) { return a.decimal<ibtrade::QuantityTag>("f"); });
        if (again != value) std::abort();
        break;
      }
      case 8:
        (void)r.optional_decimal<ibtrade::PriceTag>("f");
        break;
      case 9:
        (void)r.count("f", 2);
        break;
      default:
        (void)r.optional_boolean("f");
        break;
    }
  }
  const auto status = r.finish(ibtrade::tws::Trailing::kReject);
  if (!status.ok() && status.error().message.rfind("FUZZ", 0) != 0) std::abort();
  if (r.ok() && r.index() != r.size()) std::abort();
  if (kind == 0 && status.ok() && strings.payload() != payload) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned control = data[0];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const auto start =
      (control & 1) != 0 ? FrameDecoder::Start::kExpectApiPrefix : FrameDecoder::Start::kFrames;
  const std::size_t max = (control & 2) != 0 ? 64 : ibtrade::tws::kMaxFrameLength;
  const std::size_t chunk = 1 + (control >> 2);

  const Drained whole = drain(start, max, bytes, bytes.size() + 1);
  const Drained pieces = drain(start, max, bytes, chunk);
  if (whole.frames != pieces.frames || whole.failed != pieces.failed) std::abort();
  // Re-encoded, the frames are the bytes they were cut from.
  std::string reencoded(start == FrameDecoder::Start::kExpectApiPrefix && !whole.frames.empty()
                            ? ibtrade::tws::kApiPrefix
                            : std::string_view());
  for (const auto& frame : whole.frames)
    reencoded += ibtrade::tws::encode_frame(frame);
  if (bytes.substr(0, reencoded.size()) != reencoded) std::abort();

  for (std::size_t i = 0; i < whole.frames.size(); ++i) {
    const std::string& frame = whole.frames[i];
    if (i == 0) {
      auto hello = ibtrade::tws::parse_client_hello(frame);
      if (hello.ok()) {
        auto again = ibtrade::tws::parse_client_hello(ibtrade::tws::format_version_range(*hello));
        if (!again.ok() || !(*again == *hello)) std::abort();
      } else if (hello.error().message.empty()) {
        std::abort();
      }
      auto server = ibtrade::tws::decode_server_hello(frame);
      if (!server.ok() && server.error().message.empty()) std::abort();
    }
    for (int kind = 0; kind <= 10; ++kind)
      read_all(frame, kind);
  }
  return 0;
}
