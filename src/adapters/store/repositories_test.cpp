// The repositories against each backend: round trips in the engine's terms, idempotent
// writes by natural key, atomic multi-row writes.
#include <gtest/gtest.h>

#include "adapters/store/account_repository.hpp"
#include "adapters/store/backend_test_support.hpp"
#include "adapters/store/candidate_repository.hpp"
#include "adapters/store/execution_repository.hpp"
#include "adapters/store/order_repository.hpp"
#include "adapters/store/outbox_repository.hpp"
#include "adapters/store/state_repository.hpp"
#include "adapters/store/store_test_data.hpp"

namespace ibtrade::store {
namespace {

using testing::at_second;
using testing::make_execution;
using testing::money;
using testing::price;
using testing::quantity;

class RepositoryTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    migrate_all();
  }
};

TEST_P(RepositoryTest, StateGetSetOverwrite) {
  auto state = make_state_repository(*db_);
  auto missing = state->get("kill_switch");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  ASSERT_TRUE(state->set("kill_switch", "armed", at_second(1)).ok());
  ASSERT_TRUE(state->set("kill_switch", "tripped: daily loss", at_second(2)).ok());
  EXPECT_EQ(state->get("kill_switch")->value_or(""), "tripped: daily loss");
}

TEST_P(RepositoryTest, ExecutionRoundTripsWithCommission) {
  auto executions = make_execution_repository(*db_);
  Execution e = make_execution("0001.01", "AAPL", Side::kBuy, "100", "187.25", 10);
  e.contract.con_id = ConId(265598);
  CommissionReport c{e.execution_id, money("1.0005"), "USD", money("-12.50")};
  auto added = executions->record({{e, c}});
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(*added, 1);
  auto found = executions->find(e.execution_id);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ(**found, e);
  EXPECT_EQ((*found)->price.to_string(), "187.25");
  auto commission = executions->commission(e.execution_id);
  ASSERT_TRUE(commission.ok() && commission->has_value());
  EXPECT_EQ(**commission, c);
  EXPECT_EQ((*commission)->commission.to_string(), "1.0005");
  auto for_order = executions->for_order(e.client_order_id);
  ASSERT_TRUE(for_order.ok());
  EXPECT_EQ(for_order->size(), 1u);
}

TEST_P(RepositoryTest, ReplayedExecutionsNeverDoubleCount) {
  auto executions = make_execution_repository(*db_);
  auto positions = make_position_repository(*db_);
  const std::vector<ExecutionRecord> batch = {
      {make_execution("a.1", "MSFT", Side::kBuy, "100", "400", 1), std::nullopt},
      {make_execution("a.2", "MSFT", Side::kBuy, "100", "410", 2), std::nullopt},
      {make_execution("a.3", "MSFT", Side::kSell, "50", "420", 3), std::nullopt},
  };
  ASSERT_EQ(*executions->record(batch), 3);
  auto replay = executions->record(batch);
  ASSERT_TRUE(replay.ok());
  EXPECT_EQ(*replay, 0);
  auto p = positions->position(testing::account(), "MSFT");
  ASSERT_TRUE(p.ok() && p->has_value());
  EXPECT_EQ((*p)->quantity, quantity("150"));
  EXPECT_EQ((*p)->average_cost, price("405"));
  // A commission arriving later is attached without touching the position.
  ASSERT_TRUE(
      executions->record_commission({ExecutionId("a.3"), money("0.35"), "USD", std::nullopt}).ok());
  EXPECT_EQ(executions->commission(ExecutionId("a.3"))->value().commission, money("0.35"));
  EXPECT_EQ(positions->position(testing::account(), "MSFT")->value().quantity, quantity("150"));
}

TEST_P(RepositoryTest, OpenPositionsSkipFlatOnes) {
  auto executions = make_execution_repository(*db_);
  auto positions = make_position_repository(*db_);
  ASSERT_TRUE(executions
                  ->record({{make_execution("b.1", "AAPL", Side::kBuy, "10", "100", 1), {}},
                            {make_execution("b.2", "AAPL", Side::kSell, "10", "101", 2), {}},
                            {make_execution("b.3", "TSLA", Side::kSell, "5", "250", 3), {}}})
                  .ok());
  auto open = positions->open_positions(testing::account());
  ASSERT_TRUE(open.ok()) << open.error().message;
  ASSERT_EQ(open->size(), 1u);
  EXPECT_EQ((*open)[0].contract.symbol, "TSLA");
  EXPECT_EQ((*open)[0].quantity, quantity("-5"));
}

TEST_P(RepositoryTest, AFailingBatchLeavesNoExecutionAndNoPositionChange) {
  auto executions = make_execution_repository(*db_);
  auto positions = make_position_repository(*db_);
  ASSERT_TRUE(
      executions->record({{make_execution("c.1", "NVDA", Side::kBuy, "10", "100", 1), {}}}).ok());
  Execution bad = make_execution("c.3", "NVDA", Side::kBuy, "10", "100", 3);
  bad.exchange = std::string(40, 'X');  // longer than the column
  auto r = executions->record(
      {{make_execution("c.2", "NVDA", Side::kBuy, "10", "100", 2), {}}, {bad, {}}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("string too long"), std::string::npos) << r.error().message;
  EXPECT_FALSE(executions->find(ExecutionId("c.2"))->has_value());
  EXPECT_EQ(positions->position(testing::account(), "NVDA")->value().quantity, quantity("10"));
}

TEST_P(RepositoryTest, OrderUpsertAndStatusChanges) {
  auto orders = make_order_repository(*db_);
  Order o;
  o.client_order_id = ClientOrderId("ord-1");
  o.strategy_id = StrategyId("macd-cross");
  o.account_id = testing::account();
  o.contract = us_stock("AAPL", "NASDAQ");
  o.contract.primary_exchange = "";  // the store keeps symbol and type only
  o.side = Side::kBuy;
  o.type = OrderType::kLimit;
  o.tif = TimeInForce::kGtc;
  o.quantity = quantity("100");
  o.limit_price = price("187.25");
  o.order_ref = "ord-1";
  ASSERT_TRUE(orders->upsert(o, at_second(1)).ok());
  o.limit_price = price("187.30");  // a modify
  ASSERT_TRUE(orders->upsert(o, at_second(2)).ok());

  engine::OrderStatusReport submitted{o.client_order_id,
                                      BrokerOrderId(7),
                                      engine::VenueOrderState::kSubmitted,
                                      quantity("0"),
                                      quantity("100"),
                                      Price{},
                                      "",
                                      at_second(3)};
  engine::OrderStatusReport filled{o.client_order_id,
                                   BrokerOrderId(7),
                                   engine::VenueOrderState::kFilled,
                                   quantity("100"),
                                   quantity("0"),
                                   price("187.3"),
                                   "",
                                   at_second(4)};
  EXPECT_TRUE(*orders->append_status(submitted));
  EXPECT_TRUE(*orders->append_status(filled));
  EXPECT_FALSE(*orders->append_status(filled));  // replay
  // A report that arrives late but is older than the fill is kept in the history only.
  engine::OrderStatusReport late{o.client_order_id,
                                 BrokerOrderId(7),
                                 engine::VenueOrderState::kPreSubmitted,
                                 quantity("0"),
                                 quantity("100"),
                                 Price{},
                                 "",
                                 at_second(2)};
  EXPECT_TRUE(*orders->append_status(late));
  auto found = orders->find(o.client_order_id);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->order, o);
  ASSERT_TRUE((*found)->last_status.has_value());
  EXPECT_EQ(*(*found)->last_status, filled);  // the older late report did not win
  auto history = orders->history(o.client_order_id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].state, engine::VenueOrderState::kPreSubmitted);
  EXPECT_EQ((*history)[2], filled);
}

TEST_P(RepositoryTest, CandidateRunsAreSavedOnceAndPolledById) {
  auto candidates = make_candidate_repository(*db_);
  ScreenerCandidate aapl{
      "AAPL",
      *Score::parse("0.82"),
      true,
      {{"pe_ratio", *Score::parse("28.5"), true}, {"revenue_growth", std::nullopt, false}}};
  ScreenerCandidate msft{"MSFT", *Score::parse("0.5"), false, {}};
  ScreenerRun run{"run-1", "fundamental", at_second(1), at_second(2)};
  ASSERT_TRUE(*candidates->save_run(run, {aapl, msft}));
  EXPECT_FALSE(*candidates->save_run(run, {aapl, msft}));  // idempotent by run id
  ASSERT_TRUE(*candidates->save_run({"run-x", "momentum", at_second(3), at_second(4)}, {msft}));

  auto first = candidates->candidates_after("fundamental", 0, 1);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].candidate, aapl);
  EXPECT_EQ((*first)[0].run_id, "run-1");
  auto rest = candidates->candidates_after("fundamental", (*first)[0].id, 10);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->size(), 1u);
  EXPECT_EQ((*rest)[0].candidate, msft);
  EXPECT_TRUE(candidates->candidates_after("fundamental", (*rest)[0].id, 10)->empty());
}

TEST_P(RepositoryTest, AccountSnapshotsOncePerInstantAndLatest) {
  auto accounts = make_account_repository(*db_);
  AccountSnapshot s{testing::account(), at_second(1),      money("100000.00"), money("50000.25"),
                    money("200000"),    money("49999.75"), money("12.5"),      money("-3.25")};
  EXPECT_TRUE(*accounts->snapshot(s));
  EXPECT_FALSE(*accounts->snapshot(s));
  AccountSnapshot later = s;
  later.time = at_second(5);
  later.cash = money("49000");
  EXPECT_TRUE(*accounts->snapshot(later));
  auto latest = accounts->latest(testing::account());
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ(**latest, later);
  EXPECT_FALSE(accounts->latest(AccountId("other"))->has_value());
}

TEST_P(RepositoryTest, OutboxEnqueueOnceBatchAndMarkSent) {
  auto outbox = make_outbox_repository(*db_);
  EXPECT_TRUE(*outbox->enqueue({0, "fill:a.1", "telegram", "Bought 100 AAPL", 0}, at_second(1)));
  EXPECT_FALSE(*outbox->enqueue({0, "fill:a.1", "telegram", "again", 0}, at_second(2)));
  EXPECT_TRUE(*outbox->enqueue({0, "fill:a.2", "email", "Sold 50 AAPL", 0}, at_second(3)));
  auto batch = outbox->next_batch(10);
  ASSERT_TRUE(batch.ok()) << batch.error().message;
  ASSERT_EQ(batch->size(), 2u);
  EXPECT_EQ((*batch)[0].payload, "Bought 100 AAPL");
  ASSERT_TRUE(outbox->mark_failed((*batch)[0].id).ok());
  ASSERT_TRUE(outbox->mark_sent((*batch)[1].id, at_second(4)).ok());
  batch = outbox->next_batch(10);
  ASSERT_EQ(batch->size(), 1u);
  EXPECT_EQ((*batch)[0].dedup_key, "fill:a.1");
  EXPECT_EQ((*batch)[0].attempts, 1);
}

IBTRADE_STORE_BACKENDS(RepositoryTest);

}  // namespace
}  // namespace ibtrade::store
