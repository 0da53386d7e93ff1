// Malformed input never crashes and always fails with a message naming the message and, where
// there is one, the field: truncated payloads, bad numbers, too few and too many fields, wrong
// ids, bogus counts.
#include <gtest/gtest.h>

#include "adapters/tws/messages/codec.hpp"
#include "adapters/tws/messages/dispatch.hpp"
#include "adapters/tws/testing/doc_examples.hpp"
#include "adapters/tws/testing/doc_payload.hpp"
#include "adapters/tws/testing/sample_messages.hpp"

namespace ibtrade::tws {
namespace {

using testing::doc_payload;

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

template <class Variant>
Result<Variant> decode_any(std::string_view payload) {
  if constexpr (std::is_same_v<Variant, ToServerMessage>) {
    return decode_to_server_message(payload);
  } else {
    return decode_to_client_message(payload);
  }
}

// Every way of damaging every sample payload of one direction.
template <class Variant>
void expect_damage_is_reported(const std::vector<Variant>& messages) {
  for (const auto& message : messages) {
    if (std::holds_alternative<UnknownMessage>(message)) continue;
    const std::string name = message_name(message);
    const std::string payload = encode_message(message);
    // Every byte prefix: either a cut-off field or missing fields.
    for (std::size_t n = 0; n < payload.size(); ++n) {
      auto cut = decode_any<Variant>(std::string_view(payload).substr(0, n));
      if (n == 0) {
        ASSERT_FALSE(cut.ok());
        continue;
      }
      if (payload[n - 1] == '\0' && n > 0) {
        // A field boundary: a shorter message of the same id is missing fields...
        if (n <= payload.find('\0')) continue;
        if (cut.ok()) {
          // ...unless it ends exactly where an optional tail could (none at v178 for these).
          ADD_FAILURE() << name << " accepted " << n << " of " << payload.size() << " bytes";
          continue;
        }
        EXPECT_TRUE(starts_with(cut.error().message, name)) << cut.error().message;
        // Missing fields, or a repeat count that no longer fits the fields left.
        const std::string& error = cut.error().message;
        EXPECT_TRUE(error.find("missing") != std::string::npos ||
                    error.find("can't fit") != std::string::npos)
            << error;
      } else {
        ASSERT_FALSE(cut.ok()) << name << " at " << n;
        EXPECT_NE(cut.error().message.find("cut off"), std::string::npos) << cut.error().message;
      }
    }
    // One field too many.
    auto extra = decode_any<Variant>(payload + "surplus" + '\0');
    ASSERT_FALSE(extra.ok()) << name;
    EXPECT_TRUE(starts_with(extra.error().message, name + ": ")) << extra.error().message;
    EXPECT_NE(extra.error().message.find("'surplus'"), std::string::npos);
    // ...which a lenient reader ignores.
    auto lenient = [&]() -> Result<Variant> {
      if constexpr (std::is_same_v<Variant, ToServerMessage>) {
        return decode_to_server_message(payload + "surplus" + '\0', kCapabilities178,
                                        Trailing::kIgnore);
      } else {
        return decode_to_client_message(payload + "surplus" + '\0', kCapabilities178,
                                        Trailing::kIgnore);
      }
    }();
    ASSERT_TRUE(lenient.ok()) << lenient.error().message;
    EXPECT_TRUE(*lenient == message) << name;
    // Each field replaced by text that is no number: decodes, or fails naming the message.
    std::size_t start = 0;
    for (std::size_t field = 0; start < payload.size(); ++field) {
      const std::size_t end = payload.find('\0', start);
      std::string damaged = payload;
      damaged.replace(start, end - start, "x!y");
      auto result = decode_any<Variant>(damaged);
      if (!result.ok() && field > 0) {
        EXPECT_TRUE(starts_with(result.error().message, name)) << result.error().message;
      }
      start = end + 1;
    }
  }
}

TEST(Malformed, DamagedClientMessagesAreReported) {
  expect_damage_is_reported(testing::sample_to_server_messages());
}

TEST(Malformed, DamagedServerMessagesAreReported) {
  expect_damage_is_reported(testing::sample_to_client_messages());
}

TEST(Malformed, BadNumberNamesMessageAndField) {
  auto m = decode_to_client_message(doc_payload("3|1001|Submitted|abc|100|0.0|1|0|0.0|7||0.0"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().message, "ORDER_STATUS field 3 (filled): 'abc' is not a number");
  auto tick = decode<TickPrice>(doc_payload("1|6|1|1|150.2x|300|1"));
  ASSERT_FALSE(tick.ok());
  EXPECT_EQ(tick.error().message, "TICK_PRICE field 4 (price): '150.2x' is not a number");
  auto place = decode<PlaceOrder>(doc_payload("3|1001|0|AAPL|STK||zero"));
  ASSERT_FALSE(place.ok());
  EXPECT_EQ(place.error().message, "PLACE_ORDER field 6 (strike): 'zero' is not a number");
}

TEST(Malformed, TooFewFieldsNamesTheFirstMissingOne) {
  auto m = decode<PositionData>(doc_payload("61|3|DU111111|265598|AAPL|STK||0.0|||NASDAQ|USD"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().message,
            "POSITION_DATA field 12 (localSymbol): missing: the message ends after 12 fields");
}

TEST(Malformed, TooManyFieldsIsAnError) {
  auto m = decode<TickSize>(doc_payload("2|6|1|8|12345|9"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().message, "TICK_SIZE: 6 fields where 5 were expected (field 5 is '9')");
}

TEST(Malformed, WrongIdIsAnError) {
  auto m = decode<TickSize>(doc_payload("1|6|1|8|12345"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().message, "TICK_SIZE field 0 (msgId): id 1 is not TICK_SIZE (2)");
}

TEST(Malformed, OldMessageVersionsAreRefused) {
  auto m = decode<ErrMsg>(doc_payload("4|1|-1|2104|text|"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().message,
            "ERR_MSG field 1 (version): version 1 is not supported (need 2 or later)");
  EXPECT_FALSE(decode<PortfolioValue>(doc_payload("7|7|1")).ok());
}

TEST(Malformed, HugeCountsAreRefusedWithoutAllocating) {
  auto bars = decode<HistoricalData>(doc_payload("17|3|a|b|2000000000|x"));
  ASSERT_FALSE(bars.ok());
  EXPECT_EQ(bars.error().message,
            "HISTORICAL_DATA field 4 (barCount): 2000000000 items of 8 fields can't fit in the 1 "
            "fields left");
  auto rows = decode<ScannerData>(doc_payload("20|3|5|-2"));
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().message, "SCANNER_DATA field 3 (numberOfElements): count -2 is negative");
}

TEST(Malformed, UnknownConditionTypeIsRefused) {
  PlaceOrder m = testing::sample_place_order_everything();
  m.order.conditions = {OrderCondition{}};
  std::string payload = encode(m);
  // The condition's type field follows the count "1": make it 2 (no such condition).
  const std::string marker = std::string(
      "\0"
      "1\0"
      "1\0"
      "a\0",
      7);
  const std::size_t at = payload.find(marker);
  ASSERT_NE(at, std::string::npos);
  payload[at + 3] = '2';
  auto decoded = decode<PlaceOrder>(payload);
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.error().message.find("condition type 2 is not supported"), std::string::npos)
      << decoded.error().message;
}

TEST(Malformed, EmptyAndGarbagePayloads) {
  EXPECT_FALSE(decode_to_client_message("").ok());
  auto garbage = decode_to_client_message(std::string("zz\0", 3));
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.error().message, "server message field 0 (msgId): 'zz' is not an integer");
  auto no_nul = decode_to_server_message("49");
  ASSERT_FALSE(no_nul.ok());
  EXPECT_NE(no_nul.error().message.find("cut off"), std::string::npos);
}

TEST(Malformed, BadTagValueList) {
  auto m = decode<ReqScannerSubscription>(
      doc_payload("22|5|50|STK|STK.US.MAJOR|TOP_PERC_GAIN||||||||||||||0||||priceAbove|"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().message,
            "REQ_SCANNER_SUBSCRIPTION field 23 (scannerSubscriptionFilterOptions): 'priceAbove' "
            "is not tag=value");
}

}  // namespace
}  // namespace ibtrade::tws
