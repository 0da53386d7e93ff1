// Tick to order, in process: the bytes of a TICK_PRICE frame in -> frame decoder -> message
// decoder -> fixed-point price -> engine -> strategy -> order manager -> risk -> PLACE_ORDER
// bytes out. Each iteration is one tick that makes one order; its latency is timed on its own,
// and the p50 / p99 of those samples are reported as counters (ns).
//
// Off the clock after each order, the broker's answer (Cancelled) comes back, so the book stays
// as a running strategy's would (no pile of open orders for risk to count), and a new trading
// day starts every 10,000 orders.
#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "adapters/tws/mapping.hpp"
#include "adapters/tws/messages/codec.hpp"
#include "adapters/tws/messages/dispatch.hpp"
#include "adapters/tws/wire/frame.hpp"
#include "engine/kernel/engine.hpp"

namespace ibtrade {
namespace {

using namespace std::chrono_literals;

// The broker side of the engine as the TWS adapter is: an order becomes PLACE_ORDER bytes.
class WireOrderSender final : public engine::ExecutionClient {
 public:
  void submit(const Order& order) override {
    // One message reused for every order, as a sender would keep it.
    const Status mapped = tws::to_place_order(
        order, tws::PlaceOrderIds{BrokerOrderId{next_id_++}, std::nullopt, true}, message_);
    if (!mapped.ok()) throw std::runtime_error(mapped.error().message);
    out_ += tws::encode_frame(message_);
    last_ = order.client_order_id;
  }
  void modify(const Order& order) override { submit(order); }
  void cancel(const ClientOrderId& /*id*/) override {}

  std::string& out() { return out_; }
  const ClientOrderId& last_order() const { return last_; }

 private:
  std::int64_t next_id_ = 1;
  tws::PlaceOrder message_;
  std::string out_;
  ClientOrderId last_;
};

// Buys on one print, sells on the next: every tick makes an order.
class EveryTick final : public engine::Strategy {
 public:
  void on_trade(engine::StrategyContext& ctx, const engine::Symbol& symbol,
                const Trade& /*trade*/) override {
    ctx.market(symbol, buy_ ? Side::kBuy : Side::kSell, Quantity::from_units(100));
    buy_ = !buy_;
  }

 private:
  bool buy_ = true;
};

// A last-price tick for the subscription with request id 7.
std::string tick_frame(double price) {
  tws::TickPrice tick;
  tick.req_id = 7;
  tick.tick_type = tws::kTickLast;
  tick.price = price;
  tick.size = Quantity::from_units(100);
  return tws::encode_frame(tick);
}

// An engine wired to the wire sender: one trading day's worth of state. The order manager keeps
// every order of the day, so a run of a million ticks on one engine would measure a book no
// day has; the benchmark starts a fresh day every kOrdersPerDay orders, off the clock.
constexpr std::int64_t kOrdersPerDay = 10'000;

struct TradingDay {
  TradingDay() : engine(clock, sender, config()) {
    engine.add_strategy(StrategyId{"ticks"}, strategy);
    engine.start();
  }
  static engine::EngineConfig config() {
    engine::EngineConfig c;
    c.risk.enforce_trading_hours = false;
    c.risk.max_order_value = Money::from_units(1'000'000);
    return c;
  }

  TestClock clock{Timestamp{date::sys_days{date::year{2026} / 3 / 2} + 14h + 30min}};
  WireOrderSender sender;
  engine::Engine engine;
  EveryTick strategy;
};

void BM_TickToOrder(benchmark::State& state) {
  auto day = std::make_unique<TradingDay>();
  const engine::Symbol symbol = "ACME";  // what request id 7 subscribed to
  const tws::PriceRounding rounding{Price::from_raw(10'000'000, 2), 2};
  std::vector<std::string> frames;
  for (int i = 0; i < 64; ++i)
    frames.push_back(tick_frame(100.0 + 0.01 * i));

  tws::FrameDecoder decoder;
  std::vector<double> samples;
  samples.reserve(1 << 20);
  std::size_t next = 0;
  std::int64_t orders = 0;
  for (auto _ : state) {
    TestClock& clock = day->clock;
    WireOrderSender& sender = day->sender;
    (void)clock.advance_by(1ms);
    const std::string& bytes = frames[next++ % frames.size()];
    sender.out().clear();

    const auto start = std::chrono::steady_clock::now();
    decoder.feed(bytes);
    auto payload = decoder.next();
    if (!payload.ok() || !payload->has_value()) {
      state.SkipWithError("frame did not decode");
      break;
    }
    auto message = tws::decode_to_client_message(**payload);
    const auto* tick = message.ok() ? std::get_if<tws::TickPrice>(&*message) : nullptr;
    if (tick == nullptr || tick->req_id != 7) {
      state.SkipWithError("not the tick sent");
      break;
    }
    const auto price = tws::to_price(tick->price, rounding);
    day->engine.on_trade(symbol, Trade{ConId{}, clock.now(), *price, *tick->size});
    benchmark::DoNotOptimize(sender.out().data());
    const auto end = std::chrono::steady_clock::now();

    const double seconds = std::chrono::duration<double>(end - start).count();
    state.SetIterationTime(seconds);
    if (samples.size() < samples.capacity()) samples.push_back(seconds * 1e9);
    if (sender.out().empty()) {
      state.SkipWithError("the tick made no order");
      break;
    }
    ++orders;
    // The broker's answer, off the clock.
    day->engine.on_venue_message(engine::OrderStatusReport{
        sender.last_order(), BrokerOrderId{orders}, engine::VenueOrderState::kCancelled, Quantity{},
        Quantity::from_units(100), Price{}, "benchmark", clock.now()});
    if (!day->engine.errors().empty()) {
      state.SkipWithError(day->engine.errors().front().what.c_str());
      break;
    }
    if (orders % kOrdersPerDay == 0) day = std::make_unique<TradingDay>();
  }
  if (!samples.empty()) {
    std::sort(samples.begin(), samples.end());
    state.counters["p50_ns"] = samples[samples.size() / 2];
    state.counters["p99_ns"] = samples[samples.size() * 99 / 100];
  }
  state.SetItemsProcessed(orders);
}
BENCHMARK(BM_TickToOrder)->UseManualTime();

}  // namespace
}  // namespace ibtrade
