#include "adapters/csv/indicator_csv.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cmath>

namespace ibtrade::csv {

namespace {
constexpr std::size_t kChunk = std::size_t{64} * 1024;
}

void append_double(std::string& out, double value) {
  if (std::isnan(value)) return;
  std::array<char, 32> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  if (ec == std::errc{}) out.append(buffer.data(), end);
}

void write_indicator_csv(const BarCsv& bars, indicators::IndicatorSet& indicators,
                         const TextSink& sink) {
  std::string out;
  out.reserve(kChunk + 1024);
  out += bars.has_time ? "date,time,close" : "date,close";
  for (std::string_view column : indicators.columns()) {
    out += ',';
    out += column;
  }
  out += '\n';

  std::chrono::sys_days previous_day{};
  bool first = true;
  for (const CsvBar& row : bars.rows) {
    const auto day = std::chrono::floor<std::chrono::days>(row.bar.time);
    indicators.update(row.bar, first || day != previous_day);
    first = false;
    previous_day = day;

    out += row.date;
    if (bars.has_time) {
      out += ',';
      out += row.time;
    }
    out += ',';
    out += row.bar.close.to_string();
    for (double value : indicators.values()) {
      out += ',';
      append_double(out, value);
    }
    out += '\n';
    if (out.size() >= kChunk) {
      sink(out);
      out.clear();
    }
  }
  if (!out.empty()) sink(out);
}

}  // namespace ibtrade::csv
