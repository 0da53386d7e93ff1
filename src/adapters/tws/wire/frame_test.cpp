// Framing: the length prefix, reassembly across any chunking, and the errors that end a stream.
#include "adapters/tws/wire/frame.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "adapters/tws/testing/doc_payload.hpp"

namespace ibtrade::tws {
namespace {

using testing::doc_payload;
using testing::hex_bytes;

// Every frame the decoder yields for `bytes` fed in chunks of `chunk` bytes; stops at an error.
std::vector<std::string> drain(FrameDecoder& decoder, std::string_view bytes, std::size_t chunk,
                               std::string* error = nullptr) {
  std::vector<std::string> frames;
  for (std::size_t i = 0; i < bytes.size(); i += chunk) {
    decoder.feed(bytes.substr(i, chunk));
    while (true) {
      auto next = decoder.next();
      if (!next) {
        if (error) *error = next.error().message;
        return frames;
      }
      if (!*next) break;
      frames.push_back(std::move(**next));
    }
  }
  return frames;
}

TEST(Frame, EncodesTheDocExamples) {
  // protocol doc 1.7: REQ_CURRENT_TIME and NEXT_VALID_ID 1001.
  EXPECT_EQ(encode_frame(doc_payload("49|1")), hex_bytes("00 00 00 05 | 34 39 00 31 00"));
  EXPECT_EQ(encode_frame(doc_payload("9|1|1001")),
            hex_bytes("00 00 00 09 | 39 00 31 00 31 30 30 31 00"));
}

TEST(Frame, LengthIsBigEndian) {
  const std::string payload(0x010203, 'x');
  const std::string frame = encode_frame(payload);
  EXPECT_EQ(frame.substr(0, 4), std::string("\x00\x01\x02\x03", 4));
  EXPECT_EQ(frame.size(), payload.size() + 4);
}

TEST(Frame, RefusesToEncodeOversizedPayloads) {
  EXPECT_THROW(encode_frame(std::string(kMaxFrameLength + 1, 'x')), std::length_error);
}

TEST(FrameDecoder, YieldsFramesForAnyChunking) {
  const std::string a = doc_payload("49|1");
  const std::string b = doc_payload("9|1|1001");
  const std::string c = doc_payload("15|1|DU111111,DU222222");
  const std::string stream = encode_frame(a) + encode_frame(b) + encode_frame(c);
  for (std::size_t chunk = 1; chunk <= stream.size(); ++chunk) {
    FrameDecoder decoder;
    const auto frames = drain(decoder, stream, chunk);
    ASSERT_EQ(frames, (std::vector<std::string>{a, b, c})) << "chunk " << chunk;
    EXPECT_EQ(decoder.buffered(), 0u);
  }
}

TEST(FrameDecoder, SplitAtEveryByteBoundary) {
  const std::string stream =
      encode_frame(doc_payload("9|1|1001")) + encode_frame(doc_payload("62|1"));
  for (std::size_t split = 0; split <= stream.size(); ++split) {
    FrameDecoder decoder;
    decoder.feed(stream.substr(0, split));
    std::vector<std::string> frames;
    for (auto next = decoder.next(); next && *next; next = decoder.next()) {
      frames.push_back(**next);
    }
    decoder.feed(stream.substr(split));
    for (auto next = decoder.next(); next && *next; next = decoder.next()) {
      frames.push_back(**next);
    }
    EXPECT_EQ(frames.size(), 2u) << "split " << split;
  }
}

TEST(FrameDecoder, WaitsForTheRestOfATruncatedFrame) {
  const std::string frame = encode_frame(doc_payload("9|1|1001"));
  FrameDecoder decoder;
  decoder.feed(frame.substr(0, frame.size() - 1));
  auto next = decoder.next();
  ASSERT_TRUE(next.ok());
  EXPECT_FALSE(next->has_value());
  EXPECT_EQ(decoder.buffered(), frame.size() - 1);
  decoder.feed(frame.substr(frame.size() - 1));
  next = decoder.next();
  ASSERT_TRUE(next.ok() && next->has_value());
  EXPECT_EQ(**next, doc_payload("9|1|1001"));
}

TEST(FrameDecoder, ZeroLengthIsAnError) {
  FrameDecoder decoder;
  decoder.feed(std::string("\0\0\0\0", 4));
  auto next = decoder.next();
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().message, "TWS frame of length 0: every message has at least its id");
  // Errors are final: more bytes do not revive the stream.
  decoder.feed(encode_frame(doc_payload("49|1")));
  EXPECT_FALSE(decoder.next().ok());
  EXPECT_TRUE(decoder.failed());
}

TEST(FrameDecoder, OversizedLengthIsAnErrorBeforeTheBodyArrives) {
  FrameDecoder decoder;
  decoder.feed(hex_bytes("01 00 00 00"));  // 16 MiB
  auto next = decoder.next();
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().message,
            "TWS frame length 16777216 exceeds the maximum of 16777215 bytes");
  FrameDecoder small(FrameDecoder::Start::kFrames, 8);
  small.feed(encode_frame(doc_payload("9|1|1001")));
  EXPECT_FALSE(small.next().ok());
}

TEST(FrameDecoder, ServerSideExpectsApiPrefixFirst) {
  const std::string hello = hex_bytes("41 50 49 00 | 00 00 00 09 | 76 31 30 30 2e 2e 31 37 38");
  for (std::size_t chunk = 1; chunk <= hello.size(); ++chunk) {
    FrameDecoder decoder(FrameDecoder::Start::kExpectApiPrefix);
    const auto frames = drain(decoder, hello, chunk);
    ASSERT_EQ(frames, std::vector<std::string>{"v100..178"}) << "chunk " << chunk;
  }
}

TEST(FrameDecoder, ServerSideRefusesAPeerWithoutTheApiPrefix) {
  FrameDecoder decoder(FrameDecoder::Start::kExpectApiPrefix);
  decoder.feed("GE");  // refused as soon as a byte differs, before 4 bytes arrive
  auto next = decoder.next();
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().message,
            "the connection does not start with \"API\\0\": not a TWS API client (v100+)");
}

}  // namespace
}  // namespace ibtrade::tws
