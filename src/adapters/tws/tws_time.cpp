#include "adapters/tws/tws_time.hpp"

#include <charconv>
#include <cstdio>

namespace ibtrade::tws {
namespace {

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// "yyyyMMdd" into days since the epoch, checking the calendar date.
bool parse_date(std::string_view text, date::sys_days& out) {
  if (text.size() != 8 || !all_digits(text)) return false;
  const date::year_month_day ymd{date::year{to_int(text.substr(0, 4))},
                                 date::month{static_cast<unsigned>(to_int(text.substr(4, 2)))},
                                 date::day{static_cast<unsigned>(to_int(text.substr(6, 2)))}};
  if (!ymd.ok()) return false;
  out = date::sys_days{ymd};
  return true;
}

// "HH:mm:ss" into seconds of the day.
bool parse_clock(std::string_view text, std::chrono::seconds& out) {
  if (text.size() != 8 || text[2] != ':' || text[5] != ':') return false;
  const auto hh = text.substr(0, 2);
  const auto mm = text.substr(3, 2);
  const auto ss = text.substr(6, 2);
  if (!all_digits(hh) || !all_digits(mm) || !all_digits(ss)) return false;
  const int h = to_int(hh);
  const int m = to_int(mm);
  const int s = to_int(ss);
  if (h > 23 || m > 59 || s > 60) return false;
  out = std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{s};
  return true;
}

}  // namespace

Result<TwsTime> parse_tws_time(std::string_view text) {
  const auto bad = [&] {
    return make_error("'" + std::string(text.substr(0, 60)) + "' is not a TWS date/time");
  };
  TwsTime out;
  if (all_digits(text) && text.size() != 8) {
    if (text.size() > 12) return bad();
    out.kind = TwsTime::Kind::kUtc;
    out.seconds = std::chrono::seconds{std::stoll(std::string(text))};
    return out;
  }
  date::sys_days day;
  if (text.size() < 8 || !parse_date(text.substr(0, 8), day)) return bad();
  out.seconds = day.time_since_epoch();
  std::string_view rest = text.substr(8);
  if (rest.empty()) {
    out.kind = TwsTime::Kind::kLocal;
    out.date_only = true;
    return out;
  }
  std::chrono::seconds clock{0};
  if (rest.front() == '-') {
    if (!parse_clock(rest.substr(1), clock)) return bad();
    out.kind = TwsTime::Kind::kUtc;
    out.seconds += clock;
    return out;
  }
  if (rest.front() != ' ') return bad();
  rest.remove_prefix(rest.size() > 1 && rest[1] == ' ' ? 2 : 1);
  if (!parse_clock(rest.substr(0, 8), clock)) return bad();
  out.kind = TwsTime::Kind::kLocal;
  out.seconds += clock;
  rest.remove_prefix(rest.size() < 8 ? rest.size() : 8);
  if (!rest.empty()) {
    if (rest.front() != ' ' || rest.size() < 2) return bad();
    out.zone = std::string(rest.substr(1));
  }
  return out;
}

Result<Timestamp> to_timestamp(const TwsTime& time, const date::time_zone* zone) {
  if (time.kind == TwsTime::Kind::kUtc) return Timestamp{time.seconds};
  if (zone == nullptr) return make_error("a local TWS time needs a time zone");
  const date::local_seconds local{time.seconds};
  const date::local_info info = zone->get_info(local);
  if (info.result == date::local_info::nonexistent) {
    return make_error("local time does not exist in " + zone->name() + " (clocks skip it)");
  }
  // For an ambiguous time first.offset is the earlier instant's offset.
  return Timestamp{std::chrono::duration_cast<Nanoseconds>(time.seconds - info.first.offset)};
}

std::string format_tws_time(Timestamp time, const date::time_zone& zone) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(time);
  const date::local_seconds local = zone.to_local(seconds);
  return date::format("%Y%m%d %H:%M:%S ", local) + zone.name();
}

}  // namespace ibtrade::tws
