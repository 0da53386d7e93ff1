// Ema: exponential moving average, k = 2 / (N + 1), seeded with the SMA of its first N inputs
// (TA-Lib EMA). Single-threaded value type: one owner updates it; copies are independent.
#pragma once

#include <limits>

namespace ibtrade::indicators {

class Ema {
 public:
  // `period` >= 1; throws std::invalid_argument otherwise.
  explicit Ema(int period);

  void update(double x) {
    if (count_ >= period_) {
      step(x);
      return;
    }
    seed_sum_ += x;
    if (++count_ == period_) value_ = seed_sum_ / static_cast<double>(period_);
  }
  // update() once ready(): the recurrence alone, for a caller that knows the EMA is seeded
  // (Macd runs three of them per bar behind one test).
  void step(double x) {
    // TA-Lib's form and order of operations, so that values agree to the last bit or two.
    value_ = (x - value_) * k_ + value_;
  }
  void reset();

  // True from the period-th input on: the first value is the mean of the first N inputs.
  bool ready() const { return count_ >= period_; }
  int period() const { return period_; }
  // NaN until ready().
  double value() const { return ready() ? value_ : std::numeric_limits<double>::quiet_NaN(); }
  // value() once ready(), without the test.
  double ready_value() const { return value_; }

 private:
  int period_;
  double k_;
  int count_ = 0;
  double seed_sum_ = 0.0;
  double value_ = 0.0;
};

}  // namespace ibtrade::indicators
