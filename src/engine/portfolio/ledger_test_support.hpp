// Builders shared by the ledger tests: decimals from text, fills, instants. Test-only; no
// threading rule.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "core/fixed_point.hpp"
#include "core/time.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine::testing {

inline Price px(std::string_view text) {
  return Price::parse(text).value();
}
inline Quantity qty(std::string_view text) {
  return Quantity::parse(text).value();
}
inline Money usd(std::string_view text) {
  return Money::parse(text).value();
}

// Minutes after 2024-03-04 14:30 UTC (09:30 in New York).
inline Timestamp at(int minute) {
  using namespace std::chrono;
  return Timestamp{sys_days{year{2024} / March / 4} + hours{14} + minutes{30} + minutes{minute}};
}

// gtest shows a failing Decimal as raw bytes: core has no PrintTo, and one defined here alone
// would break the one-definition rule against other test files' printers. These show text.
template <class Tag>
::testing::AssertionResult decimals_equal(const char* left_text, const char* right_text,
                                          Decimal<Tag> left, Decimal<Tag> right) {
  if (left == right) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "Expected equality of these values:\n  " << left_text
                                       << "\n    Which is: " << left.to_string() << "\n  "
                                       << right_text << "\n    Which is: " << right.to_string();
}
#define EXPECT_DECIMAL_EQ(a, b) \
  EXPECT_PRED_FORMAT2(::ibtrade::engine::testing::decimals_equal, a, b)
#define ASSERT_DECIMAL_EQ(a, b) \
  ASSERT_PRED_FORMAT2(::ibtrade::engine::testing::decimals_equal, a, b)

inline Fill make_fill(std::string execution_id, std::string symbol, Side side,
                      std::string_view quantity, std::string_view price,
                      std::string_view commission, Timestamp time) {
  Fill fill;
  fill.client_order_id = ClientOrderId("order-" + execution_id);
  fill.execution_id = ExecutionId(std::move(execution_id));
  fill.symbol = std::move(symbol);
  fill.side = side;
  fill.quantity = qty(quantity);
  fill.price = px(price);
  fill.commission = usd(commission);
  fill.time = time;
  return fill;
}

}  // namespace ibtrade::engine::testing
