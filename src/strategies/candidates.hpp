// Screener candidates for the fundamental strategy: (date, symbol[, score]) rows, parsed from
// CSV text held by the caller (the backtest reads the file). Plain values and a pure parser.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "core/result.hpp"

namespace ibtrade::strategies {

struct Candidate {
  // The screening day: the screen used data through this day's close, so the entry is at the
  // next open. Matched against the UTC date of the symbol's daily bar start.
  date::year_month_day date;
  std::string symbol;
  std::optional<double> score;  // higher ranks first when slots are short

  friend bool operator==(const Candidate&, const Candidate&) = default;
};

// Rows `date,symbol[,score]` with the date as YYYY-MM-DD. A first line that starts with a
// column name (date, symbol, score) is a header; then the columns are found by name (score
// optional) and other columns are ignored. Blank lines are skipped; CRLF and a UTF-8 BOM are
// accepted. Errors name `source`:line ("candidates.csv:4: bad date '2024-13-01' ...").
Result<std::vector<Candidate>> parse_candidates_csv(std::string_view text, std::string_view source);

}  // namespace ibtrade::strategies
