// Every parameter of the synthetic market model with its default (docs/synthetic-market.md).
// Plain value types; no threading rule.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include <date/date.h>

namespace ibtrade::engine::market {

// How a company's earnings behave, which decides the screener class it tends to land in.
enum class EarningsProfile : std::uint8_t {
  kCompounder,    // profitable, EPS growing 3-6 % a quarter, usually beats
  kSteady,        // profitable, flat EPS, usually beats
  kCyclical,      // EPS swings through zero over a cycle: turnarounds and swings to loss
  kMisser,        // profitable, often misses
  kLossMaker,     // persistent losses
  kThinCoverage,  // one to three analysts, often none: short or missing history
  kUncovered,     // no analysts: no forecast, no surprise
};
inline constexpr std::size_t kEarningsProfileCount = 7;

// Higher at the open and the close: weight(x) = 1 + open_boost e^(-x / open_decay)
// + close_boost e^(-(1 - x) / close_decay), x the fraction of the session elapsed.
struct IntradayShape {
  double open_boost = 0.0;
  double open_decay = 0.05;
  double close_boost = 0.0;
  double close_decay = 0.05;
};

struct EarningsProfileSpec {
  double weight = 0.0;      // share of symbols with this profile (relative)
  double min_growth = 0.0;  // EPS growth per quarter, drawn uniform in [min, max]
  double max_growth = 0.0;
  double beat_probability = 0.5;  // of the quarters that are not in line
  double eps_noise = 0.05;        // sd of a quarter's EPS around its trend, relative
};

struct UniverseConfig {
  double min_price = 2.0;  // at the epoch, log-uniform
  double max_price = 300.0;
  double min_market_cap = 1e8;  // dollars at the epoch, log-uniform
  double max_market_cap = 3e11;
  double min_shares = 2e6;  // shares outstanding = market cap / price, clamped
  double max_shares = 2e10;
  double min_volatility = 0.20;  // annual, log-uniform
  double max_volatility = 0.90;
  double min_drift = -0.10;  // annual drift of the log-price anchor, for profiles without a
  double max_drift = 0.25;   // growth rate; others take 4 ln(1 + growth) + uniform(+-drift_noise)
  double drift_noise = 0.05;
  double min_jumps_per_year = 1.0;  // intraday jump intensity, uniform
  double max_jumps_per_year = 12.0;
  double min_jump_sd = 0.005;  // sd of a jump's log size, uniform
  double max_jump_sd = 0.03;
  double min_gap_ratio = 0.3;   // sd of an ordinary overnight log gap over the sd of a
  double max_gap_ratio = 0.6;   // session's diffusion (volatility / sqrt(252)), uniform
  double min_turnover = 0.001;  // expected daily volume / shares outstanding, log-uniform
  double max_turnover = 0.015;
  double min_avg_volume = 20'000;  // clamp of the expected daily volume (shares)
  double max_avg_volume = 200'000'000;
  double min_float = 0.45;  // float / shares outstanding, uniform
  double max_float = 0.98;
};

struct PriceConfig {
  double mean_reversion = 1.5;        // per year: pull of the log price towards its drifting anchor
  double big_gap_probability = 0.02;  // per symbol-day without earnings
  double big_gap_up_share = 0.8;      // of big gaps, the share that go up
  double big_gap_up_min = 0.08;       // up gaps: uniform in [min, max] (simple return)
  double big_gap_up_max = 0.40;
  double big_gap_down_min = 0.08;  // down gaps: uniform in [min, max] (simple return, lost)
  double big_gap_down_max = 0.30;
  double earnings_gap_sd = 0.06;        // log gap noise on the session reacting to earnings
  double earnings_surprise_beta = 0.4;  // log gap per unit of surprise fraction
  double earnings_max_surprise_gap = 0.15;
  double daily_volume_sd = 0.3;        // log sd of a day's volume around its expectation
  double minute_volume_sd = 0.5;       // log sd of a minute's volume around the intraday profile
  double gap_volume_boost = 10.0;      // day volume x (1 + boost |gap|)
  double earnings_volume_boost = 2.5;  // day volume x boost on an earnings reaction day
  double min_price = 0.001;            // log prices are clamped to [min_price, max_price]
  double max_price = 100'000;
  IntradayShape volume_shape{3.0, 0.04, 2.0, 0.04};
  IntradayShape volatility_shape{1.0, 0.05, 0.5, 0.05};
};

struct EarningsConfig {
  // Indexed by EarningsProfile.
  std::array<EarningsProfileSpec, kEarningsProfileCount> profiles{{
      {0.25, 0.03, 0.06, 0.85, 0.04},     // kCompounder
      {0.20, -0.005, 0.015, 0.75, 0.04},  // kSteady
      {0.15, 0.0, 0.0, 0.55, 0.10},       // kCyclical
      {0.13, -0.02, 0.02, 0.25, 0.08},    // kMisser
      {0.10, 0.0, 0.0, 0.50, 0.15},       // kLossMaker
      {0.10, 0.0, 0.03, 0.60, 0.08},      // kThinCoverage
      {0.07, 0.0, 0.02, 0.50, 0.08},      // kUncovered
  }};
  double min_pe = 10.0;  // price / annual EPS at the epoch for profitable profiles, uniform
  double max_pe = 45.0;
  double min_cycle_quarters = 10.0;  // kCyclical: period of the EPS cycle, uniform
  double max_cycle_quarters = 16.0;
  double min_cycle_level = -0.2;  // kCyclical: centre of the cycle, in units of base EPS
  double max_cycle_level = 0.3;
  double min_loss_depth = 0.3;  // kLossMaker: quarterly loss, in units of base EPS
  double max_loss_depth = 1.2;
  double in_line_probability = 0.08;  // a quarter reported exactly at consensus
  double min_surprise = 0.03;         // |surprise| = min + |normal(0, sd)|, relative
  double surprise_sd = 0.08;
  double thin_no_estimate_probability = 0.5;  // kThinCoverage: a quarter without any estimate
  double pre_market_share = 0.45;   // a symbol's habit: before the open, after the close, or
  double after_hours_share = 0.45;  // not supplied (then each quarter's real time is a coin flip)
  double not_supplied_share = 0.10;
  int min_report_lag_days = 20;  // a symbol's usual lag from quarter end to report, uniform
  int max_report_lag_days = 40;
  int report_lag_jitter_days = 4;    // per quarter, uniform in [-jitter, jitter]
  int year_end_extra_lag_days = 12;  // the fourth fiscal quarter reports later (annual report)
  std::array<double, 3> fiscal_shift_weights{0.7, 0.1, 0.2};  // quarters end Mar / Feb / Jan
};

struct MarketConfig {
  // Every path starts here (the first trading day on or after it), whatever range is asked
  // for, so that a later range shows the same prices. Must lie in the calendar's covered years.
  date::year_month_day epoch{date::year{2020}, date::month{1}, date::day{2}};
  UniverseConfig universe;
  PriceConfig price;
  EarningsConfig earnings;
};

}  // namespace ibtrade::engine::market
