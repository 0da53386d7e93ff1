// The synthetic universe: N symbols with unique tickers, names and model parameters.
// Immutable once built: const queries from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/market/market_config.hpp"
#include "engine/types.hpp"

namespace ibtrade::engine::market {

std::string_view to_string(EarningsProfile profile);

// When a company says it reports, as the earnings calendar lists it before the event.
enum class ReportTime : std::uint8_t { kPreMarket, kAfterHours, kNotSupplied };

std::string_view to_string(ReportTime time);

struct EarningsTraits {
  EarningsProfile profile = EarningsProfile::kSteady;
  int fiscal_shift = 0;  // quarters end in Mar/Jun/Sep/Dec (0), Feb/.. (1) or Jan/.. (2)
  int report_lag_days = 30;
  ReportTime habit = ReportTime::kPreMarket;
  double base_eps = 0.0;  // quarterly EPS at the epoch's trend, dollars (positive)
  double growth = 0.0;    // per quarter
  double beat_probability = 0.5;
  double eps_noise = 0.05;
  double analysts = 0.0;         // mean number of estimates per quarter
  double cycle_quarters = 12.0;  // kCyclical
  double cycle_phase = 0.0;      // kCyclical, in cycles [0, 1)
  double cycle_level = 0.0;      // kCyclical
  double loss_depth = 0.0;       // kLossMaker
};

struct SymbolParams {
  std::size_t index = 0;     // position in the universe; names its substreams
  Symbol symbol;             // 3-4 upper-case letters, unique in the universe
  std::string name;          // company name
  double start_price = 0.0;  // the close before the epoch, dollars
  double drift = 0.0;        // annual drift of the log-price anchor
  double volatility = 0.0;   // annual, of the session's diffusion
  double jumps_per_year = 0.0;
  double jump_sd = 0.0;  // of a jump's log size
  double gap_sd = 0.0;   // of an ordinary overnight log gap
  std::int64_t shares_outstanding = 0;
  std::int64_t float_shares = 0;
  std::int64_t avg_volume = 0;  // expected shares traded on a full session
  EarningsTraits earnings;
};

class Universe {
 public:
  // Symbol k's parameters depend only on (seed, k); its ticker also on the tickers before it
  // (collisions are redrawn in index order), so a universe of 5 is the first 5 of a universe of 50.
  Universe(std::uint64_t seed, std::size_t count, const UniverseConfig& config = {},
           const EarningsConfig& earnings = {});

  std::uint64_t seed() const { return seed_; }
  std::size_t size() const { return symbols_.size(); }
  std::span<const SymbolParams> symbols() const { return symbols_; }
  // Throws std::out_of_range past the end.
  const SymbolParams& at(std::size_t index) const { return symbols_.at(index); }
  std::optional<std::size_t> find(std::string_view symbol) const;

 private:
  std::uint64_t seed_;
  std::vector<SymbolParams> symbols_;
};

// One symbol's parameters, without its ticker and name (those need the symbols before it).
SymbolParams draw_symbol_params(std::uint64_t seed, std::size_t index, const UniverseConfig& config,
                                const EarningsConfig& earnings);

}  // namespace ibtrade::engine::market
