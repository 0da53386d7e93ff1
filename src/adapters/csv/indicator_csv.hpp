// Indicator CSV writer: one row per bar (date[,time],close, then one column per indicator
// output), the output of `ibtrade indicators`. Plain functions; no shared state.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "adapters/csv/bar_csv.hpp"
#include "core/indicators/indicator_set.hpp"

namespace ibtrade::csv {

// Receives the output in chunks of a few tens of kilobytes.
using TextSink = std::function<void(std::string_view)>;

// Feeds every bar to `indicators` and writes the header and one row per bar to `sink`. A new
// VWAP session starts whenever the date changes. Values are written in the shortest form that
// reads back to the same double; a cell is empty while its indicator is not ready.
void write_indicator_csv(const BarCsv& bars, indicators::IndicatorSet& indicators,
                         const TextSink& sink);

// Appends the shortest round-trip text of `value` ("" for NaN).
void append_double(std::string& out, double value);

}  // namespace ibtrade::csv
