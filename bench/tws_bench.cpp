// TWS protocol codec throughput: decoding tick messages as they come off the socket, and
// encoding the PLACE_ORDER message of a limit order.
#include <benchmark/benchmark.h>

#include "adapters/tws/messages/codec.hpp"
#include "adapters/tws/messages/market_data.hpp"
#include "adapters/tws/messages/orders.hpp"

namespace ibtrade::tws {
namespace {

// A realistic mix: bid, ask and last prices with sizes, as a stream of frames.
std::string tick_stream(std::size_t count) {
  std::string bytes;
  for (std::size_t i = 0; i < count; ++i) {
    TickPrice tick;
    tick.req_id = 1000 + static_cast<int>(i % 7);
    tick.tick_type = 1 + static_cast<int>(i % 3) * 3 % 5;  // 1 bid, 4 last, 2 ask
    tick.price = 187.25 + 0.01 * static_cast<double>(i % 40);
    tick.size = Quantity::from_units(100 * static_cast<std::int64_t>(1 + i % 9));
    bytes += encode_frame(tick);
  }
  return bytes;
}

// Frames cut from the byte stream, then each decoded into a typed TickPrice.
void BM_DecodeTickPriceStream(benchmark::State& state) {
  constexpr std::size_t kTicks = 10'000;
  const std::string bytes = tick_stream(kTicks);
  std::int64_t decoded = 0;
  for (auto _ : state) {
    FrameDecoder frames;
    frames.feed(bytes);
    for (;;) {
      auto frame = frames.next();
      if (!frame.ok() || !frame->has_value()) break;
      auto tick = decode<TickPrice>(**frame);
      benchmark::DoNotOptimize(tick);
      ++decoded;
    }
  }
  state.SetItemsProcessed(decoded);
}
BENCHMARK(BM_DecodeTickPriceStream)->Unit(benchmark::kMillisecond);

// The decode alone, from payloads already framed.
void BM_DecodeTickPrice(benchmark::State& state) {
  std::vector<std::string> payloads;
  for (int i = 0; i < 64; ++i) {
    TickPrice tick;
    tick.req_id = 1000 + i;
    tick.tick_type = 4;
    tick.price = 187.25 + 0.01 * i;
    tick.size = Quantity::from_units(100 + i);
    payloads.push_back(encode(tick));
  }
  std::size_t i = 0;
  for (auto _ : state) {
    auto tick = decode<TickPrice>(payloads[i++ & 63]);
    benchmark::DoNotOptimize(tick);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DecodeTickPrice);

void BM_EncodePlaceOrderLimit(benchmark::State& state) {
  PlaceOrder msg;
  msg.order_id = 4711;
  msg.contract.symbol = "AAPL";
  msg.contract.sec_type = "STK";
  msg.contract.exchange = "SMART";
  msg.contract.primary_exchange = "NASDAQ";
  msg.contract.currency = "USD";
  msg.order.action = "BUY";
  msg.order.total_quantity = Quantity::from_units(100);
  msg.order.order_type = "LMT";
  msg.order.lmt_price = 187.25;
  msg.order.tif = "DAY";
  msg.order.order_ref = "macd-vwap-42";
  for (auto _ : state) {
    std::string bytes = encode_frame(msg);
    benchmark::DoNotOptimize(bytes);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EncodePlaceOrderLimit);

}  // namespace
}  // namespace ibtrade::tws
