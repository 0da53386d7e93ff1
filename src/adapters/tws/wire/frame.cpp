#include "adapters/tws/wire/frame.hpp"

#include <cstdint>
#include <stdexcept>

namespace ibtrade::tws {

std::string encode_frame(std::string_view payload) {
  if (payload.size() > kMaxFrameLength) {
    throw std::length_error("TWS frame of " + std::to_string(payload.size()) +
                            " bytes exceeds the 16 MiB limit");
  }
  const auto n = static_cast<std::uint32_t>(payload.size());
  std::string out;
  out.reserve(4 + payload.size());
  out.push_back(static_cast<char>((n >> 24) & 0xff));
  out.push_back(static_cast<char>((n >> 16) & 0xff));
  out.push_back(static_cast<char>((n >> 8) & 0xff));
  out.push_back(static_cast<char>(n & 0xff));
  out.append(payload);
  return out;
}

FrameDecoder::FrameDecoder(Start start, std::size_t max_length)
    : max_length_(max_length), expect_prefix_(start == Start::kExpectApiPrefix) {}

void FrameDecoder::feed(std::string_view bytes) {
  if (error_) return;
  // Drop consumed bytes once they dominate the buffer, so a long session doesn't grow it.
  if (start_ > 0 && start_ >= buffer_.size() / 2) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  buffer_.append(bytes);
}

Error FrameDecoder::fail(std::string message) {
  error_ = make_error(std::move(message));
  return *error_;
}

Result<std::optional<std::string>> FrameDecoder::next() {
  if (error_) return *error_;
  std::string_view rest(buffer_);
  rest.remove_prefix(start_);
  if (expect_prefix_) {
    // Refuse as soon as the bytes seen differ from "API\0": such a peer is not a v100+ client.
    const std::size_t n = rest.size() < kApiPrefix.size() ? rest.size() : kApiPrefix.size();
    if (rest.substr(0, n) != kApiPrefix.substr(0, n)) {
      return fail("the connection does not start with \"API\\0\": not a TWS API client (v100+)");
    }
    if (n < kApiPrefix.size()) return std::optional<std::string>();
    start_ += kApiPrefix.size();
    rest.remove_prefix(kApiPrefix.size());
    expect_prefix_ = false;
  }
  if (rest.size() < 4) return std::optional<std::string>();
  const auto byte = [&](std::size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(rest[i]));
  };
  const std::uint32_t length = (byte(0) << 24) | (byte(1) << 16) | (byte(2) << 8) | byte(3);
  if (length == 0) return fail("TWS frame of length 0: every message has at least its id");
  if (length > max_length_) {
    return fail("TWS frame length " + std::to_string(length) + " exceeds the maximum of " +
                std::to_string(max_length_) + " bytes");
  }
  if (rest.size() - 4 < length) return std::optional<std::string>();
  std::string payload(rest.substr(4, length));
  start_ += 4 + length;
  return std::optional<std::string>(std::move(payload));
}

}  // namespace ibtrade::tws
