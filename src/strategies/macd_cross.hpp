// macd-cross: the reference strategy for comparing with other frameworks. One symbol, always in
// the market after the first MACD/signal cross. Single-threaded: the engine's kernel thread.
#pragma once

#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "core/fixed_point.hpp"
#include "core/hash.hpp"
#include "core/indicators/macd.hpp"
#include "core/result.hpp"
#include "engine/strategy/strategy.hpp"
#include "strategies/params.hpp"

namespace ibtrade::strategies {

struct MacdCrossParams {
  int fast = 12;
  int slow = 26;
  int signal = 9;
  Quantity size = Quantity::from_units(100);  // shares held long or short after a cross
  std::string symbol;                         // empty: the first symbol that sends a bar
};

// Unknown key, bad value or fast >= slow: an error naming the key.
Result<MacdCrossParams> parse_macd_cross_params(const ParamMap& values);

// On each bar of its symbol: MACD(fast, slow, signal) of the close. Once line and signal exist,
// a cross up (line - signal <= 0 on the previous bar, > 0 now) makes the target +size, a cross
// down (>= 0 before, < 0 now) -size; a market order (GTC) goes for target - (position + what is
// still working), so a slow fill is not ordered twice.
class MacdCross final : public engine::Strategy {
 public:
  // Valid params (parse_macd_cross_params); else std::invalid_argument.
  explicit MacdCross(MacdCrossParams params = {});

  void on_bar(engine::StrategyContext& ctx, const engine::Symbol& symbol, const Bar& bar) override;
  // Only a finishing update matters (an order that will not fill is forgotten); fills come
  // through on_fill.
  engine::OrderUpdateInterest order_update_interest() const override {
    return engine::OrderUpdateInterest::kFinishing;
  }
  void on_order_update(engine::StrategyContext& ctx, const engine::OrderUpdate& update) override;
  void on_fill(engine::StrategyContext& ctx, const engine::Fill& fill) override;

  const MacdCrossParams& params() const { return params_; }
  const engine::Symbol& symbol() const { return symbol_; }
  Quantity target() const { return target_; }  // signed
  std::uint64_t crosses() const { return crosses_; }
  std::uint64_t orders_sent() const { return orders_sent_; }
  std::uint64_t orders_denied() const { return orders_denied_; }

 private:
  // An order of ours that can still fill, with its signed unfilled quantity.
  struct Working {
    ClientOrderId id;
    Quantity remaining;  // buys > 0, sells < 0
  };

  // Whether a bar is for the strategy's symbol, when symbol_in_words_: a size compare and two
  // word compares. A Symbol is a std::string, whose terminating NUL can be read too, so a text
  // of 3-7 bytes (most symbols) and its terminator, 4-8 bytes, are two overlapping 4-byte
  // words, taken once from the strategy's symbol (set_symbol).
  bool is_ours_by_words(const engine::Symbol& symbol) const {
    if (symbol.size() != symbol_.size()) return false;
    const char* const text = symbol.c_str();
    return word_at(text) == first_word_ && word_at(text + symbol.size() - 3) == last_word_;
  }
  static std::uint32_t word_at(const char* text) {
    std::uint32_t word = 0;
    std::memcpy(&word, text, sizeof(word));
    return word;
  }
  void set_symbol(const engine::Symbol& symbol);
  // Out of line, like cross: other symbols' bars, symbols of other sizes and the first bar.
  [[gnu::noinline]] void on_bar_by_bytes(engine::StrategyContext& ctx, const engine::Symbol& symbol,
                                         const Bar& bar);
  // A bar of the strategy's symbol.
  void on_own_bar(engine::StrategyContext& ctx, const Bar& bar);
  // Out of line from on_bar: the order code's registers and calls stay off the per-bar path.
  [[gnu::noinline]] void cross(engine::StrategyContext& ctx, Quantity target);
  void rebalance(engine::StrategyContext& ctx);
  void forget(const ClientOrderId& id);

  MacdCrossParams params_;
  engine::Symbol symbol_;  // set_symbol
  bool symbol_in_words_ = false;
  std::uint32_t first_word_ = 0;  // of symbol_ with its terminator, when in words
  std::uint32_t last_word_ = 0;
  indicators::Macd macd_;
  // line - signal on the previous bar; NaN until there is one.
  double previous_difference_ = std::numeric_limits<double>::quiet_NaN();
  Quantity short_size_;  // -params_.size, the target after a cross down
  Quantity target_;
  Quantity pending_;              // sum of working_'s remaining
  std::vector<Working> working_;  // rarely more than one
  std::uint64_t crosses_ = 0;
  std::uint64_t orders_sent_ = 0;
  std::uint64_t orders_denied_ = 0;
};

}  // namespace ibtrade::strategies
