// Atr: Wilder's average true range over N bars (TA-Lib ATR).
// Single-threaded value type: one owner updates it; copies are independent.
#pragma once

#include <limits>

namespace ibtrade::indicators {

// True range needs the previous close, so the first bar only supplies that close. The first
// ATR comes with bar N (0-based): the mean of the true ranges of bars 1..N; then
// atr = (atr * (N - 1) + tr) / N.
class Atr {
 public:
  // `period` >= 1; throws std::invalid_argument otherwise.
  explicit Atr(int period);

  void update(double high, double low, double close) {
    if (!has_previous_) {
      has_previous_ = true;
      previous_close_ = close;
      return;
    }
    const double tr = true_range(high, low, previous_close_);
    previous_close_ = close;
    if (ranges_ >= period_) {
      value_ = (value_ * n_minus_1_ + tr) / n_;
      return;
    }
    value_ += tr;  // a sum until the period is full
    if (++ranges_ == period_) value_ /= n_;
  }
  void reset();

  // True from the (period + 1)-th bar on.
  bool ready() const { return ranges_ >= period_; }
  int period() const { return period_; }
  // NaN until ready().
  double value() const { return ready() ? value_ : std::numeric_limits<double>::quiet_NaN(); }

  // max(high - low, |high - previous close|, |low - previous close|).
  static double true_range(double high, double low, double previous_close) {
    double tr = high - low;
    const double up = high > previous_close ? high - previous_close : previous_close - high;
    const double down = low > previous_close ? low - previous_close : previous_close - low;
    if (up > tr) tr = up;
    if (down > tr) tr = down;
    return tr;
  }

 private:
  int period_;
  double n_;
  double n_minus_1_;
  int ranges_ = 0;
  bool has_previous_ = false;
  double previous_close_ = 0.0;
  double value_ = 0.0;
};

}  // namespace ibtrade::indicators
