// Cost of the simulated venue's common path: one market order submitted, then filled against one
// bar (acknowledgments, execution, status and commission messages into an outbox that counts
// them and writes the next one over the last, as the simulation's reuses its queue's slots).
#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <variant>

#include <benchmark/benchmark.h>

#include "core/clock.hpp"
#include "engine/sim/simulated_venue.hpp"

namespace ibtrade::engine {
namespace {

class StillClock final : public Clock {
 public:
  Timestamp now() const override { return now_; }
  void set(Timestamp at) { now_ = at; }

 private:
  Timestamp now_;
};

// Every message is written in the same draft, one kept per kind, and counted.
class CountingOutbox final : public VenueOutbox {
 public:
  CountingOutbox() { set_draft(drafts_[0]); }
  std::int64_t delivered() const { return delivered_; }

 private:
  VenueMessage& posted(Timestamp /*at*/) override {
    ++delivered_;
    return current_draft();
  }
  // Made a report of the kind the first time (VenueOutbox::draft), then reused.
  VenueMessage& other_draft(std::size_t kind) override { return drafts_[kind]; }

  std::array<VenueMessage, std::variant_size_v<VenueMessage>> drafts_{};
  std::int64_t delivered_ = 0;
};

class NoCommission final : public CommissionModel {
 public:
  Money commission(const CommissionInput& /*fill*/) override { return {}; }
};

// NOLINTNEXTLINE(readability-identifier-naming): Google Benchmark's BM_ names
void BM_MarketOrderFilledByOneBar(benchmark::State& state) {
  StillClock clock;
  NoCommission commission;
  CountingOutbox outbox;
  SimulatedVenueConfig config;
  // Ids are reused from a ring; the venue must have forgotten an id before it comes round again.
  constexpr std::size_t kIds = 4096;
  config.finished_orders_kept = kIds / 2;
  SimulatedVenue venue(outbox, clock, commission, config);
  std::array<ClientOrderId, kIds> ids;
  for (std::size_t i = 0; i < kIds; ++i)
    ids[i] = ClientOrderId{"o" + std::to_string(i)};
  Order order;
  order.contract = us_stock("AAPL");
  order.type = OrderType::kMarket;
  order.quantity = Quantity::from_units(100);
  const Symbol symbol = "AAPL";
  Bar bar{Timestamp{},
          Price::parse("100.00").value(),
          Price::parse("100.50").value(),
          Price::parse("99.50").value(),
          Price::parse("100.20").value(),
          Quantity::from_units(50'000)};
  std::size_t i = 0;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores)
    order.client_order_id = ids[i % kIds];
    clock.set(Timestamp{std::chrono::minutes(i)});
    venue.submit(order);
    bar.time = Timestamp{std::chrono::minutes(i + 1)};
    venue.on_bar(symbol, bar);
    ++i;
  }
  if (venue.open_orders() != 0) state.SkipWithError("an order did not fill");
  state.counters["messages/op"] =
      benchmark::Counter(static_cast<double>(outbox.delivered()) / static_cast<double>(i));
}
BENCHMARK(BM_MarketOrderFilledByOneBar);

}  // namespace
}  // namespace ibtrade::engine
