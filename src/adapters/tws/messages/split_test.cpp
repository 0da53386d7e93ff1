// A stream of frames split anywhere decodes to the same messages: every byte boundary of a
// two-chunk split, and one byte at a time.
#include <gtest/gtest.h>

#include "adapters/tws/messages/dispatch.hpp"
#include "adapters/tws/testing/sample_messages.hpp"
#include "adapters/tws/wire/frame.hpp"

namespace ibtrade::tws {
namespace {

template <class Variant>
std::vector<Variant> decode_stream(FrameDecoder& decoder, std::string_view chunk) {
  std::vector<Variant> out;
  decoder.feed(chunk);
  while (true) {
    auto frame = decoder.next();
    EXPECT_TRUE(frame.ok()) << frame.error().message;
    if (!frame.ok() || !*frame) break;
    Result<Variant> message = [&]() -> Result<Variant> {
      if constexpr (std::is_same_v<Variant, ToServerMessage>) {
        return decode_to_server_message(**frame);
      } else {
        return decode_to_client_message(**frame);
      }
    }();
    EXPECT_TRUE(message.ok()) << message.error().message;
    if (message.ok()) out.push_back(std::move(*message));
  }
  return out;
}

template <class Variant>
void expect_split_anywhere(const std::vector<Variant>& messages) {
  std::string stream;
  for (const auto& m : messages)
    stream += encode_frame(encode_message(m));
  for (std::size_t split = 0; split <= stream.size(); ++split) {
    FrameDecoder decoder;
    auto got = decode_stream<Variant>(decoder, std::string_view(stream).substr(0, split));
    auto rest = decode_stream<Variant>(decoder, std::string_view(stream).substr(split));
    got.insert(got.end(), rest.begin(), rest.end());
    ASSERT_EQ(got.size(), messages.size()) << "split at byte " << split;
    EXPECT_TRUE(got == messages) << "split at byte " << split;
  }
}

TEST(Split, ServerStreamAtEveryByteBoundary) {
  expect_split_anywhere(testing::sample_to_client_messages());
}

TEST(Split, ClientStreamAtEveryByteBoundary) {
  expect_split_anywhere(testing::sample_to_server_messages());
}

TEST(Split, ServerStreamOneByteAtATime) {
  const auto messages = testing::sample_to_client_messages();
  std::string stream;
  for (const auto& m : messages)
    stream += encode_frame(encode_message(m));
  FrameDecoder decoder;
  std::vector<ToClientMessage> got;
  for (char byte : stream) {
    auto some = decode_stream<ToClientMessage>(decoder, std::string_view(&byte, 1));
    got.insert(got.end(), some.begin(), some.end());
  }
  EXPECT_TRUE(got == messages);
  EXPECT_EQ(decoder.buffered(), 0u);
}

TEST(Split, ServerSideReadsTheHelloThenMessages) {
  const auto messages = testing::sample_to_server_messages();
  std::string stream = std::string(kApiPrefix) + encode_frame("v100..178");
  for (const auto& m : messages)
    stream += encode_frame(encode_message(m));
  for (std::size_t split = 0; split <= stream.size(); split += 7) {
    FrameDecoder decoder(FrameDecoder::Start::kExpectApiPrefix);
    std::vector<std::string> frames;
    for (auto part :
         {std::string_view(stream).substr(0, split), std::string_view(stream).substr(split)}) {
      decoder.feed(part);
      for (auto f = decoder.next(); f.ok() && *f; f = decoder.next())
        frames.push_back(**f);
    }
    ASSERT_EQ(frames.size(), messages.size() + 1);
    EXPECT_EQ(frames.front(), "v100..178");
  }
}

}  // namespace
}  // namespace ibtrade::tws
