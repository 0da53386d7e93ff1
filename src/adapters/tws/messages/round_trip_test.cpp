// Round trips: every message encodes and decodes back to itself, directly and through the
// dispatchers, at every supported version; field counts change exactly at the gates.
#include <gtest/gtest.h>

#include "adapters/tws/messages/codec.hpp"
#include "adapters/tws/messages/dispatch.hpp"
#include "adapters/tws/testing/doc_examples.hpp"
#include "adapters/tws/testing/doc_payload.hpp"
#include "adapters/tws/testing/sample_messages.hpp"

namespace ibtrade::tws {
namespace {

using testing::doc_payload;
using testing::field_count;

template <class Variant>
Result<Variant> decode_any(std::string_view payload, const Capabilities& caps) {
  if constexpr (std::is_same_v<Variant, ToServerMessage>) {
    return decode_to_server_message(payload, caps);
  } else {
    return decode_to_client_message(payload, caps);
  }
}

// encode -> decode gives the message back, directly (decode<M>) and through the dispatcher.
template <class Variant>
void expect_round_trip(const Variant& message, const Capabilities& caps) {
  const std::string payload = encode_message(message, caps);
  auto back = decode_any<Variant>(payload, caps);
  ASSERT_TRUE(back.ok()) << message_name(message) << " at " << caps.server_version << ": "
                         << back.error().message;
  EXPECT_TRUE(*back == message) << message_name(message) << " at " << caps.server_version;
  std::visit(
      [&](const auto& m) {
        using M = std::remove_cvref_t<decltype(m)>;
        if constexpr (!std::is_same_v<M, UnknownMessage>) {
          auto direct = decode<M>(payload, caps);
          ASSERT_TRUE(direct.ok()) << M::kName << ": " << direct.error().message;
          EXPECT_TRUE(*direct == m) << M::kName;
        }
      },
      message);
}

TEST(RoundTrip, EveryClientMessageAt178) {
  const auto messages = testing::sample_to_server_messages();
  // One sample (or more) of every alternative of the variant.
  std::vector<bool> seen(std::variant_size_v<ToServerMessage>);
  for (const auto& m : messages) {
    seen[m.index()] = true;
    expect_round_trip(m, kCapabilities178);
  }
  for (std::size_t i = 0; i < seen.size(); ++i)
    EXPECT_TRUE(seen[i]) << "alternative " << i;
}

TEST(RoundTrip, EveryServerMessageAt178) {
  const auto messages = testing::sample_to_client_messages();
  std::vector<bool> seen(std::variant_size_v<ToClientMessage>);
  for (const auto& m : messages) {
    seen[m.index()] = true;
    expect_round_trip(m, kCapabilities178);
  }
  for (std::size_t i = 0; i < seen.size(); ++i)
    EXPECT_TRUE(seen[i]) << "alternative " << i;
}

// Below a gate a field does not travel, so the message comes back without it; a second trip is
// then exact.
template <class Variant>
void expect_stable_at(const std::vector<Variant>& messages, const Capabilities& caps) {
  for (const auto& m : messages) {
    auto once = decode_any<Variant>(encode_message(m, caps), caps);
    ASSERT_TRUE(once.ok()) << message_name(m) << " at " << caps.server_version << ": "
                           << once.error().message;
    expect_round_trip(*once, caps);
  }
}

TEST(RoundTrip, EveryMessageAtEverySupportedVersion) {
  const auto to_server = testing::sample_to_server_messages();
  const auto to_client = testing::sample_to_client_messages();
  for (int v = kMinSupportedVersion; v <= kMaxSupportedVersion; ++v) {
    expect_stable_at(to_server, Capabilities::at(v));
    expect_stable_at(to_client, Capabilities::at(v));
  }
}

std::size_t fields_at(const ToServerMessage& m, int version) {
  return field_count(encode_message(m, Capabilities::at(version)));
}
std::size_t fields_at(const ToClientMessage& m, int version) {
  return field_count(encode_message(m, Capabilities::at(version)));
}

TEST(RoundTrip, PlaceOrderFieldCountFollowsTheGates) {
  auto simple = decode<PlaceOrder>(doc_payload(testing::kPlaceOrderLmt));
  ASSERT_TRUE(simple.ok());
  const ToServerMessage m = *simple;
  EXPECT_EQ(fields_at(m, 178), 114u);
  EXPECT_EQ(fields_at(m, 177), 114u);
  EXPECT_EQ(fields_at(m, 176), 115u);  // + faProfile
  EXPECT_EQ(fields_at(m, 169), 115u);
  EXPECT_EQ(fields_at(m, 168), 114u);  // - manualOrderTime
  EXPECT_EQ(fields_at(m, 165), 113u);  // - advancedErrorOverride
  EXPECT_EQ(fields_at(m, 161), 112u);  // - autoCancelParent
  EXPECT_EQ(fields_at(m, 159), 111u);  // - postToAts
  EXPECT_EQ(fields_at(m, 157), 110u);  // - duration
}

TEST(RoundTrip, OpenOrderFieldCountFollowsTheGates) {
  auto simple = decode<OpenOrder>(doc_payload(testing::kOpenOrderLmt));
  ASSERT_TRUE(simple.ok());
  const ToClientMessage m = *simple;
  EXPECT_EQ(fields_at(m, 178), 127u);
  EXPECT_EQ(fields_at(m, 176), 128u);  // + faProfile
  EXPECT_EQ(fields_at(m, 170), 128u);
  EXPECT_EQ(fields_at(m, 169), 123u);  // - the 5 PEG BEST/MID fields
  EXPECT_EQ(fields_at(m, 161), 122u);  // - autoCancelParent
  EXPECT_EQ(fields_at(m, 159), 121u);  // - postToAts
  EXPECT_EQ(fields_at(m, 157), 120u);  // - duration
}

TEST(RoundTrip, OtherGatedMessages) {
  EXPECT_EQ(fields_at(ToClientMessage(ErrMsg{}), 166), 6u);
  EXPECT_EQ(fields_at(ToClientMessage(ErrMsg{}), 165), 5u);
  EXPECT_EQ(fields_at(ToServerMessage(CancelOrder{}), 169), 4u);
  EXPECT_EQ(fields_at(ToServerMessage(CancelOrder{}), 168), 3u);
  EXPECT_EQ(fields_at(ToServerMessage(ReqContractData{}), 176), 19u);
  EXPECT_EQ(fields_at(ToServerMessage(ReqContractData{}), 175), 18u);
  ExecutionData execution;
  EXPECT_EQ(fields_at(ToClientMessage(execution), 178), 32u);
  EXPECT_EQ(fields_at(ToClientMessage(execution), 177), 31u);
  ContractData contract;
  contract.details.sec_id_list = {{"ISIN", "US0378331005"}};
  EXPECT_EQ(fields_at(ToClientMessage(contract), 178), 42u);
  EXPECT_EQ(fields_at(ToClientMessage(contract), 164), 42u);
  // Below 164: + version, + mdSizeMultiplier, - the 3 size rules; at 163 + sizeMinTick.
  EXPECT_EQ(fields_at(ToClientMessage(contract), 163), 42u);
  EXPECT_EQ(fields_at(ToClientMessage(contract), 162), 41u);
}

TEST(RoundTrip, ContractDataBelow164CarriesItsVersion) {
  ContractData m;
  m.req_id = 4;
  const std::string payload = encode(m, Capabilities::at(163));
  FieldReader r(payload, "CONTRACT_DATA");
  EXPECT_EQ(r.int32("msgId"), 10);
  EXPECT_EQ(r.int32("version"), 8);
  EXPECT_EQ(r.int32("reqId"), 4);
}

TEST(RoundTrip, UnknownIdsAreKeptNotFailed) {
  auto m = decode_to_client_message(doc_payload("106|3|20231207|x"));  // HISTORICAL_SCHEDULE
  ASSERT_TRUE(m.ok());
  const auto* unknown = std::get_if<UnknownMessage>(&*m);
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->id, 106);
  EXPECT_EQ(unknown->fields, (std::vector<std::string>{"3", "20231207", "x"}));
  EXPECT_EQ(message_name(*m), "UNKNOWN(106)");
  EXPECT_EQ(encode_message(*m), doc_payload("106|3|20231207|x"));
}

TEST(RoundTrip, DirectionMatters) {
  // Id 3 is PLACE_ORDER one way and ORDER_STATUS the other.
  const std::string status = doc_payload("3|1001|Submitted|0|100|0.0|123456789|0|0.0|7||0.0");
  EXPECT_TRUE(decode_to_client_message(status).ok());
  auto as_order = decode_to_server_message(status);
  ASSERT_FALSE(as_order.ok());
  EXPECT_EQ(as_order.error().message.rfind("PLACE_ORDER", 0), 0u);
}

}  // namespace
}  // namespace ibtrade::tws
