#include "app/commands/indicator_options.hpp"

#include <charconv>
#include <cmath>
#include <initializer_list>
#include <string>
#include <vector>

namespace ibtrade::app {

namespace {

std::vector<std::string_view> split_commas(std::string_view text) {
  std::vector<std::string_view> parts;
  for (;;) {
    const std::size_t comma = text.find(',');
    parts.push_back(text.substr(0, comma));
    if (comma == std::string_view::npos) return parts;
    text.remove_prefix(comma + 1);
  }
}

// "<what>, got "<text>"". Built by appending: `"literal" + std::string` trips GCC 12's false
// -Wrestrict at -O3 (GCC PR 105329).
Error expected(std::initializer_list<std::string_view> what, std::string_view text) {
  std::string message;
  for (std::string_view part : what)
    message += part;
  message += ", got \"";
  message += text;
  message += '"';
  return Error{std::move(message)};
}

}  // namespace

Result<int> parse_period(std::string_view text, int min_period) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < min_period ||
      value > kMaxIndicatorPeriod) {
    return expected({"expected a whole number of bars from ", std::to_string(min_period), " to ",
                     std::to_string(kMaxIndicatorPeriod)},
                    text);
  }
  return value;
}

Result<double> parse_band_k(std::string_view text) {
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value) ||
      value < 0.0) {
    return expected({"expected a number of standard deviations >= 0 such as 2 or 2.5"}, text);
  }
  return value;
}

Result<indicators::MacdParams> parse_macd(std::string_view text) {
  const auto usage = [&] {
    return expected({"expected FAST,SLOW,SIGNAL periods with FAST < SLOW, such as 12,26,9"}, text);
  };
  const auto parts = split_commas(text);
  if (parts.size() != 3) return usage();
  auto fast = parse_period(parts[0], 1);
  auto slow = parse_period(parts[1], 2);
  auto signal = parse_period(parts[2], 1);
  if (!fast || !slow || !signal || *fast >= *slow) return usage();
  return indicators::MacdParams{*fast, *slow, *signal};
}

Result<indicators::BollingerParams> parse_bbands(std::string_view text) {
  const auto usage = [&] {
    return expected({"expected PERIOD[,K] with PERIOD >= 2 and K >= 0, such as 20,2"}, text);
  };
  const auto parts = split_commas(text);
  if (parts.size() > 2) return usage();
  auto period = parse_period(parts[0], 2);
  if (!period) return usage();
  indicators::BollingerParams params{*period, 2.0};
  if (parts.size() == 2) {
    auto k = parse_band_k(parts[1]);
    if (!k) return usage();
    params.k = *k;
  }
  return params;
}

}  // namespace ibtrade::app
