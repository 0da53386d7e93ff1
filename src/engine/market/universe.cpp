#include "engine/market/universe.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "engine/market/portable_math.hpp"
#include "engine/market/random_stream.hpp"

namespace ibtrade::engine::market {
namespace {

constexpr std::array<std::string_view, 26> kStems{
    "Ac",  "Bel", "Cor", "Dyn",  "Ev",  "Fal", "Gal", "Hal", "Ir",  "Jor", "Kel", "Lum", "Mer",
    "Nov", "Or",  "Pax", "Quan", "Ral", "Sol", "Tor", "Ul",  "Ver", "Wex", "Xan", "Yor", "Zen"};
constexpr std::array<std::string_view, 10> kEndings{"ia", "on", "ex", "is", "ar",
                                                    "en", "um", "ys", "ix", "o"};
constexpr std::array<std::string_view, 16> kTrades{
    "Therapeutics", "Systems",  "Holdings",   "Technologies",   "Energy",    "Financial",
    "Biosciences",  "Networks", "Foods",      "Semiconductor",  "Materials", "Robotics",
    "Logistics",    "Media",    "Industries", "Pharmaceuticals"};
constexpr std::array<std::string_view, 6> kSuffixes{"Inc.", "Corp.", "Ltd.",
                                                    "Co.",  "plc",   "Group Inc."};

template <std::size_t N>
std::string_view pick_word(RandomStream& random, const std::array<std::string_view, N>& words) {
  return words[random.below(N)];
}

char random_letter(RandomStream& random) {
  return static_cast<char>('A' + random.below(26));
}

// A ticker starting with the company's initial, as most do; redrawn on collision. After many
// collisions (a very large universe) fully random letters, then five, so that it terminates.
Symbol draw_ticker(RandomStream& random, char initial, const std::set<Symbol>& taken) {
  for (int attempt = 0;; ++attempt) {
    const std::size_t length = attempt < 200 ? 3 + random.below(2) : (attempt < 400 ? 4 : 5);
    Symbol ticker;
    ticker.push_back(attempt < 100 ? initial : random_letter(random));
    while (ticker.size() < length)
      ticker.push_back(random_letter(random));
    if (!taken.contains(ticker)) return ticker;
  }
}

double clamp(double value, double low, double high) {
  return std::max(low, std::min(high, value));
}

std::int64_t whole(double value) {
  return static_cast<std::int64_t>(std::floor(value + 0.5));
}

}  // namespace

std::string_view to_string(EarningsProfile profile) {
  switch (profile) {
    case EarningsProfile::kCompounder:
      return "compounder";
    case EarningsProfile::kSteady:
      return "steady";
    case EarningsProfile::kCyclical:
      return "cyclical";
    case EarningsProfile::kMisser:
      return "misser";
    case EarningsProfile::kLossMaker:
      return "loss-maker";
    case EarningsProfile::kThinCoverage:
      return "thin-coverage";
    case EarningsProfile::kUncovered:
      return "uncovered";
  }
  return "unknown";
}

std::string_view to_string(ReportTime time) {
  switch (time) {
    case ReportTime::kPreMarket:
      return "pre-market";
    case ReportTime::kAfterHours:
      return "after-hours";
    case ReportTime::kNotSupplied:
      return "not-supplied";
  }
  return "unknown";
}

SymbolParams draw_symbol_params(std::uint64_t seed, std::size_t index, const UniverseConfig& config,
                                const EarningsConfig& earnings) {
  // The draw order below is part of every seeded path: append new draws at the end.
  RandomStream random(derive_seed(seed, StreamKind::kSymbol, index));
  SymbolParams p;
  p.index = index;

  std::array<double, kEarningsProfileCount> weights{};
  for (std::size_t i = 0; i < kEarningsProfileCount; ++i)
    weights[i] = earnings.profiles[i].weight;
  const auto profile = static_cast<EarningsProfile>(random.pick(weights));
  const EarningsProfileSpec& spec = earnings.profiles[static_cast<std::size_t>(profile)];

  p.start_price = random.log_uniform(config.min_price, config.max_price);
  const double market_cap = random.log_uniform(config.min_market_cap, config.max_market_cap);
  p.shares_outstanding =
      whole(clamp(market_cap / p.start_price, config.min_shares, config.max_shares));
  p.volatility = random.log_uniform(config.min_volatility, config.max_volatility);

  EarningsTraits& e = p.earnings;
  e.profile = profile;
  e.growth = random.uniform(spec.min_growth, spec.max_growth);
  e.beat_probability = spec.beat_probability;
  e.eps_noise = spec.eps_noise;
  const double drift_noise = random.uniform(-config.drift_noise, config.drift_noise);
  const double free_drift = random.uniform(config.min_drift, config.max_drift);
  // Growing earners drift with their earnings, so their P/E stays plausible for years.
  const bool growth_driven =
      profile != EarningsProfile::kCyclical && profile != EarningsProfile::kLossMaker;
  p.drift = growth_driven ? 4.0 * portable_log(1.0 + e.growth) + drift_noise : free_drift;

  p.jumps_per_year = random.uniform(config.min_jumps_per_year, config.max_jumps_per_year);
  p.jump_sd = random.uniform(config.min_jump_sd, config.max_jump_sd);
  p.gap_sd =
      random.uniform(config.min_gap_ratio, config.max_gap_ratio) * p.volatility / std::sqrt(252.0);
  const double turnover = random.log_uniform(config.min_turnover, config.max_turnover);
  p.avg_volume = whole(clamp(static_cast<double>(p.shares_outstanding) * turnover,
                             config.min_avg_volume, config.max_avg_volume));
  p.float_shares = whole(static_cast<double>(p.shares_outstanding) *
                         random.uniform(config.min_float, config.max_float));

  e.fiscal_shift = static_cast<int>(random.pick(earnings.fiscal_shift_weights));
  e.report_lag_days =
      static_cast<int>(random.between(earnings.min_report_lag_days, earnings.max_report_lag_days));
  const std::array<double, 3> habit_weights{earnings.pre_market_share, earnings.after_hours_share,
                                            earnings.not_supplied_share};
  e.habit = static_cast<ReportTime>(random.pick(habit_weights));
  const double pe = random.uniform(earnings.min_pe, earnings.max_pe);
  e.base_eps = p.start_price / (4.0 * pe);
  e.cycle_quarters = random.uniform(earnings.min_cycle_quarters, earnings.max_cycle_quarters);
  e.cycle_phase = random.uniform();
  e.cycle_level = random.uniform(earnings.min_cycle_level, earnings.max_cycle_level);
  e.loss_depth = random.uniform(earnings.min_loss_depth, earnings.max_loss_depth);
  // Larger companies draw more analysts: 2 at $100M, 8 at $10B, 11 at $100B.
  const double covered =
      clamp(2.0 + 3.0 * portable_log(market_cap / 1e8) / portable_log(10.0), 2.0, 25.0);
  e.analysts = profile == EarningsProfile::kUncovered      ? 0.0
               : profile == EarningsProfile::kThinCoverage ? 2.0
                                                           : covered;
  return p;
}

Universe::Universe(std::uint64_t seed, std::size_t count, const UniverseConfig& config,
                   const EarningsConfig& earnings)
    : seed_(seed) {
  symbols_.reserve(count);
  std::set<Symbol> taken;
  for (std::size_t k = 0; k < count; ++k) {
    SymbolParams params = draw_symbol_params(seed, k, config, earnings);
    RandomStream random(derive_seed(seed, StreamKind::kName, k));
    std::string stem(pick_word(random, kStems));
    stem += pick_word(random, kEndings);
    params.name = stem + " " + std::string(pick_word(random, kTrades)) + " " +
                  std::string(pick_word(random, kSuffixes));
    params.symbol = draw_ticker(random, stem.front(), taken);
    taken.insert(params.symbol);
    symbols_.push_back(std::move(params));
  }
}

std::optional<std::size_t> Universe::find(std::string_view symbol) const {
  for (const auto& p : symbols_) {
    if (p.symbol == symbol) return p.index;
  }
  return std::nullopt;
}

}  // namespace ibtrade::engine::market
