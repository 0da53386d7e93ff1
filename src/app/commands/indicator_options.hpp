// Parsing of `ibtrade indicators` option values ("12,26,9", "20,2", "14") into indicator
// parameters, with messages that say what was expected. Pure functions; no shared state.
#pragma once

#include <string_view>

#include "core/indicators/bollinger.hpp"
#include "core/indicators/macd.hpp"
#include "core/result.hpp"

namespace ibtrade::app {

inline constexpr int kMaxIndicatorPeriod = 100'000;  // TA-Lib's bound

// A whole number of bars in [min_period, kMaxIndicatorPeriod].
Result<int> parse_period(std::string_view text, int min_period);
// FAST,SLOW,SIGNAL with 1 <= FAST < SLOW and SIGNAL >= 1.
Result<indicators::MacdParams> parse_macd(std::string_view text);
// PERIOD[,K]: PERIOD >= 2, K a number >= 0 (default 2).
Result<indicators::BollingerParams> parse_bbands(std::string_view text);
// A band width in standard deviations: a finite number >= 0.
Result<double> parse_band_k(std::string_view text);

}  // namespace ibtrade::app
