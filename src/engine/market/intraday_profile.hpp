// The U-shaped per-minute weights of volume and variance, precomputed per session length.
// Immutable: any thread.
#pragma once

#include <vector>

#include "engine/market/market_config.hpp"

namespace ibtrade::engine::market {

inline constexpr int kRegularSessionMinutes = 390;     // 09:30-16:00 ET
inline constexpr int kEarlyCloseSessionMinutes = 210;  // 09:30-13:00 ET

struct IntradayProfile {
  int minutes = 0;
  std::vector<double> volume_weight;    // mean 1 over the session
  std::vector<double> variance_weight;  // mean 1 over the session
  // variance_remaining[j] = sum of variance_weight[j..minutes-1]: exact sums for the bridge.
  std::vector<double> variance_remaining;
};

// The shape sampled at each minute's midpoint and normalised over the session.
IntradayProfile make_intraday_profile(int minutes, const IntradayShape& volume,
                                      const IntradayShape& volatility);

// The profiles of both session lengths the US equity calendar has.
class IntradayProfiles {
 public:
  explicit IntradayProfiles(const PriceConfig& config);
  // Throws std::logic_error for any other length: the calendar produced a session it shouldn't.
  const IntradayProfile& for_minutes(int minutes) const;

 private:
  IntradayProfile regular_;
  IntradayProfile early_close_;
};

}  // namespace ibtrade::engine::market
