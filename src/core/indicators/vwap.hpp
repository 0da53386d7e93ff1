// Vwap: session volume-weighted average of the typical price (H + L + C) / 3, with bands at
// +/- k volume-weighted standard deviations. Single-threaded value type; copies independent.
#pragma once

#include <cmath>
#include <limits>

#include "core/indicators/bands.hpp"
#include "core/market_data.hpp"

namespace ibtrade::indicators {

// The caller says when a session starts (start_session()); a new object is at the start of
// one. Zero-volume bars carry no weight and change nothing; until the session's first traded
// volume there is no value.
//
// Method: with p = H + L + C of a bar and K = p of the session's first traded bar, it keeps
// W = sum(v), S1 = sum(v * (p - K)) and S2 = sum(v * (p - K)^2). Then VWAP = (K + S1 / W) / 3
// and variance = (S2 / W - (S1 / W)^2) / 9. Shifting by K keeps the squares at the scale of the
// session's range, not of the price level, and makes a flat session exactly zero-width. Sums
// only grow within a session (no removal), so nothing drifts. Updating needs no division;
// reading needs one division and one square root.
class Vwap {
 public:
  // `k` >= 0 and finite: band width in standard deviations; throws std::invalid_argument.
  explicit Vwap(double k = 2.0);

  void start_session() {
    weight_ = 0.0;
    sum_ = 0.0;
    sum_sq_ = 0.0;
  }

  // From fixed-point bars, without converting each price: H + L + C is exact in raw units for
  // prices below about $3 million.
  void update(const Bar& bar) {
    add(static_cast<double>(bar.high.raw()) + static_cast<double>(bar.low.raw()) +
            static_cast<double>(bar.close.raw()),
        static_cast<double>(bar.volume.raw()));
  }
  // From prices already in doubles; the same units as the Bar overload (1e-9), so both may feed
  // one session. `volume` >= 0.
  void update(double high, double low, double close, double volume) {
    add((high + low + close) * kRawPerUnit, volume * kRawPerUnit);
  }
  void reset() { start_session(); }

  // True once the current session has traded (some volume > 0).
  bool ready() const { return weight_ > 0.0; }
  double k() const { return k_; }

  // NaN until ready().
  double value() const { return ready() ? (base_ + sum_ / weight_) * kPriceFromSum : kNaN; }
  double stdev() const { return ready() ? std::sqrt(variance_of_sum()) * kPriceFromSum : kNaN; }
  // value() -/+ k * stdev(), with one division and one square root.
  Bands bands() const {
    if (!ready()) return {kNaN, kNaN, kNaN};
    const double inv_weight = 1.0 / weight_;
    const double offset = sum_ * inv_weight;
    const double variance = sum_sq_ * inv_weight - offset * offset;
    const double middle = (base_ + offset) * kPriceFromSum;
    const double width = k_ * std::sqrt(variance > 0.0 ? variance : 0.0) * kPriceFromSum;
    return {middle - width, middle, middle + width};
  }
  // The session's traded volume so far.
  double volume() const { return weight_ / kRawPerUnit; }

 private:
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  static constexpr double kRawPerUnit = 1e9;  // fixed-point raw units per price or share
  static constexpr double kPriceFromSum = 1.0 / (3.0 * kRawPerUnit);  // (H+L+C) raw -> price

  void add(double price_sum, double weight) {
    if (!(weight > 0.0)) return;
    if (weight_ == 0.0) base_ = price_sum;
    const double d = price_sum - base_;
    weight_ += weight;
    sum_ += weight * d;
    sum_sq_ += weight * d * d;
  }
  // Of H + L + C about its weighted mean, in raw units squared; >= 0.
  double variance_of_sum() const {
    const double offset = sum_ / weight_;
    const double variance = sum_sq_ / weight_ - offset * offset;
    return variance > 0.0 ? variance : 0.0;
  }

  double k_;
  double base_ = 0.0;    // K
  double weight_ = 0.0;  // W, in raw volume units
  double sum_ = 0.0;     // S1
  double sum_sq_ = 0.0;  // S2
};

}  // namespace ibtrade::indicators
