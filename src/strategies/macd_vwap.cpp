#include "strategies/macd_vwap.hpp"

#include <stdexcept>
#include <string>

#include "engine/orders/price_policies.hpp"
#include "strategies/sizing.hpp"

namespace ibtrade::strategies {
namespace {

constexpr std::string_view kName = "macd-vwap";
constexpr int kMaxPeriod = 100'000;
constexpr int kMinutesPerDay = 24 * 60;

Status validate(const MacdVwapParams& p) {
  ParamReader reader(kName, {});
  reader.require(p.bar_minutes >= 1 && p.bar_minutes <= kMinutesPerDay,
                 "bar_minutes must be from 1 to 1440");
  reader.require(p.fast >= 1 && p.signal >= 1 && p.atr_period >= 1, "periods must be at least 1");
  reader.require(p.fast < p.slow, "fast (" + std::to_string(p.fast) + ") must be less than slow (" +
                                      std::to_string(p.slow) + ")");
  reader.require(p.stop_atr.is_positive() || p.stop_percent.is_positive(),
                 "a stop is needed: stop_atr or stop_percent must be above 0");
  reader.require(p.take_profit_r.is_positive(), "take_profit_r must be above 0");
  reader.require(p.risk_fraction.is_positive() && p.risk_fraction <= Ratio::from_units(1),
                 "risk_fraction must be above 0 and at most 1");
  reader.require(p.max_position.is_positive(), "max_position must be at least 1 share");
  reader.require(p.no_entry_minutes >= 0 && p.minutes_before_close >= 0,
                 "no_entry_minutes and minutes_before_close must not be negative");
  reader.require(p.session_open < p.session_close, "session_open must be before session_close");
  reader.require(p.tick_size.is_positive(), "tick_size must be positive");
  return reader.finish();
}

}  // namespace

Result<MacdVwapParams> parse_macd_vwap_params(const ParamMap& values) {
  MacdVwapParams p;
  ParamReader reader(kName, values);
  reader.integer("bar_minutes", p.bar_minutes, 1, kMinutesPerDay);
  reader.integer("fast", p.fast, 1, kMaxPeriod);
  reader.integer("slow", p.slow, 2, kMaxPeriod);
  reader.integer("signal", p.signal, 1, kMaxPeriod);
  reader.integer("atr_period", p.atr_period, 1, kMaxPeriod);
  reader.ratio("stop_atr", p.stop_atr, Ratio{}, false);
  reader.percent("stop_percent", p.stop_percent, Percent{}, Percent::from_units(100), false);
  reader.ratio("take_profit_r", p.take_profit_r, Ratio{}, true);
  reader.ratio("risk_fraction", p.risk_fraction, Ratio{}, true);
  reader.shares("max_position", p.max_position, 1);
  reader.integer("no_entry_minutes", p.no_entry_minutes, 0, kMinutesPerDay);
  reader.integer("minutes_before_close", p.minutes_before_close, 0, kMinutesPerDay);
  reader.time_of_day("session_open", p.session_open);
  reader.time_of_day("session_close", p.session_close);
  reader.flag("allow_short", p.allow_short);
  reader.price("tick_size", p.tick_size, false);
  if (Status s = reader.finish(); !s.ok()) return s.error();
  if (Status s = validate(p); !s.ok()) return s.error();
  return p;
}

MacdVwap::SymbolState::SymbolState(const engine::Symbol& symbol, const MacdVwapParams& p)
    : bars(std::chrono::minutes(p.bar_minutes)),
      macd(indicators::MacdParams{p.fast, p.slow, p.signal}),
      atr(p.atr_period),
      trade(symbol, TimeInForce::kDay) {}

MacdVwap::MacdVwap(MacdVwapParams params, const TradingCalendar* calendar)
    : params_(params), calendar_(calendar) {
  if (Status s = validate(params_); !s.ok()) throw std::invalid_argument(s.error().message);
}

MacdVwap::SymbolState& MacdVwap::state_for(const engine::Symbol& symbol) {
  auto it = symbols_.find(symbol);
  if (it == symbols_.end()) it = symbols_.try_emplace(symbol, symbol, params_).first;
  return it->second;
}

date::year_month_day MacdVwap::session_day(Timestamp t) const {
  if (calendar_ != nullptr) return calendar_->market_date(t);
  return date::year_month_day{date::floor<date::days>(t)};
}

MacdVwap::SessionWindow MacdVwap::window_for(date::year_month_day day) const {
  SessionWindow w;
  if (calendar_ != nullptr) {
    const auto hours = calendar_->hours(day);
    if (!hours) return w;
    w.open = hours->open;
    w.close = hours->close;  // 13:00 ET on an early close
  } else {
    const Timestamp midnight{date::sys_days{day}};
    w.open = midnight + params_.session_open;
    w.close = midnight + params_.session_close;
  }
  w.trading = true;
  w.entry_from = w.open + std::chrono::minutes(params_.no_entry_minutes);
  w.flatten_at = w.close - std::chrono::minutes(params_.minutes_before_close);
  return w;
}

void MacdVwap::on_session_open(engine::StrategyContext& ctx, date::year_month_day day) {
  // The flatten also has to happen for a symbol whose bars stop coming before the close.
  const SessionWindow w = window_for(day);
  if (!w.trading || w.flatten_at <= ctx.now()) return;
  if (flatten_timer_) (void)ctx.cancel_timer(*flatten_timer_);
  flatten_timer_ = ctx.set_timer("macd-vwap flatten", w.flatten_at);
}

void MacdVwap::on_timer(engine::StrategyContext& ctx, const TimerEvent& timer) {
  if (!flatten_timer_ || timer.id != *flatten_timer_) return;
  flatten_timer_.reset();
  for (auto& [symbol, state] : symbols_)
    flatten(ctx, symbol, state);
}

void MacdVwap::flatten(engine::StrategyContext& ctx, const engine::Symbol& symbol,
                       SymbolState& state) {
  if (state.trade.closing()) return;
  if (state.trade.flat() && ctx.position(symbol).is_zero()) return;
  ++stats_.flattens;
  state.trade.close(ctx);
}

MacdVwapStats MacdVwap::stats() const {
  MacdVwapStats out = stats_;
  for (const auto& [symbol, state] : symbols_)
    out.close_failures += state.trade.close_failures();
  return out;
}

void MacdVwap::on_bar(engine::StrategyContext& ctx, const engine::Symbol& symbol, const Bar& bar) {
  SymbolState& state = state_for(symbol);
  const date::year_month_day day = session_day(bar.time);
  if (state.day != day) {
    state.day = day;
    state.window = window_for(day);
    state.vwap.start_session();
  }
  const SessionWindow& w = state.window;
  // Pre- and post-market bars neither move the session's indicators nor trade.
  if (!w.trading || bar.time < w.open || bar.time >= w.close) return;
  state.vwap.update(bar);
  const Timestamp now = ctx.now();
  if (now >= w.flatten_at) flatten(ctx, symbol, state);

  // A bucket is complete once a bar ends at its end; a bucket whose last minute never came is
  // handed back by the next bucket's first bar instead.
  const auto bucket = std::chrono::minutes(params_.bar_minutes);
  if (auto earlier = state.bars.update(bar)) {
    on_signal_bar(ctx, symbol, state, *earlier, earlier->time + bucket);
  }
  if (now >= state.bars.bucket_start(bar.time) + bucket) {
    if (auto done = state.bars.flush()) on_signal_bar(ctx, symbol, state, *done, now);
  }
  state.trade.poll(ctx);
}

void MacdVwap::on_signal_bar(engine::StrategyContext& ctx, const engine::Symbol& symbol,
                             SymbolState& state, const Bar& bar, Timestamp end) {
  state.macd.update(bar.close.to_double());
  state.atr.update(bar.high.to_double(), bar.low.to_double(), bar.close.to_double());
  // A position without a trade of ours (a close that risk denied): close it again.
  if (state.trade.flat() && !ctx.position(symbol).is_zero()) state.trade.close(ctx);
  if (!state.macd.ready()) return;
  const double difference = state.macd.line() - state.macd.signal();
  const bool had_previous = state.has_previous;
  const double previous = state.previous_difference;
  state.previous_difference = difference;
  state.has_previous = true;
  if (!had_previous) return;
  const bool up = previous <= 0.0 && difference > 0.0;
  const bool down = previous >= 0.0 && difference < 0.0;
  if (!up && !down) return;

  if (state.trade.phase() == SymbolTrade::Phase::kOpen) {
    if ((state.trade.side() == Side::kBuy && down) || (state.trade.side() == Side::kSell && up)) {
      ++stats_.exits_on_cross;
      state.trade.close(ctx);
    }
    return;  // no reversal in one step: a new entry needs a new cross once flat
  }
  if (!state.trade.flat()) return;
  const SessionWindow& w = state.window;
  if (end < w.entry_from || end >= w.flatten_at) {
    ++stats_.late_signals;
    return;
  }
  if (!state.vwap.ready()) return;
  const double vwap = state.vwap.value();
  const double close = bar.close.to_double();
  if (up && close > vwap) {
    enter(ctx, symbol, state, Side::kBuy, bar);
  } else if (down && close < vwap) {
    if (!params_.allow_short) {
      ++stats_.shorts_skipped;
      return;
    }
    enter(ctx, symbol, state, Side::kSell, bar);
  }
}

void MacdVwap::enter(engine::StrategyContext& ctx, const engine::Symbol& symbol, SymbolState& state,
                     Side side, const Bar& bar) {
  const Price reference = bar.close;
  const Price tick = params_.tick_size;
  Price distance;
  if (params_.stop_percent.is_positive()) {
    distance = engine::percent_of(reference, params_.stop_percent);
  } else {
    if (!state.atr.ready()) return;
    // The one place a double becomes a price: ATR x multiple, rounded once.
    auto atr_distance =
        Price::from_double(state.atr.value() * params_.stop_atr.to_double(), kFixedPrecision);
    if (!atr_distance) return;
    distance = *atr_distance;
  }
  // Whole ticks, at least one: a stop at the entry price would trigger at once.
  distance = engine::ceil_to_tick(distance, tick);
  if (distance < tick) distance = tick;
  if (side == Side::kBuy && reference - distance <= Price{}) return;
  const Price target = engine::ceil_to_tick(engine::times(distance, params_.take_profit_r), tick);

  const Quantity quantity =
      shares_for_risk(ctx.account().equity, params_.risk_fraction, distance, params_.max_position);
  if (!quantity.is_positive()) {
    ++stats_.too_small;
    return;
  }
  ExitRule rule;
  rule.kind = ExitRule::Kind::kDistance;
  rule.stop_distance = distance;
  rule.target_distance = target;
  rule.tick = tick;
  const engine::SubmitResult result = state.trade.open(
      ctx, ctx.new_order(symbol, side, OrderType::kMarket, quantity), reference, rule);
  if (result.accepted()) {
    ++(side == Side::kBuy ? stats_.long_entries : stats_.short_entries);
  } else if (result.decision.reason == engine::DenialReason::kShortSellingNotAllowed) {
    ++stats_.shorts_skipped;
  } else {
    ++stats_.entries_denied;
  }
}

void MacdVwap::on_order_update(engine::StrategyContext& ctx, const engine::OrderUpdate& update) {
  auto it = symbols_.find(update.symbol);
  if (it != symbols_.end()) it->second.trade.on_order_update(ctx, update);
}

void MacdVwap::on_fill(engine::StrategyContext& ctx, const engine::Fill& fill) {
  auto it = symbols_.find(fill.symbol);
  if (it != symbols_.end()) it->second.trade.on_fill(ctx, fill);
}

}  // namespace ibtrade::strategies
