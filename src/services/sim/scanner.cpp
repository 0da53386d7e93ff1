#include "services/sim/scanner.hpp"

#include <algorithm>
#include <charconv>

namespace ibtrade::sim {
namespace {

constexpr std::size_t kMaxRows = 50;  // IB's cap per scan

std::optional<double> parse_number(const std::string& text) {
  double value = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Change since the previous close as a fraction at 1e-9, exact; none without a close.
std::optional<std::int64_t> change_of(const ScanCandidate& c) {
  if (!c.previous_close || !c.previous_close->is_positive()) return std::nullopt;
  return fixed::mul_div(c.last.raw() - c.previous_close->raw(), kFixedScale,
                        c.previous_close->raw());
}

bool passes(const ScanRequest& r, const ScanCandidate& c) {
  if (r.exchange && *r.exchange != c.exchange) return false;
  const double price = c.last.to_double();
  const double volume = c.volume.to_double();
  if (r.price_above && !(price > *r.price_above)) return false;
  if (r.price_below && !(price < *r.price_below)) return false;
  if (r.volume_above && !(volume > *r.volume_above)) return false;
  if (r.avg_volume_above &&
      !(c.avg_volume && static_cast<double>(*c.avg_volume) > *r.avg_volume_above))
    return false;
  if (r.market_cap_above_millions || r.market_cap_below_millions) {
    if (!c.market_cap) return false;
    const double cap_millions = static_cast<double>(*c.market_cap) / 1e6;
    if (r.market_cap_above_millions && !(cap_millions > *r.market_cap_above_millions)) return false;
    if (r.market_cap_below_millions && !(cap_millions < *r.market_cap_below_millions)) return false;
  }
  auto change = change_of(c);
  if (r.change_percent_above || r.change_percent_below) {
    if (!change) return false;
    const double percent = static_cast<double>(*change) / 1e7;
    if (r.change_percent_above && !(percent > *r.change_percent_above)) return false;
    if (r.change_percent_below && !(percent < *r.change_percent_below)) return false;
  }
  switch (r.code) {
    case ScanCode::kTopPercGain:
      return change && *change > 0;
    case ScanCode::kTopPercLose:
      return change && *change < 0;
    case ScanCode::kMostActive:
      return c.volume.is_positive();
  }
  return false;
}

}  // namespace

Result<ScanRequest> parse_scan_request(const tws::ReqScannerSubscription& request) {
  const tws::ScannerSubscription& s = request.subscription;
  ScanRequest r;
  if (!s.instrument.empty() && s.instrument != "STK") {
    return Error{"instrument " + s.instrument + " is not simulated (only STK)"};
  }
  if (s.scan_code == "TOP_PERC_GAIN") {
    r.code = ScanCode::kTopPercGain;
  } else if (s.scan_code == "TOP_PERC_LOSE") {
    r.code = ScanCode::kTopPercLose;
  } else if (s.scan_code == "MOST_ACTIVE") {
    r.code = ScanCode::kMostActive;
  } else {
    return Error{"scan code '" + s.scan_code +
                 "' is not simulated (TOP_PERC_GAIN, TOP_PERC_LOSE, MOST_ACTIVE)"};
  }
  const std::string& loc = s.location_code;
  if (loc == "STK.NASDAQ" || loc.rfind("STK.NASDAQ.", 0) == 0) {
    r.exchange = "NASDAQ";
  } else if (loc == "STK.NYSE") {
    r.exchange = "NYSE";
  } else if (!loc.empty() && loc != "STK.US" && loc != "STK.US.MAJOR" && loc != "STK.US.MINOR") {
    return Error{"location code '" + loc +
                 "' is not simulated (STK.US.MAJOR, STK.US, STK.NASDAQ, "
                 "STK.NYSE)"};
  }
  r.rows = s.number_of_rows > 0
               ? std::min<std::size_t>(static_cast<std::size_t>(s.number_of_rows), kMaxRows)
               : kMaxRows;
  r.price_above = s.above_price;
  r.price_below = s.below_price;
  if (s.above_volume) r.volume_above = static_cast<double>(*s.above_volume);
  // The legacy marketCapAbove/Below fields are in millions too (IB's scanner XML says so).
  r.market_cap_above_millions = s.market_cap_above;
  r.market_cap_below_millions = s.market_cap_below;
  for (const tws::TagValue& tv : request.filter_options) {
    auto value = parse_number(tv.value);
    std::optional<double>* slot = nullptr;
    if (tv.tag == "priceAbove") slot = &r.price_above;
    if (tv.tag == "priceBelow") slot = &r.price_below;
    if (tv.tag == "volumeAbove") slot = &r.volume_above;
    if (tv.tag == "avgVolumeAbove") slot = &r.avg_volume_above;
    if (tv.tag == "marketCapAbove1e6") slot = &r.market_cap_above_millions;
    if (tv.tag == "marketCapBelow1e6") slot = &r.market_cap_below_millions;
    if (tv.tag == "changePercAbove") slot = &r.change_percent_above;
    if (tv.tag == "changePercBelow") slot = &r.change_percent_below;
    if (slot == nullptr) continue;
    if (!value) return Error{"filter " + tv.tag + ": '" + tv.value + "' is not a number"};
    *slot = value;
  }
  return r;
}

std::vector<std::size_t> run_scan(const ScanRequest& request,
                                  std::span<const ScanCandidate> candidates) {
  std::vector<const ScanCandidate*> hits;
  for (const ScanCandidate& c : candidates) {
    if (passes(request, c)) hits.push_back(&c);
  }
  // Best first; ties by universe order so snapshots are stable.
  auto better = [&](const ScanCandidate* a, const ScanCandidate* b) {
    switch (request.code) {
      case ScanCode::kTopPercGain:
        if (*change_of(*a) != *change_of(*b)) return *change_of(*a) > *change_of(*b);
        break;
      case ScanCode::kTopPercLose:
        if (*change_of(*a) != *change_of(*b)) return *change_of(*a) < *change_of(*b);
        break;
      case ScanCode::kMostActive:
        if (a->volume != b->volume) return a->volume > b->volume;
        break;
    }
    return a->index < b->index;
  };
  std::sort(hits.begin(), hits.end(), better);
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < hits.size() && i < std::min(request.rows, kMaxRows); ++i)
    out.push_back(hits[i]->index);
  return out;
}

const std::string& scanner_parameters_xml() {
  static const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<ScanParameterResponse>
  <!-- ibtrade sim: SIMULATED scanner over the synthetic universe -->
  <InstrumentList varName="fullInstrumentList">
    <Instrument><name>US Stocks</name><type>STK</type><filters>PRICE,VOLUME,AVGVOLUME,MKTCAP,CHANGEPERC</filters></Instrument>
  </InstrumentList>
  <LocationTree varName="locationTree">
    <Location><displayName>US Stocks</displayName><locationCode>STK.US</locationCode><instruments>STK</instruments>
      <LocationTree>
        <Location><displayName>Listed/NASDAQ</displayName><locationCode>STK.US.MAJOR</locationCode><instruments>STK</instruments></Location>
        <Location><displayName>NASDAQ</displayName><locationCode>STK.NASDAQ</locationCode><instruments>STK</instruments></Location>
        <Location><displayName>NYSE</displayName><locationCode>STK.NYSE</locationCode><instruments>STK</instruments></Location>
      </LocationTree>
    </Location>
  </LocationTree>
  <ScanTypeList varName="scanTypeList">
    <ScanType><displayName>Top % Gainers</displayName><scanCode>TOP_PERC_GAIN</scanCode><instruments>STK</instruments></ScanType>
    <ScanType><displayName>Top % Losers</displayName><scanCode>TOP_PERC_LOSE</scanCode><instruments>STK</instruments></ScanType>
    <ScanType><displayName>Most Active</displayName><scanCode>MOST_ACTIVE</scanCode><instruments>STK</instruments></ScanType>
  </ScanTypeList>
  <FilterList varName="filterList">
    <RangeFilter><id>PRICE</id><category>Price</category><AbstractField type="DoubleField"><code>priceAbove</code><displayName>Price Above</displayName></AbstractField><AbstractField type="DoubleField"><code>priceBelow</code><displayName>Price Below</displayName></AbstractField></RangeFilter>
    <RangeFilter><id>VOLUME</id><category>Volume</category><AbstractField type="IntField"><code>volumeAbove</code><displayName>Volume Above</displayName></AbstractField></RangeFilter>
    <RangeFilter><id>AVGVOLUME</id><category>Volume</category><AbstractField type="IntField"><code>avgVolumeAbove</code><displayName>Average Volume Above</displayName></AbstractField></RangeFilter>
    <RangeFilter><id>MKTCAP</id><category>Fundamentals</category><AbstractField type="DoubleField"><code>marketCapAbove1e6</code><displayName>Market Cap Above ($M)</displayName></AbstractField><AbstractField type="DoubleField"><code>marketCapBelow1e6</code><displayName>Market Cap Below ($M)</displayName></AbstractField></RangeFilter>
    <RangeFilter><id>CHANGEPERC</id><category>Price</category><AbstractField type="DoubleField"><code>changePercAbove</code><displayName>Change % Above</displayName></AbstractField><AbstractField type="DoubleField"><code>changePercBelow</code><displayName>Change % Below</displayName></AbstractField></RangeFilter>
  </FilterList>
</ScanParameterResponse>
)";
  return xml;
}

}  // namespace ibtrade::sim
