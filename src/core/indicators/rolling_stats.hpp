// RollingStats: mean, variance and z-score over the last N values of a series, O(1) per update.
// Single-threaded value type: one owner updates it; copies are independent.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

namespace ibtrade::indicators {

// Method (docs/indicators.md): sums of (x - base) and (x - base)^2 over the window, where base is
// a value from inside the window, so the squares stay at the scale of the window's spread and
// not of the price level (prices near 1e6 with a spread of 0.01 keep full precision). Every N
// updates the sliding sums are replaced by sums accumulated afresh, by plain addition, over the
// N values now in the window, so rounding from add/remove never outlives one window length.
// Worst case O(1) per update, and no allocation after construction. A window whose values are
// all equal reports exactly zero variance.
class RollingStats {
 public:
  // `window` >= 1; throws std::invalid_argument otherwise.
  explicit RollingStats(int window);

  void update(double x) {
    // A generation's base is its first value, so it lies inside the window those sums cover
    // (a base from just before it can sit across a price jump: catastrophic cancellation).
    if (head_ == 0) {
      next_base_ = x;
      next_sum_ = 0.0;
      next_sum_sq_ = 0.0;
    }
    const double d_next = x - next_base_;
    next_sum_ += d_next;
    next_sum_sq_ += d_next * d_next;

    if (count_ == window_.size()) {
      const double d_new = x - base_;
      const double d_old = window_[head_] - base_;
      sum_ += d_new - d_old;
      sum_sq_ += (d_new - d_old) * (d_new + d_old);
    } else {
      ++count_;
    }
    window_[head_] = x;

    // Branch-free: repeated prices are common and unpredictable in intraday data.
    const std::size_t same = static_cast<std::size_t>(x == last_);
    const std::size_t run = equal_run_ + (equal_run_ < window_.size() ? 1 : 0);
    equal_run_ = same * run + (1 - same);
    last_ = x;

    if (++head_ == window_.size()) {
      head_ = 0;
      base_ = next_base_;
      sum_ = next_sum_;
      sum_sq_ = next_sum_sq_;
    }
  }
  void reset();

  // True once `window` values have been seen.
  bool ready() const { return count_ == window_.size(); }
  int window() const { return static_cast<int>(window_.size()); }
  // The most recent value.
  double last() const { return last_; }

  // Statistics of the full window; NaN until ready().
  double mean() const {
    if (!ready()) return kNaN;
    return flat() ? last_ : base_ + sum_ * inv_n_;
  }
  // Population: divides by N.
  double variance() const { return ready() ? centered_sum_of_squares() * inv_n_ : kNaN; }
  // Divides by N - 1; NaN when N == 1.
  double sample_variance() const {
    if (!ready() || window_.size() < 2) return kNaN;
    return centered_sum_of_squares() / (static_cast<double>(window_.size()) - 1.0);
  }
  double stdev() const { return std::sqrt(variance()); }  // population
  double sample_stdev() const { return std::sqrt(sample_variance()); }
  // (last - mean) / population stdev; NaN until ready() or when the window is flat (stdev 0).
  double zscore() const {
    const double sigma = stdev();
    if (!(sigma > 0.0)) return kNaN;
    return ((last_ - base_) - sum_ * inv_n_) / sigma;
  }

 private:
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  // Every value in the window is the same one.
  bool flat() const { return equal_run_ == window_.size(); }
  // Sum of squared deviations from the mean, >= 0; exactly 0 for a flat window.
  double centered_sum_of_squares() const {
    if (flat()) return 0.0;
    const double m2 = sum_sq_ - sum_ * sum_ * inv_n_;
    return m2 > 0.0 ? m2 : 0.0;
  }

  std::vector<double> window_;
  std::size_t head_ = 0;   // slot the next value goes to
  std::size_t count_ = 0;  // values in the window, up to its size
  double inv_n_;           // 1 / window size

  // Sums over the current window, relative to base_.
  double base_ = 0.0;
  double sum_ = 0.0;
  double sum_sq_ = 0.0;
  // Sums over the values written since slot 0 was last written, relative to next_base_; they
  // cover exactly the window when head_ wraps, and replace the sliding sums then.
  double next_base_ = 0.0;
  double next_sum_ = 0.0;
  double next_sum_sq_ = 0.0;

  double last_ = 0.0;
  std::size_t equal_run_ = 0;  // how many of the latest values equal last_
};

}  // namespace ibtrade::indicators
