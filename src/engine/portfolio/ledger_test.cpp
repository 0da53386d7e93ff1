// Worked examples: every expected number is computed by hand in the comment above it.
#include "engine/portfolio/ledger.hpp"

#include <gtest/gtest.h>

#include "engine/portfolio/ledger_test_support.hpp"

namespace ibtrade::engine {
namespace {

using testing::at;
using testing::make_fill;
using testing::px;
using testing::qty;
using testing::usd;

void book(Ledger& ledger, const Fill& fill) {
  const auto outcome = ledger.apply_fill(fill);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  ASSERT_EQ(*outcome, FillOutcome::kBooked) << fill.execution_id.value();
}

void mark(Ledger& ledger, std::string_view symbol, std::string_view price, Timestamp time) {
  const Status status = ledger.mark(symbol, px(price), time);
  ASSERT_TRUE(status.ok()) << status.error().message;
}

// starting cash + realized - commissions + unrealized == equity, the identity every test ends on.
void expect_books_balance(const Ledger& ledger) {
  EXPECT_DECIMAL_EQ(ledger.starting_cash() + ledger.realized_pnl() - ledger.commissions() +
                        ledger.unrealized_pnl(),
                    ledger.equity());
}

TEST(LedgerWorked, LongOpenAddPartialCloseAndClose) {
  Ledger ledger(usd("100000"));

  // Buy 100 @ 10.00, commission 1.00: cash 100000 - 1000 - 1 = 98999.
  book(ledger, make_fill("e1", "AAPL", Side::kBuy, "100", "10.00", "1.00", at(0)));
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("98999"));
  // Add 50 @ 12.00, commission 0.50: cash 98999 - 600 - 0.50 = 98398.50; cost 1000 + 600 = 1600;
  // average 1600 / 150 = 10.6666... -> 10.666666667 (half-even at 1e-9).
  book(ledger, make_fill("e2", "AAPL", Side::kBuy, "50", "12.00", "0.50", at(1)));
  const LedgerPosition* aapl = ledger.position("AAPL");
  ASSERT_NE(aapl, nullptr);
  EXPECT_DECIMAL_EQ(aapl->quantity, qty("150"));
  EXPECT_DECIMAL_EQ(aapl->cost_basis, usd("1600"));
  EXPECT_DECIMAL_EQ(aapl->average_cost(), px("10.666666667"));
  EXPECT_EQ(aapl->average_cost().to_string(), "10.666666667");
  ASSERT_EQ(aapl->lots.size(), 2U);
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("98398.50"));

  // Sell 120 @ 13.00, commission 1.20 (exit share 1.20 x 100/120 = 1.00 and 0.20):
  //   lot 1: 100 @ 10.00: gross 1300 - 1000 = 300, entry commission 1.00, net 300 - 2.00 = 298
  //   lot 2: 20 of 50 @ 12.00: gross 260 - 240 = 20, entry 0.50 x 20/50 = 0.20, net 19.60
  // realized 320; cash 98398.50 + 1560 - 1.20 = 99957.30; left: 30 @ 12.00, cost 360,
  // carrying commission 0.30.
  book(ledger, make_fill("e3", "AAPL", Side::kSell, "120", "13.00", "1.20", at(2)));
  ASSERT_EQ(ledger.closed_trades().size(), 2U);
  const ClosedTrade& first = ledger.closed_trades()[0];
  EXPECT_EQ(first.side, TradeSide::kLong);
  EXPECT_DECIMAL_EQ(first.quantity, qty("100"));
  EXPECT_DECIMAL_EQ(first.entry_price, px("10.00"));
  EXPECT_DECIMAL_EQ(first.exit_price, px("13.00"));
  EXPECT_EQ(first.entry_time, at(0));
  EXPECT_EQ(first.exit_time, at(2));
  EXPECT_EQ(first.holding_time(), std::chrono::minutes(2));
  EXPECT_DECIMAL_EQ(first.entry_notional, usd("1000"));
  EXPECT_DECIMAL_EQ(first.gross_pnl, usd("300"));
  EXPECT_DECIMAL_EQ(first.entry_commission, usd("1.00"));
  EXPECT_DECIMAL_EQ(first.exit_commission, usd("1.00"));
  EXPECT_DECIMAL_EQ(first.net_pnl, usd("298"));
  // 298 / 1000 = 29.8 %
  EXPECT_DECIMAL_EQ(first.return_percent(), Percent::parse("29.8").value());
  const ClosedTrade& second = ledger.closed_trades()[1];
  EXPECT_DECIMAL_EQ(second.quantity, qty("20"));
  EXPECT_DECIMAL_EQ(second.entry_price, px("12.00"));
  EXPECT_DECIMAL_EQ(second.gross_pnl, usd("20"));
  EXPECT_DECIMAL_EQ(second.entry_commission, usd("0.20"));
  EXPECT_DECIMAL_EQ(second.exit_commission, usd("0.20"));
  EXPECT_DECIMAL_EQ(second.net_pnl, usd("19.60"));
  EXPECT_EQ(second.entry_commission.to_string(), "0.20");
  EXPECT_DECIMAL_EQ(ledger.realized_pnl(), usd("320"));
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("99957.30"));
  EXPECT_DECIMAL_EQ(aapl->quantity, qty("30"));
  ASSERT_EQ(aapl->lots.size(), 1U);
  EXPECT_DECIMAL_EQ(aapl->lots[0].quantity, qty("30"));
  EXPECT_DECIMAL_EQ(aapl->lots[0].cost, usd("360"));
  EXPECT_DECIMAL_EQ(aapl->lots[0].commission, usd("0.30"));
  EXPECT_DECIMAL_EQ(aapl->open_commission, usd("0.30"));
  EXPECT_DECIMAL_EQ(aapl->average_cost(), px("12"));
  EXPECT_EQ(aapl->average_cost().to_string(), "12.00");

  // Mark 11.00: value 330, unrealized 330 - 360 = -30, equity 99957.30 + 330 = 100287.30
  // = 100000 + 320 - 2.70 - 30.
  mark(ledger, "AAPL", "11.00", at(3));
  EXPECT_DECIMAL_EQ(ledger.unrealized_pnl(), usd("-30"));
  EXPECT_DECIMAL_EQ(ledger.equity(), usd("100287.30"));
  expect_books_balance(ledger);

  // Sell the last 30 @ 11.50, commission 0.30: gross 345 - 360 = -15, net -15 - 0.30 - 0.30 =
  // -15.60; realized 305; cash 99957.30 + 345 - 0.30 = 100302 = 100000 + 305 - 3.00.
  book(ledger, make_fill("e4", "AAPL", Side::kSell, "30", "11.50", "0.30", at(4)));
  ASSERT_EQ(ledger.closed_trades().size(), 3U);
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[2].net_pnl, usd("-15.60"));
  EXPECT_TRUE(aapl->is_flat());
  EXPECT_TRUE(aapl->lots.empty());
  EXPECT_DECIMAL_EQ(aapl->cost_basis, usd("0"));
  EXPECT_DECIMAL_EQ(aapl->realized_pnl, usd("305"));
  EXPECT_DECIMAL_EQ(aapl->commissions, usd("3.00"));
  EXPECT_DECIMAL_EQ(ledger.realized_pnl(), usd("305"));
  EXPECT_DECIMAL_EQ(ledger.commissions(), usd("3.00"));
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("100302"));
  EXPECT_DECIMAL_EQ(ledger.equity(), usd("100302"));
  EXPECT_DECIMAL_EQ(ledger.unrealized_pnl(), usd("0"));
  EXPECT_DECIMAL_EQ(ledger.gross_exposure(), usd("0"));
  // Sum of net PnL 298 + 19.60 - 15.60 = 302 = realized 305 - commissions 3.
  expect_books_balance(ledger);
}

TEST(LedgerWorked, ShortOpenAndCover) {
  Ledger ledger(usd("50000"));
  // Sell short 200 @ 25.00, commission 1.00: cash 50000 + 5000 - 1 = 54999; cost basis -5000;
  // value -5000; equity 49999.
  book(ledger, make_fill("s1", "TSLA", Side::kSell, "200", "25.00", "1.00", at(0)));
  const LedgerPosition* tsla = ledger.position("TSLA");
  ASSERT_NE(tsla, nullptr);
  EXPECT_DECIMAL_EQ(tsla->quantity, qty("-200"));
  EXPECT_DECIMAL_EQ(tsla->cost_basis, usd("-5000"));
  EXPECT_DECIMAL_EQ(tsla->average_cost(), px("25.00"));
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("54999"));
  EXPECT_DECIMAL_EQ(ledger.equity(), usd("49999"));
  EXPECT_DECIMAL_EQ(ledger.short_value(), usd("5000"));
  EXPECT_DECIMAL_EQ(ledger.net_exposure(), usd("-5000"));

  // Mark 24.00: value -4800, unrealized -4800 + 5000 = 200, equity 54999 - 4800 = 50199.
  mark(ledger, "TSLA", "24.00", at(1));
  EXPECT_DECIMAL_EQ(tsla->market_value(), usd("-4800"));
  EXPECT_DECIMAL_EQ(ledger.unrealized_pnl(), usd("200"));
  EXPECT_DECIMAL_EQ(ledger.equity(), usd("50199"));
  expect_books_balance(ledger);

  // Cover 200 @ 23.50, commission 1.00: gross 5000 - 4700 = 300, net 298; cash 54999 - 4700 - 1
  // = 50298 = 50000 + 300 - 2.
  book(ledger, make_fill("s2", "TSLA", Side::kBuy, "200", "23.50", "1.00", at(5)));
  ASSERT_EQ(ledger.closed_trades().size(), 1U);
  const ClosedTrade& trade = ledger.closed_trades()[0];
  EXPECT_EQ(trade.side, TradeSide::kShort);
  EXPECT_DECIMAL_EQ(trade.gross_pnl, usd("300"));
  EXPECT_DECIMAL_EQ(trade.net_pnl, usd("298"));
  // 298 / 5000 = 5.96 %
  EXPECT_DECIMAL_EQ(trade.return_percent(), Percent::parse("5.96").value());
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("50298"));
  EXPECT_DECIMAL_EQ(ledger.equity(), usd("50298"));
  EXPECT_TRUE(tsla->is_flat());
  expect_books_balance(ledger);
}

TEST(LedgerWorked, FlipLongToShortAndBackInOneFillEach) {
  Ledger ledger(usd("100000"));
  book(ledger, make_fill("f1", "MSFT", Side::kBuy, "100", "10", "1.00", at(0)));
  // Sell 150 @ 11, commission 1.50: closes 100 (gross 1100 - 1000 = 100, exit commission
  // 1.50 x 100/150 = 1.00, entry 1.00, net 98) and opens -50 @ 11 carrying 0.50, opened at(1).
  // cash 100000 - 1000 - 1 + 1650 - 1.50 = 100647.50; value -550; equity 100097.50
  // = 100000 + 100 - 2.50.
  book(ledger, make_fill("f2", "MSFT", Side::kSell, "150", "11", "1.50", at(1)));
  const LedgerPosition* msft = ledger.position("MSFT");
  ASSERT_NE(msft, nullptr);
  EXPECT_DECIMAL_EQ(msft->quantity, qty("-50"));
  ASSERT_EQ(msft->lots.size(), 1U);
  EXPECT_DECIMAL_EQ(msft->lots[0].quantity, qty("50"));
  EXPECT_DECIMAL_EQ(msft->lots[0].price, px("11"));
  EXPECT_EQ(msft->lots[0].open_time, at(1));
  EXPECT_DECIMAL_EQ(msft->lots[0].commission, usd("0.50"));
  EXPECT_DECIMAL_EQ(msft->cost_basis, usd("-550"));
  ASSERT_EQ(ledger.closed_trades().size(), 1U);
  EXPECT_EQ(ledger.closed_trades()[0].side, TradeSide::kLong);
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].quantity, qty("100"));
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].exit_commission, usd("1.00"));
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].net_pnl, usd("98"));
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("100647.50"));
  EXPECT_DECIMAL_EQ(ledger.equity(), usd("100097.50"));
  expect_books_balance(ledger);

  // Buy 80 @ 10.50, commission 0.80: covers 50 (gross 550 - 525 = 25, exit 0.80 x 50/80 = 0.50,
  // entry 0.50, net 24) and opens +30 @ 10.50 carrying 0.30. cash 100647.50 - 840 - 0.80 =
  // 99806.70; value 315; equity 100121.70 = 100000 + 125 - 3.30.
  book(ledger, make_fill("f3", "MSFT", Side::kBuy, "80", "10.50", "0.80", at(2)));
  EXPECT_DECIMAL_EQ(msft->quantity, qty("30"));
  ASSERT_EQ(msft->lots.size(), 1U);
  EXPECT_DECIMAL_EQ(msft->lots[0].price, px("10.50"));
  EXPECT_DECIMAL_EQ(msft->lots[0].commission, usd("0.30"));
  ASSERT_EQ(ledger.closed_trades().size(), 2U);
  const ClosedTrade& cover = ledger.closed_trades()[1];
  EXPECT_EQ(cover.side, TradeSide::kShort);
  EXPECT_DECIMAL_EQ(cover.quantity, qty("50"));
  EXPECT_DECIMAL_EQ(cover.entry_price, px("11"));
  EXPECT_DECIMAL_EQ(cover.gross_pnl, usd("25"));
  EXPECT_DECIMAL_EQ(cover.entry_commission, usd("0.50"));
  EXPECT_DECIMAL_EQ(cover.exit_commission, usd("0.50"));
  EXPECT_DECIMAL_EQ(cover.net_pnl, usd("24"));
  EXPECT_DECIMAL_EQ(ledger.realized_pnl(), usd("125"));
  EXPECT_DECIMAL_EQ(ledger.commissions(), usd("3.30"));
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("99806.70"));
  EXPECT_DECIMAL_EQ(ledger.equity(), usd("100121.70"));
  expect_books_balance(ledger);
}

TEST(LedgerWorked, PartialCloseAcrossSeveralFifoLots) {
  Ledger ledger(usd("100000"));
  book(ledger, make_fill("a", "IBM", Side::kBuy, "10", "100", "0", at(0)));
  book(ledger, make_fill("b", "IBM", Side::kBuy, "20", "101", "0", at(1)));
  book(ledger, make_fill("c", "IBM", Side::kBuy, "30", "102", "0", at(2)));
  // Sell 45 @ 103 takes, oldest first: 10 @ 100 (+30), 20 @ 101 (+40), 15 of 30 @ 102 (+15).
  book(ledger, make_fill("d", "IBM", Side::kSell, "45", "103", "0", at(3)));
  const auto trades = ledger.closed_trades();
  ASSERT_EQ(trades.size(), 3U);
  EXPECT_DECIMAL_EQ(trades[0].entry_price, px("100"));
  EXPECT_DECIMAL_EQ(trades[0].quantity, qty("10"));
  EXPECT_DECIMAL_EQ(trades[0].gross_pnl, usd("30"));
  EXPECT_DECIMAL_EQ(trades[1].entry_price, px("101"));
  EXPECT_DECIMAL_EQ(trades[1].quantity, qty("20"));
  EXPECT_DECIMAL_EQ(trades[1].gross_pnl, usd("40"));
  EXPECT_DECIMAL_EQ(trades[2].entry_price, px("102"));
  EXPECT_DECIMAL_EQ(trades[2].quantity, qty("15"));
  EXPECT_DECIMAL_EQ(trades[2].gross_pnl, usd("15"));
  EXPECT_EQ(trades[2].entry_time, at(2));
  EXPECT_DECIMAL_EQ(ledger.realized_pnl(), usd("85"));
  const LedgerPosition* ibm = ledger.position("IBM");
  ASSERT_NE(ibm, nullptr);
  EXPECT_DECIMAL_EQ(ibm->quantity, qty("15"));
  ASSERT_EQ(ibm->lots.size(), 1U);
  EXPECT_DECIMAL_EQ(ibm->lots[0].cost, usd("1530"));
  EXPECT_DECIMAL_EQ(ibm->average_cost(), px("102"));
  // Sell the other 15 @ 99: (99 - 102) x 15 = -45; realized 85 - 45 = 40.
  book(ledger, make_fill("e", "IBM", Side::kSell, "15", "99", "0", at(4)));
  EXPECT_DECIMAL_EQ(ledger.realized_pnl(), usd("40"));
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("100040"));
  expect_books_balance(ledger);
}

TEST(LedgerWorked, CommissionsReduceCashAndNetPnlExactly) {
  struct Case {
    const char* entry_commission;
    const char* exit_commission;
    const char* cash;     // 100000 - 2000 + 2100 - both commissions
    const char* net_pnl;  // 100 - both commissions
  };
  const Case cases[] = {
      {"0", "0", "100100", "100"},
      {"0.35", "0.35", "100099.30", "99.30"},
      {"1.00", "1.72", "100097.28", "97.28"},
      {"0.0035", "0.0001", "100099.9964", "99.9964"},
      {"35.00", "70.00", "99995", "-5"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.entry_commission) + " / " + c.exit_commission);
    Ledger ledger(usd("100000"));
    book(ledger, make_fill("in", "KO", Side::kBuy, "200", "10", c.entry_commission, at(0)));
    book(ledger, make_fill("out", "KO", Side::kSell, "200", "10.50", c.exit_commission, at(1)));
    EXPECT_DECIMAL_EQ(ledger.cash(), usd(c.cash));
    ASSERT_EQ(ledger.closed_trades().size(), 1U);
    EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].gross_pnl, usd("100"));
    EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].net_pnl, usd(c.net_pnl));
    EXPECT_DECIMAL_EQ(ledger.commissions(), usd(c.entry_commission) + usd(c.exit_commission));
    expect_books_balance(ledger);
  }
}

TEST(LedgerWorked, LateCommissionsReachCashTradesAndLots) {
  Ledger ledger(usd("100000"));
  book(ledger, make_fill("E1", "AMD", Side::kBuy, "100", "10", "0", at(0)));
  book(ledger, make_fill("E2", "AMD", Side::kSell, "40", "11", "0", at(1)));
  ASSERT_EQ(ledger.closed_trades().size(), 1U);
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].net_pnl, usd("40"));

  // E1 reports 1.00: its lot opened 100; 40 went to the closed trade (1.00 x 40/100 = 0.40),
  // 60 is still open (the remainder, 0.60).
  auto outcome = ledger.apply_commission(ExecutionId("E1"), usd("1.00"));
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_EQ(*outcome, CommissionOutcome::kBooked);
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].entry_commission, usd("0.40"));
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].net_pnl, usd("39.60"));
  const LedgerPosition* amd = ledger.position("AMD");
  ASSERT_NE(amd, nullptr);
  EXPECT_DECIMAL_EQ(amd->lots[0].commission, usd("0.60"));
  EXPECT_DECIMAL_EQ(amd->open_commission, usd("0.60"));
  // cash 100000 - 1000 + 440 - 1.00
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("99439"));

  // E2 reports 0.35: all of it is the exit of the one trade it closed: net 39.60 - 0.35.
  outcome = ledger.apply_commission(ExecutionId("E2"), usd("0.35"));
  ASSERT_TRUE(outcome.ok());
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].exit_commission, usd("0.35"));
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].net_pnl, usd("39.25"));

  // The same report again (IB re-sends on reconnect) changes nothing.
  outcome = ledger.apply_commission(ExecutionId("E1"), usd("1.00"));
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(*outcome, CommissionOutcome::kUnchanged);
  EXPECT_DECIMAL_EQ(ledger.commissions(), usd("1.35"));

  // A corrected report of 1.10 books the 0.10 difference: 0.04 to the trade, 0.06 to the lot.
  outcome = ledger.apply_commission(ExecutionId("E1"), usd("1.10"));
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(*outcome, CommissionOutcome::kBooked);
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].entry_commission, usd("0.44"));
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].net_pnl, usd("39.21"));
  EXPECT_DECIMAL_EQ(amd->lots[0].commission, usd("0.66"));

  // Sell the last 60 @ 12, commission 0.60: gross 120, entry 0.66 (all the lot carries), exit
  // 0.60, net 118.74. commissions 1.10 + 0.35 + 0.60 = 2.05; cash 100000 - 1000 + 440 + 720 -
  // 2.05 = 100157.95 = 100000 + realized 160 - 2.05 = 100000 + 39.21 + 118.74.
  book(ledger, make_fill("E3", "AMD", Side::kSell, "60", "12", "0.60", at(2)));
  ASSERT_EQ(ledger.closed_trades().size(), 2U);
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[1].entry_commission, usd("0.66"));
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[1].net_pnl, usd("118.74"));
  EXPECT_DECIMAL_EQ(ledger.commissions(), usd("2.05"));
  EXPECT_DECIMAL_EQ(amd->commissions, usd("2.05"));
  EXPECT_DECIMAL_EQ(amd->open_commission, usd("0"));
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("100157.95"));
  expect_books_balance(ledger);
}

TEST(LedgerWorked, LateCommissionOnAFlipSplitsBetweenTradeAndNewLot) {
  Ledger ledger(usd("100000"));
  book(ledger, make_fill("L1", "NVDA", Side::kBuy, "100", "10", "0", at(0)));
  book(ledger, make_fill("L2", "NVDA", Side::kSell, "150", "11", "0", at(1)));
  // 1.50 over 150: the closed 100 take 1.00, the new short lot of 50 takes 0.50.
  const auto outcome = ledger.apply_commission(ExecutionId("L2"), usd("1.50"));
  ASSERT_TRUE(outcome.ok());
  ASSERT_EQ(ledger.closed_trades().size(), 1U);
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].exit_commission, usd("1.00"));
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].net_pnl, usd("99"));
  const LedgerPosition* nvda = ledger.position("NVDA");
  ASSERT_NE(nvda, nullptr);
  EXPECT_DECIMAL_EQ(nvda->lots[0].commission, usd("0.50"));
  expect_books_balance(ledger);
}

TEST(LedgerWorked, LateCommissionSplitsIntoThirdsExactly) {
  Ledger ledger(usd("100000"));
  book(ledger, make_fill("o", "F", Side::kBuy, "3", "10", "0", at(0)));
  book(ledger, make_fill("c1", "F", Side::kSell, "1", "10", "0", at(1)));
  book(ledger, make_fill("c2", "F", Side::kSell, "1", "10", "0", at(2)));
  // 1.00 over 3 shares: 0.333333333 to each closed trade, the open share takes the rest,
  // 0.333333334, so the pieces add up to 1.00 exactly.
  ASSERT_TRUE(ledger.apply_commission(ExecutionId("o"), usd("1.00")).ok());
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].entry_commission, usd("0.333333333"));
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[1].entry_commission, usd("0.333333333"));
  EXPECT_DECIMAL_EQ(ledger.position("F")->lots[0].commission, usd("0.333333334"));
  EXPECT_DECIMAL_EQ(ledger.commissions(), usd("1.00"));
}

TEST(LedgerWorked, UnknownExecutionForALateCommissionIsReported) {
  Ledger ledger(usd("1000"));
  book(ledger, make_fill("known", "X", Side::kBuy, "1", "10", "0", at(0)));
  const LedgerSnapshot before = ledger.snapshot(at(1));
  const auto outcome = ledger.apply_commission(ExecutionId("nope"), usd("1.00"));
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.error().message.find("\"nope\""), std::string::npos);
  EXPECT_EQ(ledger.snapshot(at(1)), before);
}

TEST(LedgerWorked, DuplicateExecutionIsNotBookedTwice) {
  Ledger ledger(usd("10000"));
  const Fill fill = make_fill("dup", "SPY", Side::kBuy, "10", "500", "1.00", at(0));
  book(ledger, fill);
  const LedgerSnapshot before = ledger.snapshot(at(1));
  auto again = ledger.apply_fill(fill);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, FillOutcome::kDuplicate);
  // Even a re-sent copy that differs (a later time, another price) is the same execution.
  Fill changed = fill;
  changed.price = px("501");
  changed.time = at(5);
  again = ledger.apply_fill(changed);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, FillOutcome::kDuplicate);
  EXPECT_EQ(ledger.snapshot(at(1)), before);
  EXPECT_DECIMAL_EQ(ledger.position("SPY")->quantity, qty("10"));
  EXPECT_EQ(ledger.execution_count(), 1U);
  EXPECT_EQ(ledger.execution_id(0), ExecutionId("dup"));
}

TEST(LedgerWorked, FractionalShares) {
  Ledger ledger(usd("1000"));
  // Buy 0.5 @ 187.33 (cost 93.665, commission 0.01) and 1.25 @ 190.10 (cost 237.625): 1.75
  // shares, cost 331.29, average 331.29 / 1.75 = 189.30857142857... -> 189.308571429.
  book(ledger, make_fill("fr1", "AAPL", Side::kBuy, "0.5", "187.33", "0.01", at(0)));
  book(ledger, make_fill("fr2", "AAPL", Side::kBuy, "1.25", "190.10", "0", at(1)));
  const LedgerPosition* aapl = ledger.position("AAPL");
  ASSERT_NE(aapl, nullptr);
  EXPECT_DECIMAL_EQ(aapl->quantity, qty("1.75"));
  EXPECT_DECIMAL_EQ(aapl->cost_basis, usd("331.29"));
  EXPECT_DECIMAL_EQ(aapl->average_cost(), px("189.308571429"));
  // cash 1000 - 93.665 - 0.01 - 237.625 = 668.70
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("668.70"));
  // Sell 0.3 @ 200: gross 60 - 56.199 = 3.801; entry commission 0.01 x 0.3/0.5 = 0.006; the lot
  // keeps 0.2 @ 187.33, cost 37.466, commission 0.004.
  book(ledger, make_fill("fr3", "AAPL", Side::kSell, "0.3", "200", "0", at(2)));
  ASSERT_EQ(ledger.closed_trades().size(), 1U);
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].gross_pnl, usd("3.801"));
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].entry_commission, usd("0.006"));
  EXPECT_DECIMAL_EQ(ledger.closed_trades()[0].net_pnl, usd("3.795"));
  EXPECT_DECIMAL_EQ(aapl->lots[0].quantity, qty("0.2"));
  EXPECT_DECIMAL_EQ(aapl->lots[0].cost, usd("37.466"));
  EXPECT_DECIMAL_EQ(aapl->lots[0].commission, usd("0.004"));
  EXPECT_DECIMAL_EQ(aapl->quantity, qty("1.45"));
  // Valued at the last fill, 200: 1.45 x 200 = 290; cost 331.29 - 56.199 = 275.091;
  // unrealized 14.909; cash 668.70 + 60 = 728.70; equity 1018.70.
  EXPECT_DECIMAL_EQ(aapl->market_value(), usd("290"));
  EXPECT_DECIMAL_EQ(ledger.unrealized_pnl(), usd("14.909"));
  EXPECT_DECIMAL_EQ(ledger.equity(), usd("1018.70"));
  expect_books_balance(ledger);
}

TEST(LedgerWorked, MarksValuePositionsAcrossSymbols) {
  Ledger ledger(usd("100000"));
  book(ledger, make_fill("m1", "AAPL", Side::kBuy, "100", "150", "0", at(0)));
  book(ledger, make_fill("m2", "MSFT", Side::kSell, "50", "400", "0", at(0)));
  // cash 100000 - 15000 + 20000 = 105000.
  mark(ledger, "AAPL", "155", at(1));  // value 15500, unrealized +500
  mark(ledger, "MSFT", "410", at(1));  // value -20500, unrealized -500
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("105000"));
  EXPECT_DECIMAL_EQ(ledger.long_value(), usd("15500"));
  EXPECT_DECIMAL_EQ(ledger.short_value(), usd("20500"));
  EXPECT_DECIMAL_EQ(ledger.gross_exposure(), usd("36000"));
  EXPECT_DECIMAL_EQ(ledger.net_exposure(), usd("-5000"));
  EXPECT_DECIMAL_EQ(ledger.unrealized_pnl(), usd("0"));
  // 105000 + 15500 - 20500
  EXPECT_DECIMAL_EQ(ledger.equity(), usd("100000"));
  EXPECT_DECIMAL_EQ(ledger.position("AAPL")->unrealized_pnl(), usd("500"));
  EXPECT_DECIMAL_EQ(ledger.position("MSFT")->unrealized_pnl(), usd("-500"));
  EXPECT_EQ(ledger.position("MSFT")->last_price_time, at(1));
  // A mark for a symbol never traded is ignored and creates nothing.
  mark(ledger, "GOOG", "100", at(2));
  EXPECT_EQ(ledger.position("GOOG"), nullptr);
  // Positions come out ordered by symbol.
  std::vector<Symbol> symbols;
  for (const auto& [symbol, position] : ledger.positions()) {
    symbols.push_back(symbol);
  }
  EXPECT_EQ(symbols, (std::vector<Symbol>{"AAPL", "MSFT"}));
  expect_books_balance(ledger);
}

TEST(LedgerWorked, RegTMarginBuyingPower) {
  Ledger ledger(usd("100000"), AccountType::kRegTMargin);
  // Flat: 2 x 100000 - 0.
  EXPECT_DECIMAL_EQ(ledger.buying_power(), usd("200000"));
  // Long 1000 @ 100: cash 0, long 100000, equity 100000 -> 200000 - 100000 = 100000.
  book(ledger, make_fill("r1", "AAPL", Side::kBuy, "1000", "100", "0", at(0)));
  EXPECT_DECIMAL_EQ(ledger.buying_power(), usd("100000"));
  // Short 500 @ 50: cash 25000, short 25000, equity 100000 -> 200000 - 125000 = 75000.
  book(ledger, make_fill("r2", "XYZ", Side::kSell, "500", "50", "0", at(0)));
  EXPECT_DECIMAL_EQ(ledger.buying_power(), usd("75000"));
  // AAPL marks 90: long 90000, equity 90000 -> 180000 - 115000 = 65000.
  mark(ledger, "AAPL", "90", at(1));
  EXPECT_DECIMAL_EQ(ledger.equity(), usd("90000"));
  EXPECT_DECIMAL_EQ(ledger.buying_power(), usd("65000"));
  EXPECT_DECIMAL_EQ(ledger.snapshot(at(1)).buying_power, usd("65000"));
}

TEST(LedgerWorked, CashAccountBuyingPowerAndAShortThatSlipsThrough) {
  Ledger ledger(usd("10000"), AccountType::kCash);
  EXPECT_DECIMAL_EQ(ledger.buying_power(), usd("10000"));
  // Buy 50 @ 100: cash 5000 -> buying power 5000.
  book(ledger, make_fill("c1", "AAPL", Side::kBuy, "50", "100", "0", at(0)));
  EXPECT_DECIMAL_EQ(ledger.buying_power(), usd("5000"));
  // A short sale in a cash account is booked anyway (risk should have denied it): -10 @ 20,
  // cash 5200, but the 200 owed back buys nothing: 5200 - 200 = 5000.
  book(ledger, make_fill("c2", "XYZ", Side::kSell, "10", "20", "0", at(0)));
  EXPECT_DECIMAL_EQ(ledger.position("XYZ")->quantity, qty("-10"));
  EXPECT_DECIMAL_EQ(ledger.buying_power(), usd("5000"));
  // The short rallies to 30: 5200 - 300 = 4900.
  mark(ledger, "XYZ", "30", at(1));
  EXPECT_DECIMAL_EQ(ledger.buying_power(), usd("4900"));
  // An overspend is booked too and shows as negative buying power: 5200 - 6000 - 300.
  book(ledger, make_fill("c3", "MSFT", Side::kBuy, "100", "60", "0", at(2)));
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("-800"));
  EXPECT_DECIMAL_EQ(ledger.buying_power(), usd("-1100"));
}

TEST(LedgerWorked, ExcursionsOfALongFromMarks) {
  Ledger ledger(usd("100000"));
  book(ledger, make_fill("x1", "AAPL", Side::kBuy, "100", "50", "0", at(0)));
  mark(ledger, "AAPL", "48", at(1));
  mark(ledger, "AAPL", "53", at(2));
  mark(ledger, "AAPL", "51", at(3));
  EXPECT_DECIMAL_EQ(ledger.position("AAPL")->lots[0].low, px("48"));
  EXPECT_DECIMAL_EQ(ledger.position("AAPL")->lots[0].high, px("53"));
  book(ledger, make_fill("x2", "AAPL", Side::kSell, "100", "52", "0", at(4)));
  const ClosedTrade& trade = ledger.closed_trades().back();
  // Adverse 50 - 48 = 2 (200 on 100 shares), favourable 53 - 50 = 3 (300).
  EXPECT_DECIMAL_EQ(trade.max_adverse_price, px("2"));
  EXPECT_DECIMAL_EQ(trade.max_favorable_price, px("3"));
  EXPECT_DECIMAL_EQ(trade.max_adverse_excursion(), usd("200"));
  EXPECT_DECIMAL_EQ(trade.max_favorable_excursion(), usd("300"));
}

TEST(LedgerWorked, ExcursionsOfAShortFromMarks) {
  Ledger ledger(usd("100000"));
  book(ledger, make_fill("y1", "TSLA", Side::kSell, "100", "50", "0", at(0)));
  mark(ledger, "TSLA", "52.50", at(1));
  mark(ledger, "TSLA", "47", at(2));
  book(ledger, make_fill("y2", "TSLA", Side::kBuy, "100", "49", "0", at(3)));
  const ClosedTrade& trade = ledger.closed_trades().back();
  // A short loses as the price rises: adverse 52.50 - 50 = 2.50, favourable 50 - 47 = 3.
  EXPECT_DECIMAL_EQ(trade.max_adverse_price, px("2.50"));
  EXPECT_DECIMAL_EQ(trade.max_favorable_price, px("3"));
  EXPECT_DECIMAL_EQ(trade.max_adverse_excursion(), usd("250"));
  EXPECT_DECIMAL_EQ(trade.max_favorable_excursion(), usd("300"));
}

TEST(LedgerWorked, ExcursionsFromBars) {
  const Bar before_entry{at(-1), px("50"), px("60"), px("40"), px("51"), qty("1000")};
  const Bar from_entry{at(0), px("50"), px("54"), px("47.50"), px("52"), qty("1000")};
  const Bar exit_bar{at(1), px("52"), px("52.50"), px("51"), px("52"), qty("1000")};

  // Long opened at(0): the bar that started at(-1) may have made its 60 and 40 before the
  // entry, so only its close counts. From at(0): low 47.50, high 54.
  Ledger long_book(usd("100000"));
  book(long_book, make_fill("l1", "AAPL", Side::kBuy, "100", "50", "0", at(0)));
  ASSERT_TRUE(long_book.mark_bar("AAPL", before_entry).ok());
  ASSERT_TRUE(long_book.mark_bar("AAPL", from_entry).ok());
  ASSERT_TRUE(long_book.mark_bar("AAPL", exit_bar).ok());
  // Valued at the last close: 100 x 52 = 5200.
  EXPECT_DECIMAL_EQ(long_book.position("AAPL")->market_value(), usd("5200"));
  EXPECT_EQ(long_book.position("AAPL")->last_price_time, at(1));
  book(long_book, make_fill("l2", "AAPL", Side::kSell, "100", "52", "0", at(2)));
  const ClosedTrade& long_trade = long_book.closed_trades().back();
  // Adverse 50 - 47.50 = 2.50; favourable 54 - 50 = 4.
  EXPECT_DECIMAL_EQ(long_trade.max_adverse_price, px("2.50"));
  EXPECT_DECIMAL_EQ(long_trade.max_favorable_price, px("4"));
  EXPECT_DECIMAL_EQ(long_trade.max_adverse_excursion(), usd("250"));
  EXPECT_DECIMAL_EQ(long_trade.max_favorable_excursion(), usd("400"));

  // The same bars against a short from 50: adverse 54 - 50 = 4, favourable 50 - 47.50 = 2.50.
  Ledger short_book(usd("100000"));
  book(short_book, make_fill("s1", "AAPL", Side::kSell, "100", "50", "0", at(0)));
  ASSERT_TRUE(short_book.mark_bar("AAPL", before_entry).ok());
  ASSERT_TRUE(short_book.mark_bar("AAPL", from_entry).ok());
  book(short_book, make_fill("s2", "AAPL", Side::kBuy, "100", "52", "0", at(2)));
  const ClosedTrade& short_trade = short_book.closed_trades().back();
  EXPECT_DECIMAL_EQ(short_trade.max_adverse_price, px("4"));
  EXPECT_DECIMAL_EQ(short_trade.max_favorable_price, px("2.50"));
  EXPECT_DECIMAL_EQ(short_trade.gross_pnl, usd("-200"));
}

TEST(LedgerWorked, ExcursionsNeverGoBelowZero) {
  // The price only went up after a long entry: nothing adverse.
  Ledger ledger(usd("100000"));
  book(ledger, make_fill("z1", "AAPL", Side::kBuy, "10", "50", "0", at(0)));
  mark(ledger, "AAPL", "51", at(1));
  book(ledger, make_fill("z2", "AAPL", Side::kSell, "10", "52", "0", at(2)));
  EXPECT_DECIMAL_EQ(ledger.closed_trades().back().max_adverse_price, px("0"));
  EXPECT_DECIMAL_EQ(ledger.closed_trades().back().max_favorable_price, px("2"));
}

TEST(LedgerWorked, InvalidFillsAreRefusedAndBookNothing) {
  struct Case {
    Fill fill;
    const char* message_part;
  };
  const Case cases[] = {
      {make_fill("", "AAPL", Side::kBuy, "1", "10", "0", at(0)), "no execution id"},
      {make_fill("i1", "", Side::kBuy, "1", "10", "0", at(0)), "no symbol"},
      {make_fill("i2", "AAPL", Side::kBuy, "0", "10", "0", at(0)), "quantity 0 is not positive"},
      {make_fill("i3", "AAPL", Side::kSell, "-5", "10", "0", at(0)), "quantity -5 is not positive"},
      {make_fill("i4", "AAPL", Side::kBuy, "1", "0", "0", at(0)), "price 0 is not positive"},
      {make_fill("i5", "AAPL", Side::kBuy, "1", "-1.5", "0", at(0)), "price -1.5 is not positive"},
  };
  Ledger ledger(usd("1000"));
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message_part);
    const auto outcome = ledger.apply_fill(c.fill);
    ASSERT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error().message.find(c.message_part), std::string::npos)
        << outcome.error().message;
  }
  EXPECT_EQ(ledger.execution_count(), 0U);
  EXPECT_TRUE(ledger.positions().empty());
  EXPECT_DECIMAL_EQ(ledger.cash(), usd("1000"));
  // The refused id was not remembered: a good fill under it books.
  book(ledger, make_fill("i2", "AAPL", Side::kBuy, "1", "10", "0", at(0)));
}

TEST(LedgerWorked, BadMarksAreRefused) {
  Ledger ledger(usd("1000"));
  book(ledger, make_fill("b1", "AAPL", Side::kBuy, "1", "10", "0", at(0)));
  EXPECT_FALSE(ledger.mark("AAPL", px("0"), at(1)).ok());
  EXPECT_FALSE(ledger.mark("AAPL", px("-1"), at(1)).ok());
  const Bar inverted{at(1), px("10"), px("9"), px("11"), px("10"), qty("1")};
  EXPECT_FALSE(ledger.mark_bar("AAPL", inverted).ok());
  const Bar zero_low{at(1), px("1"), px("2"), px("0"), px("1"), qty("1")};
  EXPECT_FALSE(ledger.mark_bar("AAPL", zero_low).ok());
  EXPECT_DECIMAL_EQ(ledger.position("AAPL")->last_price, px("10"));
  EXPECT_DECIMAL_EQ(ledger.equity(), usd("1000"));
}

TEST(LedgerWorked, SnapshotCarriesEveryFigure) {
  Ledger ledger(usd("10000"), AccountType::kCash);
  book(ledger, make_fill("n1", "AAPL", Side::kBuy, "10", "100", "1", at(0)));
  mark(ledger, "AAPL", "110", at(1));
  // cash 10000 - 1000 - 1 = 8999; value 1100; unrealized 100; equity 10099.
  const LedgerSnapshot snapshot = ledger.snapshot(at(2));
  EXPECT_EQ(snapshot.time, at(2));
  EXPECT_DECIMAL_EQ(snapshot.cash, usd("8999"));
  EXPECT_DECIMAL_EQ(snapshot.equity, usd("10099"));
  EXPECT_DECIMAL_EQ(snapshot.realized_pnl, usd("0"));
  EXPECT_DECIMAL_EQ(snapshot.unrealized_pnl, usd("100"));
  EXPECT_DECIMAL_EQ(snapshot.commissions, usd("1"));
  EXPECT_DECIMAL_EQ(snapshot.long_value, usd("1100"));
  EXPECT_DECIMAL_EQ(snapshot.short_value, usd("0"));
  EXPECT_DECIMAL_EQ(snapshot.gross_exposure, usd("1100"));
  EXPECT_DECIMAL_EQ(snapshot.net_exposure, usd("1100"));
  EXPECT_DECIMAL_EQ(snapshot.buying_power, usd("8999"));
}

// Marks are valued when a figure is read or a fill comes (see Ledger::mark). What each would
// have shown had it been valued at once must not get lost: the values, and the decimals they
// left on the totals (10.125 x 100 = 1012.500 shows three), long and short, read or not.
TEST(LedgerWorked, MarksReadLaterShowWhatMarksValuedAtOnceShow) {
  Ledger ledger(usd("100000"));
  book(ledger, make_fill("v1", "AAPL", Side::kBuy, "100", "10", "0", at(0)));
  book(ledger, make_fill("v2", "MSFT", Side::kSell, "10", "20", "0", at(0)));
  EXPECT_EQ(ledger.long_value().to_string(), "1000");
  EXPECT_EQ(ledger.short_value().to_string(), "200");
  mark(ledger, "AAPL", "10.125", at(1));
  mark(ledger, "MSFT", "20.5", at(1));
  mark(ledger, "AAPL", "11", at(2));
  mark(ledger, "MSFT", "21", at(2));
  EXPECT_EQ(ledger.long_value().to_string(), "1100.000");
  EXPECT_EQ(ledger.short_value().to_string(), "210.0");
  EXPECT_EQ(ledger.position("AAPL")->market_value().to_string(), "1100");
  EXPECT_EQ(ledger.equity().to_string(), "100090.000");
  // A fill on a marked position values it at the fill, keeping the decimals of the marks.
  mark(ledger, "AAPL", "12.0625", at(3));
  mark(ledger, "AAPL", "12", at(4));
  book(ledger, make_fill("v3", "AAPL", Side::kSell, "50", "13", "0", at(5)));
  EXPECT_EQ(ledger.long_value().to_string(), "650.0000");
  EXPECT_EQ(ledger.position("AAPL")->last_price_time, at(5));
  // A flat position's marks change its price only.
  book(ledger, make_fill("v4", "MSFT", Side::kBuy, "10", "21", "0", at(6)));
  mark(ledger, "MSFT", "22.125", at(7));
  EXPECT_EQ(ledger.short_value().to_string(), "0.0");
  EXPECT_DECIMAL_EQ(ledger.position("MSFT")->last_price, px("22.125"));
  EXPECT_DECIMAL_EQ(ledger.position("MSFT")->market_value(), usd("0"));
  expect_books_balance(ledger);
}

// A position's market value is worked out when read from its latest mark, and is the fill's
// own value (decimals included) until a mark follows: read before, between and after the
// totals catch up, it is what valuing each mark at once would have left.
TEST(LedgerWorked, MarketValueReadsTheLatestMarkOrFill) {
  Ledger ledger(usd("100000"));
  book(ledger, make_fill("w1", "AAPL", Side::kBuy, "100", "10.5", "0", at(0)));
  book(ledger, make_fill("w2", "AAPL", Side::kSell, "100", "11", "0", at(1)));
  book(ledger, make_fill("w3", "AAPL", Side::kBuy, "100", "12", "0", at(2)));
  // Valued at the fill as its cost basis, which keeps the decimals of the earlier lot.
  EXPECT_EQ(ledger.position("AAPL")->market_value().to_string(), "1200.0");
  mark(ledger, "AAPL", "12.25", at(3));
  EXPECT_EQ(ledger.position("AAPL")->market_value().to_string(), "1225.00");
  mark(ledger, "AAPL", "13", at(4));
  EXPECT_EQ(ledger.position("AAPL")->market_value().to_string(), "1300");
  EXPECT_EQ(ledger.position("AAPL")->unrealized_pnl().to_string(), "100.0");
  EXPECT_EQ(ledger.long_value().to_string(), "1300.00");
  EXPECT_EQ(ledger.position("AAPL")->market_value().to_string(), "1300");
  book(ledger, make_fill("w4", "AAPL", Side::kSell, "50", "14", "0", at(5)));
  EXPECT_EQ(ledger.position("AAPL")->market_value().to_string(), "700");
  EXPECT_EQ(ledger.long_value().to_string(), "700.00");
  expect_books_balance(ledger);
}

// A mark whose value would not fit in Money throws from the mark, as valuing it at once does,
// though marks are valued when read; one that fits (close to the range) does not.
TEST(LedgerWorked, MarkWhoseValueOverflowsThrowsAtTheMark) {
  Ledger ledger(usd("100000"));
  book(ledger, make_fill("o1", "AAPL", Side::kBuy, "1000000000", "1", "0", at(0)));
  EXPECT_ANY_THROW(static_cast<void>(ledger.mark("AAPL", px("100"), at(1))));
  const Bar huge{at(2), px("100"), px("100"), px("100"), px("100"), qty("1")};
  EXPECT_ANY_THROW(static_cast<void>(ledger.mark_bar("AAPL", huge)));
  mark(ledger, "AAPL", "5", at(3));
  EXPECT_EQ(ledger.position("AAPL")->market_value().to_string(), "5000000000");
  EXPECT_EQ(ledger.equity().to_string(), "4000100000");  // 100000 - 1e9 + 5e9
}

// A handle is taken before the symbol has a position (the engine takes one with a symbol's
// first data) and reaches the position its first fill makes; marking by handle books what
// marking by text books, errors included.
TEST(LedgerWorked, PositionHandlesMarkLikeSymbols) {
  Ledger by_handle(usd("100000"));
  Ledger by_text(usd("100000"));
  const PositionHandle aapl = by_handle.position_handle("AAPL");
  EXPECT_EQ(aapl.symbol(), "AAPL");
  EXPECT_EQ(by_handle.position(aapl), nullptr);
  EXPECT_EQ(by_handle.position("AAPL"), nullptr);
  EXPECT_TRUE(by_handle.positions().empty());

  const Bar before_fill{at(-1), px("50"), px("60"), px("40"), px("51"), qty("1000")};
  ASSERT_TRUE(by_handle.mark_bar(aapl, before_fill).ok());  // nothing held: ignored
  EXPECT_TRUE(by_handle.positions().empty());

  for (Ledger* ledger : {&by_handle, &by_text}) {
    book(*ledger, make_fill("h1", "AAPL", Side::kBuy, "100", "50", "0", at(0)));
  }
  ASSERT_NE(by_handle.position(aapl), nullptr);
  EXPECT_EQ(by_handle.position(aapl), by_handle.position("AAPL"));
  // A second handle for the symbol is the same one; a handle taken after the fill reaches it.
  EXPECT_EQ(by_handle.position(by_handle.position_handle("AAPL")), by_handle.position(aapl));
  const PositionHandle msft = by_handle.position_handle("MSFT");
  book(by_handle, make_fill("h2", "MSFT", Side::kSell, "10", "20", "0", at(0)));
  book(by_text, make_fill("h2", "MSFT", Side::kSell, "10", "20", "0", at(0)));

  const Bar bars[] = {
      {at(0), px("50"), px("54"), px("47.50"), px("52.125"), qty("1000")},
      {at(1), px("52"), px("52.50"), px("51"), px("52"), qty("1000")},
  };
  for (const Bar& bar : bars) {
    ASSERT_TRUE(by_handle.mark_bar(aapl, bar).ok());
    ASSERT_TRUE(by_handle.mark_bar(msft, bar).ok());
    ASSERT_TRUE(by_text.mark_bar("AAPL", bar).ok());
    ASSERT_TRUE(by_text.mark_bar("MSFT", bar).ok());
  }
  const Bar inverted{at(2), px("10"), px("9"), px("11"), px("10"), qty("1")};
  const Status bad = by_handle.mark_bar(aapl, inverted);
  const Status bad_by_text = by_text.mark_bar("AAPL", inverted);
  ASSERT_FALSE(bad.ok());
  ASSERT_FALSE(bad_by_text.ok());
  EXPECT_EQ(bad.error().message, bad_by_text.error().message);

  EXPECT_EQ(by_handle.snapshot(at(3)), by_text.snapshot(at(3)));
  EXPECT_EQ(by_handle.long_value().to_string(), by_text.long_value().to_string());
  EXPECT_EQ(by_handle.short_value().to_string(), by_text.short_value().to_string());
  for (Ledger* ledger : {&by_handle, &by_text}) {
    book(*ledger, make_fill("h3", "AAPL", Side::kSell, "100", "52", "0", at(3)));
  }
  EXPECT_EQ(by_handle.closed_trades().back(), by_text.closed_trades().back());
  EXPECT_DECIMAL_EQ(by_handle.closed_trades().back().max_adverse_price, px("2.50"));
  EXPECT_EQ(by_handle.snapshot(at(4)), by_text.snapshot(at(4)));
  expect_books_balance(by_handle);
}

// Bars that break one rule each are refused with the same words whichever way they come.
TEST(LedgerWorked, EachBadBarRuleIsCaught) {
  Ledger ledger(usd("1000"));
  const PositionHandle handle = ledger.position_handle("AAPL");
  book(ledger, make_fill("e1", "AAPL", Side::kBuy, "1", "10", "0", at(0)));
  const Bar good{at(1), px("10"), px("12"), px("9"), px("11"), qty("5")};
  ASSERT_TRUE(ledger.mark_bar(handle, good).ok());
  const auto broken = [&](auto change) {
    Bar bar = good;
    change(bar);
    return bar;
  };
  const Bar bad_bars[] = {
      broken([](Bar& b) { b.open = px("8"); }),      // open below low
      broken([](Bar& b) { b.open = px("13"); }),     // open above high
      broken([](Bar& b) { b.close = px("8.5"); }),   // close below low
      broken([](Bar& b) { b.close = px("12.5"); }),  // close above high
      broken([](Bar& b) { b.high = px("8"); }),      // high below low
      broken([](Bar& b) { b.volume = qty("-1"); }),  // negative volume
      broken([](Bar& b) { b.low = px("0"); }),       // low not positive
      broken([](Bar& b) { b.low = px("-1"); }),
  };
  for (const Bar& bar : bad_bars) {
    const Status by_handle = ledger.mark_bar(handle, bar);
    const Status by_text = ledger.mark_bar("AAPL", bar);
    ASSERT_FALSE(by_handle.ok());
    ASSERT_FALSE(by_text.ok());
    EXPECT_EQ(by_handle.error().message, by_text.error().message);
    EXPECT_EQ(by_handle.error().message.rfind("bar for \"AAPL\": ", 0), 0U);
  }
  EXPECT_DECIMAL_EQ(ledger.position(handle)->last_price, px("11"));
}

// Bars widen every open lot, whether the position holds one lot (reached directly) or several,
// and the lot left after a close is the one they reach next.
TEST(LedgerWorked, BarExcursionsFollowTheLotsThroughCloses) {
  Ledger ledger(usd("100000"));
  const PositionHandle handle = ledger.position_handle("AAPL");
  book(ledger, make_fill("x1", "AAPL", Side::kBuy, "10", "50", "0", at(0)));
  book(ledger, make_fill("x2", "AAPL", Side::kBuy, "10", "52", "0", at(2)));
  // Started before the second lot opened: the first sees 45..60, the second only the close.
  ASSERT_TRUE(
      ledger.mark_bar(handle, Bar{at(1), px("50"), px("60"), px("45"), px("51"), qty("1")}).ok());
  book(ledger, make_fill("x3", "AAPL", Side::kSell, "10", "53", "0", at(3)));
  EXPECT_DECIMAL_EQ(ledger.closed_trades().back().max_adverse_price, px("5"));
  EXPECT_DECIMAL_EQ(ledger.closed_trades().back().max_favorable_price, px("10"));
  ASSERT_EQ(ledger.position(handle)->lots.size(), 1U);
  EXPECT_DECIMAL_EQ(ledger.position(handle)->lots[0].low, px("51"));
  ASSERT_TRUE(
      ledger.mark_bar(handle, Bar{at(3), px("53"), px("58"), px("49"), px("55"), qty("1")}).ok());
  EXPECT_DECIMAL_EQ(ledger.position(handle)->lots[0].low, px("49"));
  EXPECT_DECIMAL_EQ(ledger.position(handle)->lots[0].high, px("58"));
  book(ledger, make_fill("x4", "AAPL", Side::kSell, "10", "55", "0", at(4)));
  EXPECT_DECIMAL_EQ(ledger.closed_trades().back().max_adverse_price, px("3"));
  EXPECT_DECIMAL_EQ(ledger.closed_trades().back().max_favorable_price, px("6"));
  // Flat: a bar only moves the price.
  ASSERT_TRUE(
      ledger.mark_bar(handle, Bar{at(5), px("55"), px("56"), px("54"), px("54"), qty("1")}).ok());
  EXPECT_DECIMAL_EQ(ledger.position(handle)->last_price, px("54"));
  EXPECT_DECIMAL_EQ(ledger.position(handle)->market_value(), usd("0"));
  expect_books_balance(ledger);
}

// For bars a source already checked with is_valid_bar, mark_valid_bar books what mark_bar books
// and still refuses a low that is not positive, in the same words.
TEST(LedgerWorked, ValidBarsMarkLikeCheckedBars) {
  Ledger trusting(usd("100000"));
  Ledger checking(usd("100000"));
  const PositionHandle handle = trusting.position_handle("AAPL");
  for (Ledger* ledger : {&trusting, &checking}) {
    book(*ledger, make_fill("t1", "AAPL", Side::kBuy, "100", "50", "0", at(0)));
  }
  const Bar bars[] = {
      {at(-1), px("50"), px("60"), px("40"), px("51"), qty("1000")},
      {at(0), px("50"), px("54"), px("47.50"), px("52.125"), qty("1000")},
      {at(1), px("52"), px("52.50"), px("51"), px("52"), qty("0")},
  };
  for (const Bar& bar : bars) {
    ASSERT_TRUE(trusting.mark_valid_bar(handle, bar).ok());
    ASSERT_TRUE(checking.mark_bar("AAPL", bar).ok());
  }
  const Bar zero_low{at(2), px("1"), px("2"), px("0"), px("1"), qty("1")};
  const Status refused = trusting.mark_valid_bar(handle, zero_low);
  const Status refused_too = checking.mark_bar("AAPL", zero_low);
  ASSERT_FALSE(refused.ok());
  ASSERT_FALSE(refused_too.ok());
  EXPECT_EQ(refused.error().message, refused_too.error().message);
  EXPECT_EQ(trusting.snapshot(at(3)), checking.snapshot(at(3)));
  EXPECT_EQ(trusting.long_value().to_string(), checking.long_value().to_string());
  for (Ledger* ledger : {&trusting, &checking}) {
    book(*ledger, make_fill("t2", "AAPL", Side::kSell, "100", "52", "0", at(3)));
  }
  EXPECT_EQ(trusting.closed_trades().back(), checking.closed_trades().back());
}

}  // namespace
}  // namespace ibtrade::engine
