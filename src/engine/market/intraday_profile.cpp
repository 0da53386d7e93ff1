#include "engine/market/intraday_profile.hpp"

#include <stdexcept>
#include <string>

#include "engine/market/portable_math.hpp"

namespace ibtrade::engine::market {
namespace {

double shape_at(const IntradayShape& shape, double x) {
  return 1.0 + shape.open_boost * portable_exp(-x / shape.open_decay) +
         shape.close_boost * portable_exp(-(1.0 - x) / shape.close_decay);
}

std::vector<double> normalised_weights(int minutes, const IntradayShape& shape) {
  std::vector<double> weights(static_cast<std::size_t>(minutes));
  double total = 0.0;
  for (int j = 0; j < minutes; ++j) {
    const double x = (static_cast<double>(j) + 0.5) / static_cast<double>(minutes);
    weights[static_cast<std::size_t>(j)] = shape_at(shape, x);
    total += weights[static_cast<std::size_t>(j)];
  }
  const double scale = static_cast<double>(minutes) / total;
  for (double& w : weights)
    w *= scale;
  return weights;
}

}  // namespace

IntradayProfile make_intraday_profile(int minutes, const IntradayShape& volume,
                                      const IntradayShape& volatility) {
  if (minutes <= 0) throw std::invalid_argument("a session needs at least one minute");
  IntradayProfile profile;
  profile.minutes = minutes;
  profile.volume_weight = normalised_weights(minutes, volume);
  profile.variance_weight = normalised_weights(minutes, volatility);
  profile.variance_remaining.resize(profile.variance_weight.size());
  double remaining = 0.0;
  for (std::size_t j = profile.variance_weight.size(); j > 0; --j) {
    remaining += profile.variance_weight[j - 1];
    profile.variance_remaining[j - 1] = remaining;
  }
  return profile;
}

IntradayProfiles::IntradayProfiles(const PriceConfig& config)
    : regular_(make_intraday_profile(kRegularSessionMinutes, config.volume_shape,
                                     config.volatility_shape)),
      early_close_(make_intraday_profile(kEarlyCloseSessionMinutes, config.volume_shape,
                                         config.volatility_shape)) {}

const IntradayProfile& IntradayProfiles::for_minutes(int minutes) const {
  if (minutes == kRegularSessionMinutes) return regular_;
  if (minutes == kEarlyCloseSessionMinutes) return early_close_;
  throw std::logic_error("no intraday profile for a session of " + std::to_string(minutes) +
                         " minutes");
}

}  // namespace ibtrade::engine::market
