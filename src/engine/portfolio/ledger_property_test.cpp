// Property tests: thousands of random fills (flips included), marks, bars, late and re-sent
// commissions and re-sent executions over several symbols, checked after every event against
// the ledger's identities and against an independent, naive FIFO model.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/portfolio/ledger.hpp"
#include "engine/portfolio/ledger_test_support.hpp"

namespace ibtrade::engine {
namespace {

using testing::at;
using testing::usd;

constexpr std::int64_t kPow10[] = {1,       10,        100,        1'000,       10'000,
                                   100'000, 1'000'000, 10'000'000, 100'000'000, 1'000'000'000};

struct Rng {
  std::mt19937_64 engine;
  // Modulo keeps the sequence identical across standard libraries (distributions are not).
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(engine() % static_cast<std::uint64_t>(high - low + 1));
  }
  bool chance(int percent) { return between(0, 99) < percent; }
};

struct Options {
  int price_decimals = 2;
  int quantity_decimals = 0;
  // price_decimals + quantity_decimals <= 9: every notional is exact, so the naive model's
  // per-fill arithmetic must match the ledger's per-lot arithmetic to the last digit. Otherwise
  // only the identities that hold by construction are checked.
  bool exact = true;
  int events = 15'000;
};

template <class T>
T decimal(std::int64_t units, int decimals) {
  return T::from_raw(units * kPow10[9 - decimals], decimals);
}

// The simplest FIFO book there is: signed lots per symbol, realized as (exit - entry) x qty.
class Model {
 public:
  explicit Model(Money cash) : cash_(cash) {}

  void fill(const Fill& fill) {
    const bool buy = fill.side == Side::kBuy;
    cash_ += buy ? -notional(fill.price, fill.quantity) : notional(fill.price, fill.quantity);
    cash_ -= fill.commission;
    commissions_ += fill.commission;
    commission_of_[fill.execution_id.value()] = fill.commission;
    Quantity& position = quantity_[fill.symbol];
    position = buy ? position + fill.quantity : position - fill.quantity;
    std::deque<Lot>& lots = lots_[fill.symbol];
    Quantity left = fill.quantity;
    while (!left.is_zero() && !lots.empty() && lots.front().quantity.is_positive() != buy) {
      Lot& lot = lots.front();
      const Quantity matched = std::min(left, lot.quantity.abs());
      const Price move =
          lot.quantity.is_positive() ? fill.price - lot.price : lot.price - fill.price;
      realized_ += notional(move, matched);
      lot.quantity = lot.quantity.is_positive() ? lot.quantity - matched : lot.quantity + matched;
      left -= matched;
      if (lot.quantity.is_zero()) lots.pop_front();
    }
    if (!left.is_zero()) lots.push_back(Lot{buy ? left : -left, fill.price});
  }

  // Returns whether the total differs from what was booked (the ledger must say kBooked).
  bool commission(const std::string& execution_id, Money total) {
    Money& booked = commission_of_.at(execution_id);
    const Money delta = total - booked;
    booked = total;
    commissions_ += delta;
    cash_ -= delta;
    return !delta.is_zero();
  }

  struct Lot {
    Quantity quantity;  // signed
    Price price;
  };
  Money cash() const { return cash_; }
  Money realized() const { return realized_; }
  Money commissions() const { return commissions_; }
  const std::map<Symbol, Quantity>& quantities() const { return quantity_; }
  const std::deque<Lot>& lots(const Symbol& symbol) const { return lots_.at(symbol); }

 private:
  Money cash_;
  Money realized_;
  Money commissions_;
  std::map<Symbol, Quantity> quantity_;
  std::map<Symbol, std::deque<Lot>> lots_;
  std::map<std::string, Money> commission_of_;
};

void check_positions(const Ledger& ledger, const Model& model, const Options& options,
                     const std::map<Symbol, Price>& last_price) {
  Money market_value;
  Money long_value;
  Money short_value;
  Money cost_basis;
  for (const auto& [symbol, position] : ledger.positions()) {
    SCOPED_TRACE(symbol);
    ASSERT_EQ(position.symbol, symbol);
    Quantity lot_quantity;
    Money lot_cost;
    Money lot_commission;
    for (const Lot& lot : position.lots) {
      ASSERT_TRUE(lot.quantity.is_positive());
      ASSERT_LE(lot.low, lot.price);
      ASSERT_GE(lot.high, lot.price);
      lot_quantity += lot.quantity;
      lot_cost += lot.cost;
      lot_commission += lot.commission;
      if (options.exact) {
        ASSERT_DECIMAL_EQ(lot.cost, notional(lot.price, lot.quantity));
      }
    }
    // Position quantity and cost basis are the signed sums of the lots.
    const bool is_short = position.quantity.is_negative();
    ASSERT_DECIMAL_EQ(position.quantity, is_short ? -lot_quantity : lot_quantity);
    ASSERT_DECIMAL_EQ(position.cost_basis, is_short ? -lot_cost : lot_cost);
    ASSERT_DECIMAL_EQ(position.open_commission, lot_commission);
    ASSERT_EQ(position.lots.empty(), position.is_flat());
    // Average cost is the lots' cost over their quantity.
    if (!position.is_flat()) {
      ASSERT_DECIMAL_EQ(position.average_cost(), per_unit(lot_cost, lot_quantity, kFixedPrecision));
    }
    ASSERT_DECIMAL_EQ(position.last_price, last_price.at(symbol));
    ASSERT_DECIMAL_EQ(
        position.market_value(),
        position.is_flat() ? Money{} : notional(position.last_price, position.quantity));
    market_value += position.market_value();
    (position.market_value().is_positive() ? long_value : short_value) +=
        position.market_value().abs();
    cost_basis += position.cost_basis;

    // The naive model holds the same lots, in the same order.
    ASSERT_DECIMAL_EQ(position.quantity, model.quantities().at(symbol));
    const auto& model_lots = model.lots(symbol);
    ASSERT_EQ(position.lots.size(), model_lots.size());
    for (std::size_t i = 0; i < model_lots.size(); ++i) {
      ASSERT_DECIMAL_EQ(position.lots[i].price, model_lots[i].price);
      ASSERT_DECIMAL_EQ(position.lots[i].quantity, model_lots[i].quantity.abs());
    }
  }
  ASSERT_EQ(ledger.positions().size(), model.quantities().size());
  ASSERT_DECIMAL_EQ(ledger.long_value(), long_value);
  ASSERT_DECIMAL_EQ(ledger.short_value(), short_value);
  // cash + sum of position market values == equity
  ASSERT_DECIMAL_EQ(ledger.cash() + market_value, ledger.equity());
  ASSERT_DECIMAL_EQ(ledger.unrealized_pnl(), market_value - cost_basis);
  // starting cash + realized - commissions + unrealized == equity
  ASSERT_DECIMAL_EQ(ledger.starting_cash() + ledger.realized_pnl() - ledger.commissions() +
                        ledger.unrealized_pnl(),
                    ledger.equity());
  ASSERT_DECIMAL_EQ(ledger.commissions(), model.commissions());
  if (options.exact) {
    ASSERT_DECIMAL_EQ(ledger.cash(), model.cash());
    ASSERT_DECIMAL_EQ(ledger.realized_pnl(), model.realized());
  }
  const Money buying_power = ledger.account_type() == AccountType::kCash
                                 ? ledger.cash() - short_value
                                 : ledger.equity() * 2 - long_value - short_value;
  ASSERT_DECIMAL_EQ(ledger.buying_power(), buying_power);
}

// O(closed trades): run every few events.
void check_closed_trades(const Ledger& ledger, const Options& options) {
  Money gross;
  Money net;
  Money closed_commission;
  std::map<Symbol, Money> realized_by_symbol;
  for (const ClosedTrade& trade : ledger.closed_trades()) {
    ASSERT_TRUE(trade.quantity.is_positive());
    ASSERT_DECIMAL_EQ(trade.net_pnl,
                      trade.gross_pnl - trade.entry_commission - trade.exit_commission);
    ASSERT_FALSE(trade.max_adverse_price.is_negative());
    ASSERT_FALSE(trade.max_favorable_price.is_negative());
    if (options.exact) {
      ASSERT_DECIMAL_EQ(trade.entry_notional, notional(trade.entry_price, trade.quantity));
      const Price move = trade.side == TradeSide::kLong ? trade.exit_price - trade.entry_price
                                                        : trade.entry_price - trade.exit_price;
      ASSERT_DECIMAL_EQ(trade.gross_pnl, notional(move, trade.quantity));
      // The exit price itself was seen while the lot was open.
      ASSERT_GE(trade.max_favorable_price, move);
      ASSERT_GE(trade.max_adverse_price, -move);
    }
    gross += trade.gross_pnl;
    net += trade.net_pnl;
    closed_commission += trade.commissions();
    realized_by_symbol[trade.symbol] += trade.gross_pnl;
  }
  Money open_commission;
  for (const auto& [symbol, position] : ledger.positions()) {
    open_commission += position.open_commission;
    ASSERT_DECIMAL_EQ(position.realized_pnl, realized_by_symbol[symbol]) << symbol;
  }
  // Sum of closed-trade gross PnL == realized PnL.
  ASSERT_DECIMAL_EQ(gross, ledger.realized_pnl());
  // Every commission sits in exactly one place: a closed trade or an open lot.
  ASSERT_DECIMAL_EQ(closed_commission + open_commission, ledger.commissions());
  // Hence: sum of closed net PnL - open-lot commissions + unrealized == equity - starting cash.
  ASSERT_DECIMAL_EQ(net - open_commission + ledger.unrealized_pnl(),
                    ledger.equity() - ledger.starting_cash());
}

void run(std::uint64_t seed, const Options& options) {
  SCOPED_TRACE("seed " + std::to_string(seed) + " (add it to the regression list if it fails)");
  Rng rng{std::mt19937_64(seed)};
  const std::vector<Symbol> symbols = {"AAPL", "MSFT", "NVDA", "SPY", "TSLA"};
  const std::int64_t price_unit = kPow10[options.price_decimals];        // units per dollar
  const std::int64_t quantity_unit = kPow10[options.quantity_decimals];  // units per share
  std::map<Symbol, std::int64_t> price_units;
  for (const Symbol& symbol : symbols) {
    price_units[symbol] = rng.between(20, 500) * price_unit;
  }
  const AccountType account = seed % 2 == 0 ? AccountType::kRegTMargin : AccountType::kCash;
  Ledger ledger(usd("1000000"), account);
  Model model(usd("1000000"));
  std::map<Symbol, Price> last_price;
  std::vector<Fill> booked;
  Timestamp now = at(0);
  int fills = 0;
  int flips = 0;
  std::size_t max_lots = 0;

  const auto random_commission = [&] {
    if (rng.chance(30)) return Money{};
    const int decimals = rng.chance(80) ? 2 : 4;
    return decimal<Money>(rng.between(1, 5 * kPow10[decimals]), decimals);
  };

  for (int event = 0; event < options.events; ++event) {
    SCOPED_TRACE(::testing::Message() << "event " << event);
    now += std::chrono::seconds(1);
    const Symbol& symbol = symbols[static_cast<std::size_t>(rng.between(0, 4))];
    std::int64_t& units = price_units[symbol];
    units =
        std::max<std::int64_t>(price_unit, units + rng.between(-price_unit / 2, price_unit / 2));
    const Price price = decimal<Price>(units, options.price_decimals);
    const LedgerPosition* position = ledger.position(symbol);
    const Quantity held = position != nullptr ? position->quantity : Quantity{};

    const std::int64_t kind = rng.between(0, 99);
    if (kind < 78) {
      Fill fill;
      fill.execution_id =
          ExecutionId("0000e0d5.65" + std::to_string(seed) + "." + std::to_string(event) + ".01");
      fill.client_order_id = ClientOrderId("order-" + std::to_string(event));
      fill.symbol = symbol;
      fill.price = price;
      fill.time = now;
      fill.commission = random_commission();
      const std::int64_t shape = rng.between(0, 9);
      const Quantity some =
          decimal<Quantity>(rng.between(1, 300 * quantity_unit), options.quantity_decimals);
      const Side closing = held.is_positive() ? Side::kSell : Side::kBuy;
      if (!held.is_zero() && shape == 0) {  // close exactly to flat
        fill.side = closing;
        fill.quantity = held.abs();
      } else if (!held.is_zero() && shape == 1) {  // flip through zero
        fill.side = closing;
        fill.quantity = held.abs() + some;
        ++flips;
      } else if (!held.is_zero() && shape <= 5) {  // add: builds several lots to match across
        fill.side = opposite(closing);
        fill.quantity = some;
      } else {
        fill.side = rng.chance(50) ? Side::kBuy : Side::kSell;
        fill.quantity = some;
      }
      const auto outcome = ledger.apply_fill(fill);
      ASSERT_TRUE(outcome.ok()) << outcome.error().message;
      ASSERT_EQ(*outcome, FillOutcome::kBooked);
      model.fill(fill);
      last_price[symbol] = fill.price;
      booked.push_back(fill);
      ++fills;
    } else if (kind < 86) {
      ASSERT_TRUE(ledger.mark(symbol, price, now).ok());
      if (position != nullptr) last_price[symbol] = price;
    } else if (kind < 91) {
      const std::int64_t low = std::max<std::int64_t>(1, units - rng.between(0, price_unit));
      const std::int64_t high = units + rng.between(0, price_unit);
      const std::int64_t close = rng.between(low, high);
      const Bar bar{now - std::chrono::seconds(rng.between(0, 120)),
                    decimal<Price>(rng.between(low, high), options.price_decimals),
                    decimal<Price>(high, options.price_decimals),
                    decimal<Price>(low, options.price_decimals),
                    decimal<Price>(close, options.price_decimals),
                    Quantity::from_units(1000)};
      const Status status = ledger.mark_bar(symbol, bar);
      ASSERT_TRUE(status.ok()) << status.error().message;
      if (position != nullptr) last_price[symbol] = bar.close;
    } else if (kind < 96 && !booked.empty()) {
      // A late (or corrected, or re-sent) commission report for any earlier execution.
      const Fill& target = booked[static_cast<std::size_t>(
          rng.between(0, static_cast<std::int64_t>(booked.size()) - 1))];
      const Money total = random_commission();
      const bool changes = model.commission(target.execution_id.value(), total);
      const auto outcome = ledger.apply_commission(target.execution_id, total);
      ASSERT_TRUE(outcome.ok()) << outcome.error().message;
      ASSERT_EQ(*outcome, changes ? CommissionOutcome::kBooked : CommissionOutcome::kUnchanged);
    } else if (kind < 99 && !booked.empty()) {
      // IB re-sends executions on reconnect: nothing may change.
      const Fill& again = booked[static_cast<std::size_t>(
          rng.between(0, static_cast<std::int64_t>(booked.size()) - 1))];
      const LedgerSnapshot before = ledger.snapshot(now);
      const std::size_t trades = ledger.closed_trades().size();
      const auto outcome = ledger.apply_fill(again);
      ASSERT_TRUE(outcome.ok());
      ASSERT_EQ(*outcome, FillOutcome::kDuplicate);
      ASSERT_EQ(ledger.snapshot(now), before);
      ASSERT_EQ(ledger.closed_trades().size(), trades);
    } else {
      const LedgerSnapshot before = ledger.snapshot(now);
      ASSERT_FALSE(
          ledger.apply_commission(ExecutionId("never-" + std::to_string(event)), usd("1")).ok());
      ASSERT_EQ(ledger.snapshot(now), before);
    }

    check_positions(ledger, model, options, last_price);
    if (position != nullptr) max_lots = std::max(max_lots, position->lots.size());
    if (::testing::Test::HasFatalFailure()) return;
    if (event % 256 == 0 || event + 1 == options.events) {
      check_closed_trades(ledger, options);
      if (::testing::Test::HasFatalFailure()) return;
    }
  }
  EXPECT_GE(fills, 10'000);
  EXPECT_GE(flips, 800);
  EXPECT_GE(max_lots, 8U);  // deep FIFO matching was exercised
  EXPECT_GE(ledger.closed_trades().size(), 5'000U);
}

// Fixed seeds; append any seed that ever fails so that it keeps being run.
constexpr std::uint64_t kWholeShareSeeds[] = {1, 2, 3, 42, 20240604};
constexpr std::uint64_t kFractionalSeeds[] = {7, 8};
constexpr std::uint64_t kRoundingSeeds[] = {5, 6};

TEST(LedgerProperty, WholeSharesPennyPrices) {
  for (const std::uint64_t seed : kWholeShareSeeds) {
    run(seed, Options{.price_decimals = 2, .quantity_decimals = 0, .exact = true});
    if (HasFatalFailure()) return;
  }
}

TEST(LedgerProperty, FractionalSharesSubPennyPrices) {
  for (const std::uint64_t seed : kFractionalSeeds) {
    run(seed, Options{.price_decimals = 4, .quantity_decimals = 3, .exact = true});
    if (HasFatalFailure()) return;
  }
}

// 6 + 5 decimals: notionals round at 1e-9, and the identities must still hold exactly.
TEST(LedgerProperty, IdentitiesHoldWhenNotionalsRound) {
  for (const std::uint64_t seed : kRoundingSeeds) {
    run(seed, Options{.price_decimals = 6, .quantity_decimals = 5, .exact = false});
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace ibtrade::engine
