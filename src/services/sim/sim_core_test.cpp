// SimCore without sockets: a fake output records what each connection would be sent.
#include "services/sim/sim_core.hpp"

#include <gtest/gtest.h>

#include "services/sim/sim_test_support.hpp"
#include "services/sim/synthetic_bar_source.hpp"

namespace ibtrade::sim {
namespace {

using namespace std::chrono_literals;

struct FakeOutput final : SimOutput {
  std::map<ConnectionId, std::vector<tws::ToClientMessage>> sent;
  std::map<ConnectionId, std::string> closed;
  void send(ConnectionId id, tws::ToClientMessage m) override { sent[id].push_back(std::move(m)); }
  void close(ConnectionId id, std::string reason) override { closed[id] = std::move(reason); }
  template <class M>
  std::vector<M> all(ConnectionId id) {
    std::vector<M> out;
    for (const auto& m : sent[id])
      if (const M* typed = std::get_if<M>(&m)) out.push_back(*typed);
    return out;
  }
};

struct CoreFixture : ::testing::Test {
  const date::time_zone& zone = *date::locate_zone("America/New_York");
  engine::market::SyntheticMarket market{3, 5, testing::calendar()};
  SyntheticBarSource source{market};
  FakeOutput output;
  SimOptions options = testing::fast_options();
  Timestamp open = testing::calendar().hours(*options.from)->open;
  SimCore core{source, options, zone, output, open};
  Timestamp wall{};

  void start(ConnectionId id, int client) {
    core.connected(id);
    core.on_message(id, tws::StartApi{client, ""}, wall);
  }
};

TEST_F(CoreFixture, StartApiAnswersAccountsAndIdsAndRefusesAClientIdInUse) {
  start(1, 0);
  EXPECT_EQ(output.all<tws::ManagedAccts>(1).size(), 1u);
  EXPECT_EQ(output.all<tws::NextValidId>(1).at(0).order_id, 1);
  start(2, 0);
  EXPECT_EQ(output.all<tws::ErrMsg>(2).at(0).code, 326);
  EXPECT_TRUE(output.closed.contains(2));
  core.disconnected(1);
  start(3, 0);
  EXPECT_EQ(output.all<tws::NextValidId>(3).size(), 1u);
}

TEST_F(CoreFixture, PacingRejectsTheFiftyFirstMessageInOneSecond) {
  start(1, 1);  // START_API was message 1
  for (int i = 0; i < 60; ++i)
    core.on_message(1, tws::ReqCurrentTime{}, wall);
  EXPECT_EQ(output.all<tws::CurrentTime>(1).size(), 49u);
  EXPECT_EQ(output.all<tws::ErrMsg>(1).back().code, 100);
  core.on_message(1, tws::ReqCurrentTime{}, wall + 1s);
  EXPECT_EQ(output.all<tws::CurrentTime>(1).size(), 50u);
}

TEST_F(CoreFixture, AMarketOrderFillsInPartsAsQuotesRefresh) {
  start(1, 1);
  tws::PlaceOrder order;
  order.order_id = 1;
  order.contract.symbol = market.universe().at(0).symbol;
  order.contract.sec_type = "STK";
  order.order.action = "BUY";
  order.order.order_type = "MKT";
  order.order.total_quantity = Quantity::from_units(1200);
  core.advance(open + 1s, wall);
  core.on_message(1, order, wall);
  for (int s = 2; s < 60; ++s)
    core.advance(open + std::chrono::seconds(s), wall);
  const auto statuses = output.all<tws::OrderStatus>(1);
  ASSERT_FALSE(statuses.empty());
  EXPECT_EQ(statuses.back().status, "Filled");
  EXPECT_GE(output.all<tws::ExecutionData>(1).size(), 3u);  // 1200 against at most 500 shown
  EXPECT_EQ(output.all<tws::CommissionReport>(1).size(), output.all<tws::ExecutionData>(1).size());
  const auto* position = core.broker().ledger().position(order.contract.symbol);
  ASSERT_NE(position, nullptr);
  EXPECT_EQ(position->quantity, Quantity::from_units(1200));
}

}  // namespace
}  // namespace ibtrade::sim
