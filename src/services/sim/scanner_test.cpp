// The scanner ranks the universe by change or volume and applies IB's filter tags.
#include "services/sim/scanner.hpp"

#include <gtest/gtest.h>

namespace ibtrade::sim {
namespace {

ScanCandidate candidate(std::size_t index, const char* last, const char* previous, int volume,
                        std::int64_t cap = 1'000'000'000) {
  ScanCandidate c;
  c.index = index;
  c.exchange = index % 2 == 0 ? "NASDAQ" : "NYSE";
  c.last = *Price::parse(last);
  c.previous_close = *Price::parse(previous);
  c.volume = Quantity::from_units(volume);
  c.market_cap = cap;
  c.avg_volume = 100'000;
  return c;
}

tws::ReqScannerSubscription request(const std::string& code, tws::TagValueList filters = {}) {
  tws::ReqScannerSubscription r;
  r.subscription.instrument = "STK";
  r.subscription.location_code = "STK.US.MAJOR";
  r.subscription.scan_code = code;
  r.filter_options = std::move(filters);
  return r;
}

const std::vector<ScanCandidate> kUniverse{
    candidate(0, "11", "10", 500),           // +10 %
    candidate(1, "9", "10", 900),            // -10 %
    candidate(2, "20.4", "20", 100),         // +2 %
    candidate(3, "3", "2", 50, 50'000'000),  // +50 %, small cap
    candidate(4, "50", "50", 0),             // unchanged, nothing traded
};

TEST(SimScanner, TopGainersLosersAndMostActive) {
  EXPECT_EQ(run_scan(*parse_scan_request(request("TOP_PERC_GAIN")), kUniverse),
            (std::vector<std::size_t>{3, 0, 2}));
  EXPECT_EQ(run_scan(*parse_scan_request(request("TOP_PERC_LOSE")), kUniverse),
            (std::vector<std::size_t>{1}));
  EXPECT_EQ(run_scan(*parse_scan_request(request("MOST_ACTIVE")), kUniverse),
            (std::vector<std::size_t>{1, 0, 2, 3}));
}

TEST(SimScanner, FilterTagsAndRows) {
  auto r = parse_scan_request(
      request("TOP_PERC_GAIN", {{"priceAbove", "5"}, {"marketCapAbove1e6", "100"}}));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(run_scan(*r, kUniverse), (std::vector<std::size_t>{0, 2}));
  auto active = parse_scan_request(request("MOST_ACTIVE", {{"volumeAbove", "200"}}));
  EXPECT_EQ(run_scan(*active, kUniverse), (std::vector<std::size_t>{1, 0}));
  auto one = request("MOST_ACTIVE");
  one.subscription.number_of_rows = 1;
  one.subscription.location_code = "STK.NASDAQ";
  EXPECT_EQ(run_scan(*parse_scan_request(one), kUniverse), (std::vector<std::size_t>{0}));
}

TEST(SimScanner, RefusesWhatItDoesNotSimulate) {
  EXPECT_FALSE(parse_scan_request(request("HOT_BY_OPTION_VOLUME")).ok());
  auto futures = request("TOP_PERC_GAIN");
  futures.subscription.instrument = "FUT.US";
  EXPECT_FALSE(parse_scan_request(futures).ok());
  EXPECT_FALSE(parse_scan_request(request("TOP_PERC_GAIN", {{"priceAbove", "five"}})).ok());
  EXPECT_TRUE(parse_scan_request(request("TOP_PERC_GAIN", {{"someNewTag", "x"}})).ok());
  EXPECT_NE(scanner_parameters_xml().find("<ScanParameterResponse>"), std::string::npos);
}

}  // namespace
}  // namespace ibtrade::sim
