// Macd: MACD line (fast EMA - slow EMA), its signal line (EMA of the line) and the histogram
// (line - signal), with TA-Lib's seeding. Single-threaded value type; copies are independent.
#pragma once

#include <limits>

#include "core/indicators/ema.hpp"

namespace ibtrade::indicators {

struct MacdParams {
  int fast = 12;
  int slow = 26;
  int signal = 9;
};

// As in TA-Lib (docs/indicators.md): both EMAs produce their first value on the same bar,
// slow - 1, each seeded with the SMA of its own period ending there; so the fast EMA ignores
// the first slow - fast inputs. The line exists from bar slow - 1; the signal and the
// histogram from bar slow + signal - 2 (33 for 12/26/9), where TA-Lib's MACD output starts.
class Macd {
 public:
  // 1 <= fast < slow, signal >= 1; throws std::invalid_argument otherwise.
  explicit Macd(MacdParams params = {});

  void update(double x) {
    // After the warm-up every EMA is seeded: one test, then the three recurrences, in the order
    // and form the warm-up path uses (the same doubles to the last bit).
    if (ready_) [[likely]] {
      fast_.step(x);
      slow_.step(x);
      line_ = fast_.ready_value() - slow_.ready_value();
      signal_.step(line_);
      return;
    }
    warm_up(x);
  }
  void reset();

  // True when line, signal and histogram all have values.
  bool ready() const { return ready_; }
  bool line_ready() const { return slow_.ready(); }
  const MacdParams& params() const { return params_; }

  // NaN until line_ready().
  double line() const { return line_ready() ? line_ : std::numeric_limits<double>::quiet_NaN(); }
  // NaN until ready().
  double signal() const { return signal_.value(); }
  double histogram() const {
    return ready_ ? line_ - signal_.ready_value() : std::numeric_limits<double>::quiet_NaN();
  }

 private:
  MacdParams params_;
  int skip_fast_;  // slow - fast
  int skipped_ = 0;
  Ema fast_;
  Ema slow_;
  Ema signal_;
  double line_ = 0.0;
  bool ready_ = false;  // signal_.ready(), kept as one flag for the per-input test

  void warm_up(double x) {
    if (skipped_ < skip_fast_) {
      ++skipped_;
    } else {
      fast_.update(x);
    }
    slow_.update(x);
    if (!slow_.ready()) return;
    line_ = fast_.value() - slow_.value();
    signal_.update(line_);
    ready_ = signal_.ready();
  }
};

}  // namespace ibtrade::indicators
