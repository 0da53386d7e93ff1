// Closed trades, watchlists, earnings, signals and the audit log against each backend.
#include <gtest/gtest.h>

#include "adapters/store/audit_log.hpp"
#include "adapters/store/backend_test_support.hpp"
#include "adapters/store/closed_trade_repository.hpp"
#include "adapters/store/research_repository.hpp"
#include "adapters/store/store_test_data.hpp"

namespace ibtrade::store {
namespace {

using testing::at_second;
using testing::money;
using testing::price;
using testing::quantity;

class MoreRepositoryTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    migrate_all();
  }
};

TEST_P(MoreRepositoryTest, ClosedTradesOnceEachAndByExitTime) {
  auto trades = make_closed_trade_repository(*db_);
  engine::ClosedTrade t;
  t.symbol = "AAPL";
  t.side = engine::TradeSide::kShort;
  t.quantity = quantity("100");
  t.entry_time = at_second(10);
  t.entry_price = price("190.10");
  t.exit_time = at_second(20);
  t.exit_price = price("187.25");
  t.entry_notional = money("19010.00");
  t.gross_pnl = money("285.00");
  t.entry_commission = money("0.35");
  t.exit_commission = money("0.35");
  t.net_pnl = money("284.30");
  t.max_adverse_price = price("0.40");
  t.max_favorable_price = price("3.05");
  EXPECT_TRUE(*trades->record(testing::account(), t));
  EXPECT_FALSE(*trades->record(testing::account(), t));
  auto found = trades->closed_between(testing::account(), at_second(20), at_second(21));
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0], t);
  EXPECT_TRUE(trades->closed_between(testing::account(), at_second(0), at_second(20))->empty());
}

TEST_P(MoreRepositoryTest, WatchlistAddRemoveList) {
  auto research = make_research_repository(*db_);
  EXPECT_TRUE(*research->add_to_watchlist("momentum", {"NVDA", "breakout", at_second(1)}));
  EXPECT_TRUE(*research->add_to_watchlist("momentum", {"AMD", "", at_second(2)}));
  EXPECT_FALSE(*research->add_to_watchlist("momentum", {"NVDA", "again", at_second(3)}));
  auto list = research->watchlist("momentum");
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0], (WatchlistEntry{"AMD", "", at_second(2)}));
  EXPECT_TRUE(*research->remove_from_watchlist("momentum", "AMD"));
  EXPECT_FALSE(*research->remove_from_watchlist("momentum", "AMD"));
  EXPECT_EQ(research->watchlist("momentum")->size(), 1u);
}

TEST_P(MoreRepositoryTest, EarningsUpsertAndRange) {
  auto research = make_research_repository(*db_);
  EarningsEvent e{"ORCL", "2026-03-10", "after-close", "pending", money("1.47"), std::nullopt};
  ASSERT_TRUE(research->upsert_earnings(e, at_second(1)).ok());
  e.classification = "beat";
  e.eps_actual = money("1.52");
  ASSERT_TRUE(research->upsert_earnings(e, at_second(2)).ok());
  ASSERT_TRUE(research
                  ->upsert_earnings(
                      {"AAPL", "2026-04-30", "after-close", "pending", std::nullopt, std::nullopt},
                      at_second(3))
                  .ok());
  auto march = research->earnings_between("2026-03-01", "2026-03-31");
  ASSERT_TRUE(march.ok()) << march.error().message;
  ASSERT_EQ(march->size(), 1u);
  EXPECT_EQ((*march)[0], e);
  EXPECT_EQ(research->earnings_between("2026-01-01", "2026-12-31")->size(), 2u);
}

TEST_P(MoreRepositoryTest, SignalsOncePerKeyNewestFirst) {
  auto research = make_research_repository(*db_);
  Signal a{"macd:AAPL:1", "macd-cross", "AAPL", at_second(1), "entry", "submitted", "cross up"};
  Signal b{"macd:AAPL:2", "macd-cross", "AAPL", at_second(2), "exit", "denied:risk", "halted"};
  EXPECT_TRUE(*research->record_signal(a));
  EXPECT_FALSE(*research->record_signal(a));
  EXPECT_TRUE(*research->record_signal(b));
  auto recent = research->recent_signals("macd-cross", 10);
  ASSERT_TRUE(recent.ok());
  ASSERT_EQ(recent->size(), 2u);
  EXPECT_EQ((*recent)[0], b);
  EXPECT_EQ((*recent)[1], a);
}

TEST_P(MoreRepositoryTest, AuditLogAppendsNewestFirst) {
  auto audit = make_audit_log(*db_);
  ASSERT_TRUE(audit->append({at_second(1), "risk", "kill_switch.trip", "daily loss"}).ok());
  ASSERT_TRUE(audit->append({at_second(2), "operator", "kill_switch.reset", ""}).ok());
  auto recent = audit->recent(1);
  ASSERT_TRUE(recent.ok());
  ASSERT_EQ(recent->size(), 1u);
  EXPECT_EQ((*recent)[0].action, "kill_switch.reset");
}

IBTRADE_STORE_BACKENDS(MoreRepositoryTest);

}  // namespace
}  // namespace ibtrade::store
