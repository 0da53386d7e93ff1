// Framing of the TWS byte stream: a 4-byte big-endian length, then that many payload bytes. The
// FrameDecoder is fed bytes in any chunking and yields whole payloads. One owner thread each.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace ibtrade::tws {

// The official clients refuse bodies of 16 MiB and more (0xFFFFFF is their limit).
inline constexpr std::size_t kMaxFrameLength = 0xFFFFFF;
// The 4 bytes a client sends before its version range, not length-prefixed.
inline constexpr std::string_view kApiPrefix{"API\0", 4};

// Length prefix + payload. A payload over kMaxFrameLength is a caller bug: throws
// std::length_error.
std::string encode_frame(std::string_view payload);

class FrameDecoder {
 public:
  enum class Start {
    kFrames,           // frames from the first byte (the client side, reading the server)
    kExpectApiPrefix,  // "API\0" first, then frames (the server side, reading a new client)
  };

  explicit FrameDecoder(Start start = Start::kFrames, std::size_t max_length = kMaxFrameLength);

  // Appends bytes received from the socket.
  void feed(std::string_view bytes);
  // The next complete payload; nullopt while more bytes are needed; an error when the stream is
  // not TWS framing (zero or oversized length, missing "API\0"). Errors are final: the
  // connection can't be resynchronised and must be closed.
  Result<std::optional<std::string>> next();

  bool failed() const { return error_.has_value(); }
  // Bytes received but not yet returned as frames.
  std::size_t buffered() const { return buffer_.size() - start_; }

 private:
  Error fail(std::string message);

  std::string buffer_;
  std::size_t start_ = 0;  // first unconsumed byte of buffer_
  std::size_t max_length_;
  bool expect_prefix_;
  std::optional<Error> error_;
};

}  // namespace ibtrade::tws
