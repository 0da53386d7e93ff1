// Handshake: the client hello bytes, parsing every announced form, the server hello and the
// version negotiation on both sides.
#include "adapters/tws/wire/handshake.hpp"

#include <gtest/gtest.h>

#include "adapters/tws/testing/doc_payload.hpp"
#include "adapters/tws/wire/frame.hpp"

namespace ibtrade::tws {
namespace {

using testing::doc_payload;
using testing::hex_bytes;

TEST(ClientHello, GoldenBytesForV100To178) {
  // protocol doc 1.2: "API\0", u32 length 9, "v100..178" with no trailing NUL.
  EXPECT_EQ(encode_client_hello(ClientHello{}),
            hex_bytes("41 50 49 00 | 00 00 00 09 | 76 31 30 30 2e 2e 31 37 38"));
}

TEST(ClientHello, SingleVersionAndOptions) {
  EXPECT_EQ(format_version_range(ClientHello{178, 178, ""}), "v178");
  EXPECT_EQ(format_version_range(ClientHello{157, 178, "+PACEAPI"}), "v157..178 +PACEAPI");
}

TEST(ClientHello, ParsesEveryFormClientsSend) {
  EXPECT_EQ(parse_client_hello("v100..178").value(), (ClientHello{100, 178, ""}));
  EXPECT_EQ(parse_client_hello("v157..178").value(), (ClientHello{157, 178, ""}));
  EXPECT_EQ(parse_client_hello("v100..193").value(), (ClientHello{100, 193, ""}));  // stoqey
  EXPECT_EQ(parse_client_hello("v178").value(), (ClientHello{178, 178, ""}));
  EXPECT_EQ(parse_client_hello("v100..178 +PACEAPI").value(), (ClientHello{100, 178, "+PACEAPI"}));
}

TEST(ClientHello, RefusesMalformedRanges) {
  for (std::string_view bad : {"", "100..178", "v", "v1x..178", "v178..100", "v100...178", "v100..",
                               "v..178", "v9999999"}) {
    auto parsed = parse_client_hello(bad);
    EXPECT_FALSE(parsed.ok()) << bad;
    if (!parsed.ok()) {
      EXPECT_NE(parsed.error().message.find("client hello"), std::string::npos);
    }
  }
}

TEST(ServerHello, GoldenBytes) {
  // protocol doc 1.3: "178\0" "20240115 10:30:45 EST\0" with length 0x1a.
  const std::string expected = hex_bytes(
      "00 00 00 1a | 31 37 38 00 | 32 30 32 34 30 31 31 35 20 31 30 3a 33 30 3a 34 35 20 45 53 "
      "54 00");
  EXPECT_EQ(encode_server_hello(ServerHello{178, "20240115 10:30:45 EST"}), expected);
  auto hello = decode_server_hello(expected.substr(4));
  ASSERT_TRUE(hello.ok()) << hello.error().message;
  EXPECT_EQ(*hello, (ServerHello{178, "20240115 10:30:45 EST"}));
}

TEST(ServerHello, MustHaveExactlyTwoFields) {
  EXPECT_FALSE(decode_server_hello(doc_payload("178")).ok());
  auto extra = decode_server_hello(doc_payload("178|20240115 10:30:45 EST|x"));
  ASSERT_FALSE(extra.ok());
  EXPECT_EQ(extra.error().message, "server hello: 3 fields where 2 were expected (field 2 is 'x')");
  auto bad = decode_server_hello(doc_payload("v178|t"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "server hello field 0 (serverVersion): 'v178' is not an integer");
}

TEST(Negotiation, ServerPicksTheLowerMaximum) {
  EXPECT_EQ(negotiate_version(ClientHello{100, 193, ""}).value(), 178);  // stoqey
  EXPECT_EQ(negotiate_version(ClientHello{157, 178, ""}).value(), 178);  // ib_insync
  EXPECT_EQ(negotiate_version(ClientHello{100, 176, ""}).value(), 176);  // ibapi 10.19
  EXPECT_EQ(negotiate_version(ClientHello{100, 225, ""}).value(), 178);  // ibapi 10.46
  EXPECT_FALSE(negotiate_version(ClientHello{180, 200, ""}).ok());       // wants more
  EXPECT_FALSE(negotiate_version(ClientHello{100, 150, ""}).ok());       // too old for us
}

TEST(Negotiation, ClientChecksTheServersChoice) {
  const ClientHello sent;
  auto caps = accept_server_version(sent, 178);
  ASSERT_TRUE(caps.ok());
  EXPECT_EQ(caps->server_version, 178);
  EXPECT_FALSE(accept_server_version(sent, 179).ok());  // above what we announced
  auto old = accept_server_version(sent, 150);          // announced, but not implemented
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.error().message,
            "TWS server version 150 is not supported (this adapter speaks 157 to 178)");
}

}  // namespace
}  // namespace ibtrade::tws
