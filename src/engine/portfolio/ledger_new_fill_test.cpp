// Ledger::apply_new_fill and apply_commission(BookedFill), the engine's way in (its order
// manager refuses re-sent executions first): the same books as apply_fill and a commission by
// execution id, without the ledger's own lookups.
#include <algorithm>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "engine/portfolio/ledger.hpp"
#include "engine/portfolio/ledger_test_support.hpp"

namespace ibtrade::engine {
namespace {

using testing::at;
using testing::make_fill;
using testing::usd;

// Opens, adds, closes part, flips through zero, and a second symbol; fills without commission
// get theirs later.
std::vector<Fill> round_trips() {
  return {make_fill("0000e0d5.6543a1b2.01.01", "AMD", Side::kBuy, "100", "10", "0", at(0)),
          make_fill("0000e0d5.6543a1b2.01.02", "AMD", Side::kBuy, "50", "10.50", "0.25", at(1)),
          make_fill("0000e0d5.6543a1b2.01.03", "AMD", Side::kSell, "40", "11", "0", at(2)),
          make_fill("x", "SPY", Side::kSell, "10", "500", "1.00", at(3)),
          make_fill("a-long-execution-id-of-more-than-24-bytes", "AMD", Side::kSell, "200", "9",
                    "0", at(4)),
          make_fill("0000e0d5.6543a1b2.01.05", "AMD", Side::kBuy, "90", "8", "0", at(5))};
}

struct LateCommission {
  std::size_t fill;  // into round_trips()
  Money total;
};

std::vector<LateCommission> late_commissions() {
  return {{0, usd("1.00")}, {2, usd("0.35")}, {4, usd("1.20")}, {0, usd("1.00")},
          {0, usd("1.10")}, {5, usd("0.90")}, {1, usd("0.25")}, {4, usd("1.25")}};
}

void expect_same_books(const Ledger& by_id, const Ledger& by_entry) {
  EXPECT_EQ(by_entry.snapshot(at(9)), by_id.snapshot(at(9)));
  EXPECT_TRUE(std::ranges::equal(by_entry.closed_trades(), by_id.closed_trades()));
  ASSERT_EQ(by_entry.execution_count(), by_id.execution_count());
  for (std::uint32_t i = 0; i < by_id.execution_count(); ++i) {
    EXPECT_EQ(by_entry.execution_id(i), by_id.execution_id(i));
  }
  ASSERT_EQ(by_entry.positions().size(), by_id.positions().size());
  for (const auto& [symbol, position] : by_id.positions()) {
    const LedgerPosition* other = by_entry.position(symbol);
    ASSERT_NE(other, nullptr) << symbol;
    EXPECT_EQ(other->quantity, position.quantity) << symbol;
    EXPECT_EQ(other->cost_basis, position.cost_basis) << symbol;
    EXPECT_EQ(other->open_commission, position.open_commission) << symbol;
    EXPECT_EQ(other->commissions, position.commissions) << symbol;
    EXPECT_TRUE(std::ranges::equal(other->lots.view(), position.lots.view())) << symbol;
  }
}

TEST(LedgerNewFill, BooksWhatApplyFillBooks) {
  Ledger by_id(usd("100000"));
  Ledger by_entry(usd("100000"));
  std::vector<BookedFill> entries;
  for (const Fill& fill : round_trips()) {
    const auto booked = by_id.apply_fill(fill);
    ASSERT_TRUE(booked.ok()) << booked.error().message;
    const auto entry = by_entry.apply_new_fill(fill);
    ASSERT_TRUE(entry.ok()) << entry.error().message;
    EXPECT_EQ(entry->entry, entries.size());
    entries.push_back(*entry);
  }
  expect_same_books(by_id, by_entry);

  for (const LateCommission& late : late_commissions()) {
    const auto by_id_outcome =
        by_id.apply_commission(round_trips()[late.fill].execution_id, late.total);
    ASSERT_TRUE(by_id_outcome.ok()) << by_id_outcome.error().message;
    EXPECT_EQ(by_entry.apply_commission(entries[late.fill], late.total), *by_id_outcome);
  }
  expect_same_books(by_id, by_entry);
}

// Closed trades are kept as records and turned into values when read: values read between the
// fills and late commissions (and so updated in place afterwards) equal values read once at
// the end, to the decimals shown.
TEST(LedgerNewFill, ClosedTradesReadAlongTheWayEqualOneReadAtTheEnd) {
  Ledger read_along(usd("100000"));
  Ledger read_at_end(usd("100000"));
  std::vector<BookedFill> entries;
  for (const Fill& fill : round_trips()) {
    entries.push_back(*read_along.apply_new_fill(fill));
    ASSERT_TRUE(read_at_end.apply_new_fill(fill).ok());
    static_cast<void>(read_along.closed_trades());
  }
  for (const LateCommission& late : late_commissions()) {
    read_along.apply_commission(entries[late.fill], late.total);
    read_at_end.apply_commission(entries[late.fill], late.total);
    static_cast<void>(read_along.closed_trades());
  }
  const auto along = read_along.closed_trades();
  const auto at_end = read_at_end.closed_trades();
  ASSERT_EQ(along.size(), at_end.size());
  ASSERT_GE(along.size(), 4U);
  const auto text = [](const ClosedTrade& t) {
    return t.symbol + " " + t.quantity.to_string() + " " + t.entry_price.to_string() + " " +
           t.exit_price.to_string() + " " + t.entry_notional.to_string() + " " +
           t.gross_pnl.to_string() + " " + t.entry_commission.to_string() + " " +
           t.exit_commission.to_string() + " " + t.net_pnl.to_string() + " " +
           t.max_adverse_price.to_string() + " " + t.max_favorable_price.to_string() + " " +
           (t.side == TradeSide::kLong ? "long" : "short");
  };
  for (std::size_t i = 0; i < along.size(); ++i) {
    EXPECT_EQ(text(along[i]), text(at_end[i])) << i;
    EXPECT_EQ(along[i], at_end[i]) << i;
  }
  EXPECT_EQ(text(at_end.front()), "AMD 40 10 11 400 40 0.44 0.35 39.21 0 1 long");
}

// A ledger booked by entry still knows its ids: a direct caller's apply_fill sees the duplicate,
// a commission by id finds the fill, and an unknown id gets the same error.
TEST(LedgerNewFill, IdsStayKnownToTheLookups) {
  Ledger ledger(usd("100000"));
  const std::vector<Fill> fills = round_trips();
  for (const Fill& fill : fills) {
    ASSERT_TRUE(ledger.apply_new_fill(fill).ok());
  }
  for (const Fill& fill : fills) {
    const auto again = ledger.apply_fill(fill);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, FillOutcome::kDuplicate) << fill.execution_id.value();
  }
  const auto late = ledger.apply_commission(fills[2].execution_id, usd("0.40"));
  ASSERT_TRUE(late.ok()) << late.error().message;
  EXPECT_EQ(*late, CommissionOutcome::kBooked);
  EXPECT_EQ(ledger.apply_commission(BookedFill{2}, usd("0.40")), CommissionOutcome::kUnchanged);
  const auto unknown = ledger.apply_commission(ExecutionId("nope"), usd("1.00"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message,
            "commission for execution \"nope\": no fill with this execution id has been booked");
  // A new fill after the lookups: booked by entry again, found by id again.
  const Fill more = make_fill("more", "SPY", Side::kBuy, "10", "490", "0", at(6));
  const auto entry = ledger.apply_new_fill(more);
  ASSERT_TRUE(entry.ok());
  EXPECT_EQ(entry->entry, fills.size());
  EXPECT_EQ(ledger.execution_id(entry->entry), more.execution_id);
  const auto found = ledger.apply_fill(more);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, FillOutcome::kDuplicate);
}

TEST(LedgerNewFill, RefusesWhatApplyFillRefusesWithTheSameError) {
  Ledger by_id(usd("100000"));
  Ledger by_entry(usd("100000"));
  std::vector<Fill> bad(4, make_fill("e1", "AAPL", Side::kBuy, "100", "10.00", "1.00", at(0)));
  bad[0].execution_id = ExecutionId("");
  bad[1].symbol.clear();
  bad[2].quantity = Quantity{};
  bad[3].price = Price{};
  for (const Fill& fill : bad) {
    const auto expected = by_id.apply_fill(fill);
    const auto refused = by_entry.apply_new_fill(fill);
    ASSERT_FALSE(expected.ok());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().message, expected.error().message);
  }
  EXPECT_EQ(by_entry.execution_count(), 0U);
  EXPECT_EQ(by_entry.snapshot(at(1)), by_id.snapshot(at(1)));
}

}  // namespace
}  // namespace ibtrade::engine
