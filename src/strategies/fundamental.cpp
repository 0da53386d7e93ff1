#include "strategies/fundamental.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

#include "engine/orders/price_policies.hpp"
#include "strategies/sizing.hpp"

namespace ibtrade::strategies {
namespace {

constexpr std::string_view kName = "fundamental";
constexpr int kMaxPeriod = 100'000;
constexpr double kMaxSigma = 1e6;

Status validate(const FundamentalParams& p) {
  ParamReader reader(kName, {});
  reader.require(p.sigma_lookback >= 2, "sigma_lookback must be at least 2");
  reader.require(p.sigma_lo <= p.sigma_hi, "sigma_lo must not be above sigma_hi");
  reader.require(p.stop_percent.is_positive() && p.stop_percent < Percent::from_units(100),
                 "stop_percent must be above 0 and below 100");
  reader.require(p.target_percent.is_positive(), "target_percent must be above 0");
  reader.require(p.max_hold_days >= 1, "max_hold_days must be at least 1");
  reader.require(p.max_positions >= 1, "max_positions must be at least 1");
  reader.require(p.risk_fraction.is_positive() && p.risk_fraction <= Ratio::from_units(1),
                 "risk_fraction must be above 0 and at most 1");
  reader.require(p.tick_size.is_positive(), "tick_size must be positive");
  return reader.finish();
}

}  // namespace

Result<FundamentalParams> parse_fundamental_params(const ParamMap& values) {
  FundamentalParams p;
  ParamReader reader(kName, values);
  reader.integer("sigma_lookback", p.sigma_lookback, 2, kMaxPeriod);
  reader.number("sigma_lo", p.sigma_lo, -kMaxSigma, kMaxSigma);
  reader.number("sigma_hi", p.sigma_hi, -kMaxSigma, kMaxSigma);
  reader.percent("stop_percent", p.stop_percent, Percent{}, Percent::from_units(99), true);
  reader.percent("target_percent", p.target_percent, Percent{}, Percent::from_units(10'000), true);
  reader.integer("max_hold_days", p.max_hold_days, 1, kMaxPeriod);
  reader.integer("max_positions", p.max_positions, 1, kMaxPeriod);
  reader.ratio("risk_fraction", p.risk_fraction, Ratio{}, true);
  reader.price("tick_size", p.tick_size, false);
  if (Status s = reader.finish(); !s.ok()) return s.error();
  if (Status s = validate(p); !s.ok()) return s.error();
  return p;
}

Fundamental::SymbolState::SymbolState(const engine::Symbol& symbol, int sigma_lookback)
    : sigma(sigma_lookback), trade(symbol, TimeInForce::kOpg) {}

Fundamental::Fundamental(FundamentalParams params, std::optional<std::vector<Candidate>> candidates)
    : params_(params) {
  if (Status s = validate(params_); !s.ok()) throw std::invalid_argument(s.error().message);
  if (candidates) {
    candidates_.emplace();
    for (Candidate& c : *candidates)
      (*candidates_)[c.date].emplace(std::move(c.symbol), c.score);
  }
}

Fundamental::SymbolState& Fundamental::state_for(const engine::Symbol& symbol) {
  auto it = symbols_.find(symbol);
  if (it == symbols_.end()) {
    it = symbols_.try_emplace(symbol, symbol, params_.sigma_lookback).first;
  }
  return it->second;
}

bool Fundamental::holds(engine::StrategyContext& ctx, const engine::Symbol& symbol,
                        const SymbolState& state) const {
  return !state.trade.flat() || !ctx.position(symbol).is_zero();
}

void Fundamental::on_bar(engine::StrategyContext& ctx, const engine::Symbol& symbol,
                         const Bar& bar) {
  SymbolState& state = state_for(symbol);
  state.trade.poll(ctx);
  const Quantity position = ctx.position(symbol);
  if (state.trade.phase() == SymbolTrade::Phase::kOpen && position.is_positive()) {
    // Counts the entry day's bar too: the entry fills at its open.
    if (++state.held_days >= params_.max_hold_days) {
      ++stats_.max_hold_exits;
      state.trade.close(ctx);
    }
  } else if (state.trade.flat() && !position.is_zero()) {
    state.trade.close(ctx);  // a position without a trade of ours (a denied close): again
  }

  std::optional<double> score;
  if (candidates_) {
    const date::year_month_day day{date::floor<date::days>(bar.time)};
    auto on_day = candidates_->find(day);
    if (on_day == candidates_->end()) return;
    auto hit = on_day->second.find(symbol);
    if (hit == on_day->second.end()) return;
    score = hit->second.value_or(-std::numeric_limits<double>::infinity());
  } else {
    state.sigma.update(bar.close.to_double());
    if (!state.sigma.ready()) return;
    const double spike = state.sigma.value();
    if (spike < params_.sigma_lo || spike > params_.sigma_hi) return;
    score = spike;
  }
  ++stats_.signals;
  signals_.push_back(Signal{*score, symbol, bar.close});
  // Daily bars of one date all complete at the same instant; a timer at that instant fires
  // after all of them, so the day's signals can be ranked before any slot is taken.
  if (!entry_timer_) entry_timer_ = ctx.set_timer("fundamental entries", ctx.now());
}

void Fundamental::on_timer(engine::StrategyContext& ctx, const TimerEvent& timer) {
  if (!entry_timer_ || timer.id != *entry_timer_) return;
  entry_timer_.reset();
  std::vector<Signal> signals = std::move(signals_);
  signals_.clear();
  std::stable_sort(signals.begin(), signals.end(), [](const Signal& a, const Signal& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.symbol < b.symbol;
  });
  int held = 0;
  for (const auto& [symbol, state] : symbols_) {
    if (holds(ctx, symbol, state)) ++held;
  }
  for (const Signal& signal : signals) {
    SymbolState& state = state_for(signal.symbol);
    if (holds(ctx, signal.symbol, state) || held >= params_.max_positions) {
      ++stats_.no_slot;
      continue;
    }
    enter(ctx, signal, state);
    if (!state.trade.flat()) ++held;
  }
}

void Fundamental::enter(engine::StrategyContext& ctx, const Signal& signal, SymbolState& state) {
  const Price tick = params_.tick_size;
  const Price distance = std::max(
      engine::ceil_to_tick(engine::percent_of(signal.close, params_.stop_percent), tick), tick);
  const Money equity = ctx.account().equity;
  // No leverage: max_positions full positions fit in equity.
  Quantity cap;
  if (equity.is_positive()) {
    cap = Quantity::from_units(equity.raw() / params_.max_positions / signal.close.raw());
  }
  const Quantity quantity = shares_for_risk(equity, params_.risk_fraction, distance, cap);
  if (!quantity.is_positive()) {
    ++stats_.too_small;
    return;
  }
  Order entry = ctx.new_order(signal.symbol, Side::kBuy, OrderType::kMarket, quantity);
  // Decided after the close: at the next open, and not carried into the day after.
  entry.tif = TimeInForce::kOpg;
  ExitRule rule;
  rule.kind = ExitRule::Kind::kPercent;
  rule.stop_percent = params_.stop_percent;
  rule.target_percent = params_.target_percent;
  rule.tick = tick;
  state.held_days = 0;
  if (state.trade.open(ctx, std::move(entry), signal.close, rule).accepted()) {
    ++stats_.entries;
  } else {
    ++stats_.entries_denied;
  }
}

void Fundamental::on_order_update(engine::StrategyContext& ctx, const engine::OrderUpdate& update) {
  auto it = symbols_.find(update.symbol);
  if (it != symbols_.end()) it->second.trade.on_order_update(ctx, update);
}

void Fundamental::on_fill(engine::StrategyContext& ctx, const engine::Fill& fill) {
  auto it = symbols_.find(fill.symbol);
  if (it != symbols_.end()) it->second.trade.on_fill(ctx, fill);
}

FundamentalStats Fundamental::stats() const {
  FundamentalStats out = stats_;
  for (const auto& [symbol, state] : symbols_)
    out.close_failures += state.trade.close_failures();
  return out;
}

}  // namespace ibtrade::strategies
