// Rsi: Wilder's relative strength index over N changes (TA-Lib RSI).
// Single-threaded value type: one owner updates it; copies are independent.
#pragma once

#include <limits>

namespace ibtrade::indicators {

// The first value comes with the (N+1)-th input: average gain and loss are the plain means of
// the first N changes; then avg = (avg * (N - 1) + change) / N. RSI = 100 * gain / (gain +
// loss). When nothing moved at all (gain + loss == 0) RSI is 50, not TA-Lib's 0: a flat
// market is neutral, not oversold.
class Rsi {
 public:
  // `period` >= 1; throws std::invalid_argument otherwise.
  explicit Rsi(int period);

  void update(double x) {
    if (!has_previous_) {
      has_previous_ = true;
      previous_ = x;
      return;
    }
    const double change = x - previous_;
    previous_ = x;
    const double gain = change > 0.0 ? change : 0.0;
    const double loss = change < 0.0 ? -change : 0.0;
    if (changes_ >= period_) {
      avg_gain_ = (avg_gain_ * n_minus_1_ + gain) / n_;
      avg_loss_ = (avg_loss_ * n_minus_1_ + loss) / n_;
      return;
    }
    avg_gain_ += gain;  // sums until the period is full
    avg_loss_ += loss;
    if (++changes_ == period_) {
      avg_gain_ /= n_;
      avg_loss_ /= n_;
    }
  }
  void reset();

  // True from the (period + 1)-th input on.
  bool ready() const { return changes_ >= period_; }
  int period() const { return period_; }
  // In [0, 100]; NaN until ready().
  double value() const {
    if (!ready()) return std::numeric_limits<double>::quiet_NaN();
    const double total = avg_gain_ + avg_loss_;
    return total > 0.0 ? 100.0 * (avg_gain_ / total) : 50.0;
  }
  // Wilder averages; meaningful once ready().
  double average_gain() const { return avg_gain_; }
  double average_loss() const { return avg_loss_; }

 private:
  int period_;
  double n_;
  double n_minus_1_;
  int changes_ = 0;
  bool has_previous_ = false;
  double previous_ = 0.0;
  double avg_gain_ = 0.0;
  double avg_loss_ = 0.0;
};

}  // namespace ibtrade::indicators
