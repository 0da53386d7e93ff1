// The market scanner over the simulated universe (synthetic or CSV): TOP_PERC_GAIN, TOP_PERC_LOSE
// and MOST_ACTIVE with IB's price / volume / market-cap filters (tag-values or the legacy
// subscription fields), and the scanner-parameters XML. Pure functions; no threading rule.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "adapters/tws/messages/scanner.hpp"
#include "core/fixed_point.hpp"
#include "core/result.hpp"

namespace ibtrade::sim {

enum class ScanCode { kTopPercGain, kTopPercLose, kMostActive };

// What a subscription asks for, with thresholds in IB's units (dollars, shares, $ millions).
struct ScanRequest {
  ScanCode code = ScanCode::kTopPercGain;
  std::size_t rows = 50;
  std::optional<std::string> exchange;  // from the location code: NASDAQ, NYSE, or any
  std::optional<double> price_above;
  std::optional<double> price_below;
  std::optional<double> volume_above;
  std::optional<double> avg_volume_above;
  std::optional<double> market_cap_above_millions;
  std::optional<double> market_cap_below_millions;
  std::optional<double> change_percent_above;
  std::optional<double> change_percent_below;
};

// One symbol as the scanner sees it at an instant.
struct ScanCandidate {
  std::size_t index = 0;  // into the contract book
  std::string exchange;   // primary listing
  Price last;
  std::optional<Price> previous_close;
  Quantity volume;  // today so far
  // None when the source does not know them (CSV): a filter on them then leaves the symbol out.
  std::optional<std::int64_t> avg_volume;
  std::optional<std::int64_t> market_cap;  // whole dollars
};

// Refused (IB error 321) for instruments other than stocks, unknown locations or scan codes,
// and malformed filter values. Unknown filter tags are ignored.
Result<ScanRequest> parse_scan_request(const tws::ReqScannerSubscription& request);

// The indices of the matching candidates, best first, at most `request.rows` (and 50).
std::vector<std::size_t> run_scan(const ScanRequest& request,
                                  std::span<const ScanCandidate> candidates);

// REQ_SCANNER_PARAMETERS' answer: a <ScanParameterResponse> listing what run_scan supports.
const std::string& scanner_parameters_xml();

}  // namespace ibtrade::sim
