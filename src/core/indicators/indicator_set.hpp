// IndicatorSet: a configured group of indicators fed bar by bar, read as one row of named
// columns (the `ibtrade indicators` command, backtest reports). Single-threaded value type.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/indicators/atr.hpp"
#include "core/indicators/bollinger.hpp"
#include "core/indicators/ema.hpp"
#include "core/indicators/macd.hpp"
#include "core/indicators/rsi.hpp"
#include "core/indicators/sigma_spike.hpp"
#include "core/indicators/sma.hpp"
#include "core/indicators/vwap.hpp"
#include "core/indicators/zscore.hpp"
#include "core/market_data.hpp"

namespace ibtrade::indicators {

// Which indicators to run; each present field adds its columns.
struct IndicatorSetConfig {
  std::optional<int> sma;
  std::optional<int> ema;
  std::optional<MacdParams> macd;
  std::optional<double> vwap_k;  // VWAP with bands at +/- k sigma
  std::optional<int> rsi;
  std::optional<int> atr;
  std::optional<BollingerParams> bbands;
  std::optional<int> zscore;
  std::optional<int> sigma_spike;
};

class IndicatorSet {
 public:
  // Throws std::invalid_argument for parameters an indicator refuses.
  explicit IndicatorSet(const IndicatorSetConfig& config);

  // Column names, in the order of values(): sma, ema, macd, macd_signal, macd_hist, vwap,
  // vwap_upper, vwap_lower, rsi, atr, bb_middle, bb_upper, bb_lower, zscore, sigma_spike
  // (those configured).
  const std::vector<std::string_view>& columns() const { return columns_; }

  // Feeds one bar (indicators use the close unless they need more). `new_session` starts a
  // new VWAP session before the bar is added.
  void update(const Bar& bar, bool new_session);
  void reset();

  // The latest bar's value per column; NaN where the indicator is not ready.
  std::span<const double> values() const { return values_; }

 private:
  std::optional<Sma> sma_;
  std::optional<Ema> ema_;
  std::optional<Macd> macd_;
  std::optional<Vwap> vwap_;
  std::optional<Rsi> rsi_;
  std::optional<Atr> atr_;
  std::optional<Bollinger> bbands_;
  std::optional<ZScore> zscore_;
  std::optional<SigmaSpike> sigma_spike_;
  std::vector<std::string_view> columns_;
  std::vector<double> values_;
};

}  // namespace ibtrade::indicators
