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
    if (skipped_ < skip_fast_) {
      ++skipped_;
    } else {
      fast_.update(x);
    }
    slow_.update(x);
    if (!slow_.ready()) return;
    line_ = fast_.value() - slow_.value();
    signal_.update(line_);
  }
  void reset();

  // True when line, signal and histogram all have values.
  bool ready() const { return signal_.ready(); }
  bool line_ready() const { return slow_.ready(); }
  const MacdParams& params() const { return params_; }

  // NaN until line_ready().
  double line() const { return line_ready() ? line_ : std::numeric_limits<double>::quiet_NaN(); }
  // NaN until ready().
  double signal() const { return signal_.value(); }
  double histogram() const { return line() - signal(); }

 private:
  MacdParams params_;
  int skip_fast_;  // slow - fast
  int skipped_ = 0;
  Ema fast_;
  Ema slow_;
  Ema signal_;
  double line_ = 0.0;
};

}  // namespace ibtrade::indicators
