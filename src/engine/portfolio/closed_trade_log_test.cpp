#include "engine/portfolio/closed_trade_log.hpp"

#include <cstdint>
#include <string>
#include <utility>

#include <gtest/gtest.h>

namespace ibtrade::engine {
namespace {

Price dollars(std::int64_t units) {
  return Price::from_units(units);
}

// Trade n: n + 1 shares, long when n is even, entered at 100 + n with a range of 90..120.
ClosedTradeLog::Record record_number(const Symbol& symbol, std::uint32_t n) {
  const auto units = static_cast<std::int64_t>(n);
  return {.symbol = &symbol,
          .quantity = Quantity::from_units(units + 1),
          .entry_time = Timestamp{} + std::chrono::seconds(units),
          .entry_price = dollars(100 + units),
          .exit_time = Timestamp{} + std::chrono::seconds(units + 1),
          .exit_price = dollars(110),
          .entry_notional = Money::from_units(units),
          .gross_pnl = Money::from_units(10),
          .entry_commission = Money::from_units(1),
          .exit_commission = Money::from_units(2),
          .net_pnl = Money::from_units(7),
          .low = dollars(90),
          .high = dollars(120 + units),
          .next_from_lot = ClosedTradeLog::kNone,
          .side = n % 2 == 0 ? TradeSide::kLong : TradeSide::kShort};
}

TEST(ClosedTradeLog, ReadsEveryRecordAsItsClosedTradeAcrossBlocks) {
  const Symbol symbol = "A-SYMBOL-LONGER-THAN-SSO-BUFFER";
  ClosedTradeLog log;
  EXPECT_TRUE(log.view().empty());
  constexpr std::uint32_t kCount = 700;  // three blocks
  for (std::uint32_t n = 0; n < kCount; ++n) {
    ASSERT_EQ(log.push([&] { return record_number(symbol, n); }), n);
  }
  ASSERT_EQ(log.size(), kCount);
  const auto trades = log.view();
  ASSERT_EQ(trades.size(), kCount);
  for (std::uint32_t n = 0; n < kCount; ++n) {
    const ClosedTrade& trade = trades[n];
    const auto units = static_cast<std::int64_t>(n);
    EXPECT_EQ(trade.symbol, symbol);
    EXPECT_EQ(trade.quantity, Quantity::from_units(units + 1));
    EXPECT_EQ(trade.entry_price, dollars(100 + units));
    EXPECT_EQ(trade.entry_notional, Money::from_units(units));
    if (n % 2 == 0) {
      EXPECT_EQ(trade.side, TradeSide::kLong);
      EXPECT_EQ(trade.max_adverse_price, dollars(10 + units));
      EXPECT_EQ(trade.max_favorable_price, dollars(20));
    } else {
      EXPECT_EQ(trade.side, TradeSide::kShort);
      EXPECT_EQ(trade.max_adverse_price, dollars(20));
      EXPECT_EQ(trade.max_favorable_price, dollars(10 + units));
    }
  }
}

TEST(ClosedTradeLog, LateCommissionsReachRecordsAndValuesReadBefore) {
  const Symbol symbol = "AAPL";
  ClosedTradeLog log;
  log.push([&] { return record_number(symbol, 0); });
  log.push([&] { return record_number(symbol, 1); });
  ASSERT_EQ(log.view().size(), 2U);  // both read once
  log.push([&] { return record_number(symbol, 2); });
  const Money share = Money::parse("0.25").value();
  log.add_entry_commission(0, share);  // read already
  log.add_exit_commission(1, share);   // read already
  log.add_exit_commission(2, share);   // not read yet
  EXPECT_EQ(log[0].entry_commission, Money::parse("1.25").value());
  EXPECT_EQ(log[1].exit_commission, Money::parse("2.25").value());
  const auto trades = log.view();
  ASSERT_EQ(trades.size(), 3U);
  EXPECT_EQ(trades[0].entry_commission, Money::parse("1.25").value());
  EXPECT_EQ(trades[0].exit_commission, Money::from_units(2));
  EXPECT_EQ(trades[0].net_pnl, Money::parse("6.75").value());
  EXPECT_EQ(trades[0].net_pnl.precision(), 2);
  EXPECT_EQ(trades[1].entry_commission, Money::from_units(1));
  EXPECT_EQ(trades[1].exit_commission, Money::parse("2.25").value());
  EXPECT_EQ(trades[1].net_pnl, Money::parse("6.75").value());
  EXPECT_EQ(trades[2].exit_commission, Money::parse("2.25").value());
  EXPECT_EQ(trades[2].net_pnl, Money::parse("6.75").value());
}

TEST(ClosedTradeLog, KeepsItsRecordsWhenMoved) {
  const Symbol symbol = "MSFT";
  ClosedTradeLog log;
  for (std::uint32_t n = 0; n < 300; ++n)
    log.push([&] { return record_number(symbol, n); });
  log[5].next_from_lot = 7;
  ClosedTradeLog moved(std::move(log));
  ASSERT_EQ(moved.size(), 300U);
  EXPECT_EQ(moved[5].next_from_lot, 7U);
  EXPECT_EQ(moved.view()[299].quantity, Quantity::from_units(300));
}

}  // namespace
}  // namespace ibtrade::engine
