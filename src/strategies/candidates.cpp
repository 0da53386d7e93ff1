#include "strategies/candidates.hpp"

#include <charconv>
#include <cmath>
#include <cstddef>
#include <map>
#include <system_error>
#include <utility>

namespace ibtrade::strategies {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = line.find(',', start);
    fields.push_back(
        trim(line.substr(start, comma == std::string_view::npos ? comma : comma - start)));
    if (comma == std::string_view::npos) return fields;
    start = comma + 1;
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool parse_int(std::string_view s, int& out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

std::optional<date::year_month_day> parse_date(std::string_view s) {
  int y = 0;
  int m = 0;
  int d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !parse_int(s.substr(0, 4), y) ||
      !parse_int(s.substr(5, 2), m) || !parse_int(s.substr(8, 2), d)) {
    return std::nullopt;
  }
  const date::year_month_day day{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!day.ok()) return std::nullopt;
  return day;
}

struct Columns {
  std::size_t date = 0;
  std::size_t symbol = 1;
  std::size_t score = 2;
};

}  // namespace

Result<std::vector<Candidate>> parse_candidates_csv(std::string_view text,
                                                    std::string_view source) {
  auto where = [&](std::size_t line) {
    return std::string(source) + ":" + std::to_string(line) + ": ";
  };
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);

  std::vector<Candidate> out;
  std::map<std::pair<date::year_month_day, std::string>, std::size_t> seen;  // -> line
  Columns columns;
  bool first = true;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string_view line =
        trim(text.substr(start, end == std::string_view::npos ? end : end - start));
    start = end == std::string_view::npos ? text.size() + 1 : end + 1;
    ++line_number;
    if (line.empty()) continue;
    const std::vector<std::string_view> fields = split(line);

    if (first) {
      first = false;
      const std::string head = lower(fields[0]);
      if (head == "date" || head == "symbol" || head == "score") {
        columns = Columns{kNone, kNone, kNone};
        for (std::size_t i = 0; i < fields.size(); ++i) {
          const std::string name = lower(fields[i]);
          if (name == "date") columns.date = i;
          if (name == "symbol") columns.symbol = i;
          if (name == "score") columns.score = i;
        }
        if (columns.date == kNone || columns.symbol == kNone) {
          return make_error(where(line_number) + "the header needs a 'date' and a 'symbol' column");
        }
        continue;
      }
    }

    const std::size_t needed = std::max(columns.date, columns.symbol) + 1;
    if (fields.size() < needed) {
      return make_error(where(line_number) + "expected date,symbol[,score], got '" +
                        std::string(line) + "'");
    }
    auto day = parse_date(fields[columns.date]);
    if (!day) {
      return make_error(where(line_number) + "bad date '" + std::string(fields[columns.date]) +
                        "' (expected YYYY-MM-DD)");
    }
    const std::string_view symbol = fields[columns.symbol];
    if (symbol.empty() || symbol.find_first_of(" \t") != std::string_view::npos) {
      return make_error(where(line_number) + "bad symbol '" + std::string(symbol) + "'");
    }
    Candidate candidate{*day, std::string(symbol), std::nullopt};
    if (columns.score != kNone && columns.score < fields.size() && !fields[columns.score].empty()) {
      const std::string_view s = fields[columns.score];
      double score = 0.0;
      auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), score);
      if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(score)) {
        return make_error(where(line_number) + "bad score '" + std::string(s) +
                          "' (expected a number)");
      }
      candidate.score = score;
    }
    auto [it, inserted] = seen.emplace(std::pair{*day, candidate.symbol}, line_number);
    if (!inserted) {
      return make_error(where(line_number) + "duplicate candidate " + candidate.symbol +
                        " on the same date as line " + std::to_string(it->second));
    }
    out.push_back(std::move(candidate));
  }
  return out;
}

}  // namespace ibtrade::strategies
