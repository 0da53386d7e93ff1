#include "services/sim/historical.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "adapters/tws/mapping.hpp"
#include "adapters/tws/tws_time.hpp"
#include "engine/market/synthetic_market.hpp"

namespace ibtrade::sim {
namespace {

using std::chrono::days;

HistoricalResult fail(int code, std::string message) {
  return HistoricalResult{std::nullopt, HistoricalError{code, std::move(message)}};
}

// "1 min" -> 1 minute, "1 day" -> 0 (daily).
std::optional<Nanoseconds> parse_bar_size(const std::string& text) {
  static const std::map<std::string, Nanoseconds, std::less<>> sizes{
      {"1 min", std::chrono::minutes(1)},    {"2 mins", std::chrono::minutes(2)},
      {"3 mins", std::chrono::minutes(3)},   {"5 mins", std::chrono::minutes(5)},
      {"10 mins", std::chrono::minutes(10)}, {"15 mins", std::chrono::minutes(15)},
      {"20 mins", std::chrono::minutes(20)}, {"30 mins", std::chrono::minutes(30)},
      {"1 hour", std::chrono::hours(1)},     {"2 hours", std::chrono::hours(2)},
      {"1 day", Nanoseconds::zero()}};
  auto it = sizes.find(text);
  if (it == sizes.end()) return std::nullopt;
  return it->second;
}

struct Duration {
  long count = 0;
  char unit = 'D';
};

std::optional<Duration> parse_duration(const std::string& text) {
  Duration d;
  const auto space = text.find(' ');
  if (space == std::string::npos || space + 2 != text.size()) return std::nullopt;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + space, d.count);
  if (ec != std::errc{} || end != text.data() + space || d.count <= 0) return std::nullopt;
  d.unit = text.back();
  if (std::string_view("SDWMY").find(d.unit) == std::string_view::npos) return std::nullopt;
  return d;
}

// The first calendar day the duration reaches back to from `end` (inclusive).
date::year_month_day first_day(date::year_month_day end, const Duration& d) {
  const date::sys_days e(end);
  switch (d.unit) {
    case 'W':
      return date::year_month_day(e - days(7 * d.count - 1));
    case 'M':
      return date::year_month_day(e - days(30 * d.count - 1));
    case 'Y':
      return date::year_month_day(e - days(365 * d.count - 1));
    default:
      return date::year_month_day(e - days(d.count - 1));
  }
}

tws::HistoricalBar to_wire(const Bar& bar, std::string date_text, bool with_volume) {
  tws::HistoricalBar out;
  out.date = std::move(date_text);
  out.open = tws::to_wire(bar.open);
  out.high = tws::to_wire(bar.high);
  out.low = tws::to_wire(bar.low);
  out.close = tws::to_wire(bar.close);
  if (with_volume) {
    out.volume = bar.volume;
    // The typical price stands in for the volume-weighted one the market does not keep.
    const Price typical =
        Price::from_raw(fixed::mul_div(bar.high.raw() + bar.low.raw() + bar.close.raw(), 1, 3), 4);
    out.wap = typical.rounded(4);
    out.bar_count =
        static_cast<int>(std::max<std::int64_t>(1, bar.volume.raw() / kFixedScale / 100));
  } else {
    out.volume = std::nullopt;
    out.wap = std::nullopt;
    out.bar_count = -1;
  }
  return out;
}

std::string day_text(date::year_month_day day) {
  return date::format("%Y%m%d", date::sys_days(day));
}

}  // namespace

HistoricalResult historical_bars(const BarSource& source, std::size_t symbol,
                                 const tws::ReqHistoricalData& request, Timestamp now,
                                 const date::time_zone& zone) {
  const auto bar_size = parse_bar_size(request.bar_size_setting);
  if (!bar_size) {
    return fail(321, "Error validating request.-'bW' : cause - Invalid bar size '" +
                         request.bar_size_setting + "' (simulated: 1 min .. 2 hours, 1 day)");
  }
  const auto duration = parse_duration(request.duration);
  if (!duration) {
    return fail(321,
                "Error validating request.-'bX' : cause - Historical data query duration "
                "format is invalid: '" +
                    request.duration + "'");
  }
  const std::string& what = request.what_to_show;
  const bool trades = what == "TRADES" || what == "ADJUSTED_LAST";
  if (!trades && what != "MIDPOINT" && what != "BID" && what != "ASK") {
    return fail(162, "Historical Market Data Service error message:whatToShow " + what +
                         " is not simulated");
  }
  Timestamp end = now;
  if (!request.end_date_time.empty()) {
    auto parsed = tws::parse_tws_time(request.end_date_time);
    if (!parsed)
      return fail(321, "Error validating request: endDateTime: " + parsed.error().message);
    const date::time_zone* named = &zone;
    if (!parsed->zone.empty()) {
      try {
        named = date::locate_zone(parsed->zone);
      } catch (const std::exception&) {
        return fail(321, "Error validating request: unknown time zone " + parsed->zone);
      }
    }
    auto instant = tws::to_timestamp(*parsed, named);
    if (!instant) return fail(321, "Error validating request: " + instant.error().message);
    end = std::min(*instant, now);  // never the future of the replay
  }
  const SessionSchedule& calendar = source.sessions();
  const date::year_month_day end_day = calendar.market_date(end);
  const bool daily = *bar_size == Nanoseconds::zero();
  const bool seconds = duration->unit == 'S';
  const Timestamp from_instant = end - std::chrono::seconds(seconds ? duration->count : 0);
  date::year_month_day from_day =
      seconds ? calendar.market_date(from_instant) : first_day(end_day, *duration);
  if (duration->unit == 'D') {
    // IB counts "<n> D" in sessions: today's (possibly still empty) and n - 1 before it.
    from_day = end_day;
    for (long i = calendar.is_trading_day(end_day) ? 1 : 0; i < duration->count; ++i) {
      auto before = calendar.previous_trading_day(from_day);
      if (!before) break;
      from_day = *before;
    }
  }
  if (!daily && (date::sys_days(end_day) - date::sys_days(from_day)).count() > 45) {
    return fail(162, "Historical Market Data Service error message:Time length exceed max.");
  }

  tws::HistoricalData out;
  out.req_id = request.req_id;
  out.end_date = tws::format_tws_time(end, zone);
  std::optional<Timestamp> first_time;
  for (date::year_month_day day = from_day; date::sys_days(day) <= date::sys_days(end_day);
       day = date::year_month_day(date::sys_days(day) + days(1))) {
    const auto hours = calendar.hours(day);
    if (!hours) continue;
    if (daily && !seconds && hours->close <= end) {
      // A whole past session: the source may know it without building its minutes.
      if (auto bar = source.session_bar(symbol, day)) {
        if (!first_time) first_time = bar->time;
        out.bars.push_back(to_wire(*bar, day_text(day), trades));
      }
      continue;
    }
    std::vector<Bar> minutes = source.minute_bars(symbol, day);
    // Completed minutes only, and not before the requested start.
    std::erase_if(minutes, [&](const Bar& b) {
      return b.time + std::chrono::minutes(1) > end || (seconds && b.time < from_instant);
    });
    if (minutes.empty()) continue;
    if (daily) {
      Bar bar = engine::market::aggregate_bars(minutes);
      if (!first_time) first_time = bar.time;
      out.bars.push_back(to_wire(bar, day_text(day), trades));
      continue;
    }
    const Timestamp open = hours->open;
    std::size_t i = 0;
    while (i < minutes.size()) {
      const auto bucket = (minutes[i].time - open) / *bar_size;
      std::size_t j = i;
      while (j < minutes.size() && (minutes[j].time - open) / *bar_size == bucket)
        ++j;
      Bar bar = engine::market::aggregate_bars(std::span<const Bar>(minutes.data() + i, j - i));
      bar.time = open + *bar_size * bucket;
      if (!first_time) first_time = bar.time;
      const std::string when =
          request.format_date == 2
              ? std::to_string(
                    std::chrono::duration_cast<std::chrono::seconds>(bar.time.time_since_epoch())
                        .count())
              : tws::format_tws_time(bar.time, zone);
      out.bars.push_back(to_wire(bar, when, trades));
      i = j;
    }
  }
  if (out.bars.empty()) {
    return fail(162, "Historical Market Data Service error message:HMDS query returned no data: " +
                         std::string("no simulated bars in the requested range"));
  }
  out.start_date = tws::format_tws_time(first_time.value_or(end), zone);
  return HistoricalResult{std::move(out), std::nullopt};
}

}  // namespace ibtrade::sim
