// One symbol's price and volume path: a day-level process, then a Brownian bridge minute by minute.
// Single-threaded per object; the PathContext it points into is immutable and shared.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

#include <date/date.h>

#include "core/calendar/trading_calendar.hpp"
#include "core/market_data.hpp"
#include "engine/market/earnings_calendar.hpp"
#include "engine/market/intraday_profile.hpp"
#include "engine/market/market_config.hpp"
#include "engine/market/random_stream.hpp"
#include "engine/market/universe.hpp"

namespace ibtrade::engine::market {

// What every path of one market shares. Everything pointed to must outlive the paths.
struct PathContext {
  std::uint64_t seed = 0;
  date::year_month_day epoch_day;  // a trading day: every path starts here
  const PriceConfig* config = nullptr;
  const TradingCalendar* calendar = nullptr;
  const EarningsCalendar* earnings = nullptr;
  const IntradayProfiles* profiles = nullptr;
};

struct Jump {
  int minute = 0;     // of the session, 0-based
  double size = 0.0;  // log
};

// More jumps than this in one session are dropped (at the default intensities, practically never).
inline constexpr std::size_t kMaxJumpsPerDay = 8;

// Everything decided for one symbol-day before its first minute. Log prices are natural logs of
// dollars, kept unrounded from day to day so that a path does not depend on where it is cut.
struct DayPlan {
  date::year_month_day day;
  std::int64_t trading_day = 0;  // sessions since the epoch day
  int minutes = 0;               // 390, or 210 on an early close
  double previous_close_log = 0.0;
  double gap = 0.0;  // log, previous close to this open
  double open_log = 0.0;
  double diffusion = 0.0;        // log return of the session's Brownian part (drift included)
  double close_log = 0.0;        // open_log + diffusion + the jumps
  double minute_variance = 0.0;  // of a minute of average weight
  double volume = 0.0;           // expected shares in the session
  bool earnings = false;         // this session trades on a fresh earnings report
  std::size_t jump_count = 0;
  std::array<Jump, kMaxJumpsPerDay> jumps{};  // the first jump_count, by minute
};

// The day-level process draws a session's gap, return, jumps and volume from the symbol-day's
// substream; the minutes then bridge to that close. Holds one day's state, never the history.
class SymbolPath {
 public:
  // Replays the day-level process from the epoch day (cheap: no minutes) and stops on the first
  // trading day on or after `from`. valid() is false when no such day is within the calendar.
  SymbolPath(const PathContext& context, const SymbolParams& params, date::year_month_day from);

  bool valid() const { return valid_; }
  const SymbolParams& params() const { return *params_; }
  const DayPlan& day() const { return plan_; }
  // The session's open and close on the tick grid: equal to its first minute's open and last
  // minute's close, without drawing the minutes.
  Price open_price() const;
  Price close_price() const;

  // Moves to the next trading day (valid() turns false past the calendar's covered years).
  void next_day();
  // The current session's next one-minute bar, or nullopt once all its minutes are out.
  std::optional<Bar> next_minute();

 private:
  void plan_day(date::year_month_day day, std::int64_t trading_day, double previous_close_log);
  void start_session();

  const PathContext* context_;
  const SymbolParams* params_;
  double big_gap_log_mean_ = 0.0;   // expected log gap of a day from big gaps, compensated
  double volume_normaliser_ = 1.0;  // expected boost of a session's volume by gaps and earnings
  double start_log_ = 0.0;
  double low_log_ = 0.0;  // the clamp of log prices
  double high_log_ = 0.0;
  bool valid_ = false;
  DayPlan plan_;
  std::optional<EarningsReport> next_report_;  // the next report the path will react to

  // Inside the current session.
  int minute_ = 0;
  Timestamp session_open_;
  const IntradayProfile* profile_ = nullptr;
  RandomStream minute_random_{0};
  double diffusion_so_far_ = 0.0;
  double jumps_so_far_ = 0.0;
  double last_log_ = 0.0;
  Price last_close_;
  std::size_t next_jump_ = 0;
};

}  // namespace ibtrade::engine::market
