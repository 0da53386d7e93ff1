#include "services/sim_nasdaq/nasdaq_format.hpp"

#include <array>
#include <cstdio>
#include <string_view>

namespace ibtrade::services::sim_nasdaq {
namespace {

constexpr std::int64_t kRawPerCent = 10'000'000;  // Money raw is 1e-9
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};

std::int64_t cents_of(Money amount) {
  return amount.rounded(2).raw() / kRawPerCent;
}

// |value| with commas every three digits; value >= 0.
std::string grouped(std::uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::uint64_t magnitude(std::int64_t value) {
  // Two's complement: -INT64_MIN does not fit, its magnitude does as unsigned.
  return value < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(value)
                   : static_cast<std::uint64_t>(value);
}

std::string two_digits(std::uint64_t value) {
  std::array<char, 4> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%02u", static_cast<unsigned>(value % 100));
  return std::string(buffer.data());
}

std::string_view month_name(date::month month) {
  return kMonths.at(unsigned{month} - 1);
}

}  // namespace

std::string calendar_dollars(Money amount) {
  const std::int64_t cents = cents_of(amount);
  const std::uint64_t abs_cents = magnitude(cents);
  std::string text = "$" + grouped(abs_cents / 100);
  if (abs_cents % 100 != 0) text += "." + two_digits(abs_cents % 100);
  return cents < 0 ? "(" + text + ")" : text;
}

std::string market_cap_dollars(std::int64_t dollars) {
  const std::string text = "$" + grouped(magnitude(dollars));
  return dollars < 0 ? "-" + text : text;
}

std::string plain_cents(Money amount) {
  const std::int64_t cents = cents_of(amount);
  const std::uint64_t abs_cents = magnitude(cents);
  return std::string(cents < 0 ? "-" : "") + std::to_string(abs_cents / 100) + "." +
         two_digits(abs_cents % 100);
}

std::string surprise_percent(std::int64_t bps, bool group_thousands) {
  const std::uint64_t abs_bps = magnitude(bps);
  const std::uint64_t whole = abs_bps / 100;
  const std::uint64_t fraction = abs_bps % 100;
  std::string text = group_thousands ? grouped(whole) : std::to_string(whole);
  if (fraction % 10 != 0) {
    text += "." + two_digits(fraction);
  } else if (fraction != 0) {
    text += "." + std::to_string(fraction / 10);
  }
  return bps < 0 ? "-" + text : text;
}

std::string month_day_year(date::year_month_day day) {
  return std::to_string(unsigned{day.month()}) + "/" + two_digits(unsigned{day.day()}) + "/" +
         std::to_string(int{day.year()});
}

std::string month_slash_year(date::year_month month) {
  return std::string(month_name(month.month())) + "/" + std::to_string(int{month.year()});
}

std::string month_space_year(date::year_month month) {
  return std::string(month_name(month.month())) + " " + std::to_string(int{month.year()});
}

std::string weekday_month_day_year(date::year_month_day day) {
  const date::weekday weekday{date::sys_days{day}};
  return std::string(kWeekdays.at(weekday.c_encoding())) + ", " + month_day_comma_year(day);
}

std::string month_day_comma_year(date::year_month_day day) {
  return std::string(month_name(day.month())) + " " + std::to_string(unsigned{day.day()}) + ", " +
         std::to_string(int{day.year()});
}

}  // namespace ibtrade::services::sim_nasdaq
