#include "core/indicators/indicator_set.hpp"

#include <limits>

namespace ibtrade::indicators {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

IndicatorSet::IndicatorSet(const IndicatorSetConfig& config) {
  if (config.sma) {
    sma_.emplace(*config.sma);
    columns_.push_back("sma");
  }
  if (config.ema) {
    ema_.emplace(*config.ema);
    columns_.push_back("ema");
  }
  if (config.macd) {
    macd_.emplace(*config.macd);
    columns_.insert(columns_.end(), {"macd", "macd_signal", "macd_hist"});
  }
  if (config.vwap_k) {
    vwap_.emplace(*config.vwap_k);
    columns_.insert(columns_.end(), {"vwap", "vwap_upper", "vwap_lower"});
  }
  if (config.rsi) {
    rsi_.emplace(*config.rsi);
    columns_.push_back("rsi");
  }
  if (config.atr) {
    atr_.emplace(*config.atr);
    columns_.push_back("atr");
  }
  if (config.bbands) {
    bbands_.emplace(*config.bbands);
    columns_.insert(columns_.end(), {"bb_middle", "bb_upper", "bb_lower"});
  }
  if (config.zscore) {
    zscore_.emplace(*config.zscore);
    columns_.push_back("zscore");
  }
  if (config.sigma_spike) {
    sigma_spike_.emplace(*config.sigma_spike);
    columns_.push_back("sigma_spike");
  }
  values_.assign(columns_.size(), kNaN);
}

void IndicatorSet::update(const Bar& bar, bool new_session) {
  const double close = bar.close.to_double();
  double* out = values_.data();
  if (sma_) {
    sma_->update(close);
    *out++ = sma_->value();
  }
  if (ema_) {
    ema_->update(close);
    *out++ = ema_->value();
  }
  if (macd_) {
    macd_->update(close);
    *out++ = macd_->line();
    *out++ = macd_->signal();
    *out++ = macd_->histogram();
  }
  if (vwap_) {
    if (new_session) vwap_->start_session();
    vwap_->update(bar);
    const Bands bands = vwap_->bands();
    *out++ = bands.middle;
    *out++ = bands.upper;
    *out++ = bands.lower;
  }
  if (rsi_) {
    rsi_->update(close);
    *out++ = rsi_->value();
  }
  if (atr_) {
    atr_->update(bar.high.to_double(), bar.low.to_double(), close);
    *out++ = atr_->value();
  }
  if (bbands_) {
    bbands_->update(close);
    const Bands bands = bbands_->bands();
    *out++ = bands.middle;
    *out++ = bands.upper;
    *out++ = bands.lower;
  }
  if (zscore_) {
    zscore_->update(close);
    *out++ = zscore_->value();
  }
  if (sigma_spike_) {
    sigma_spike_->update(close);
    *out++ = sigma_spike_->value();
  }
}

void IndicatorSet::reset() {
  if (sma_) sma_->reset();
  if (ema_) ema_->reset();
  if (macd_) macd_->reset();
  if (vwap_) vwap_->reset();
  if (rsi_) rsi_->reset();
  if (atr_) atr_->reset();
  if (bbands_) bbands_->reset();
  if (zscore_) zscore_->reset();
  if (sigma_spike_) sigma_spike_->reset();
  values_.assign(values_.size(), kNaN);
}

}  // namespace ibtrade::indicators
