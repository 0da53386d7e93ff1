// The capability table: every gate between 157 and 178 switches at its documented version.
#include "adapters/tws/capabilities.hpp"

#include <gtest/gtest.h>

namespace ibtrade::tws {
namespace {

TEST(Capabilities, GatesSwitchAtTheirVersions) {
  struct Gate {
    int version;
    bool Capabilities::*flag;
  };
  const Gate gates[] = {
      {158, &Capabilities::order_duration},
      {160, &Capabilities::order_post_to_ats},
      {162, &Capabilities::order_auto_cancel_parent},
      {164, &Capabilities::contract_size_rules},
      {165, &Capabilities::historical_schedule},
      {166, &Capabilities::advanced_order_reject},
      {169, &Capabilities::manual_order_time},
      {170, &Capabilities::peg_best_peg_mid_offsets},
      {176, &Capabilities::contract_issuer_id},
      {178, &Capabilities::execution_pending_price_revision},
  };
  for (const auto& gate : gates) {
    EXPECT_FALSE(Capabilities::at(gate.version - 1).*gate.flag) << gate.version;
    EXPECT_TRUE(Capabilities::at(gate.version).*gate.flag) << gate.version;
    EXPECT_TRUE(Capabilities::at(kMaxSupportedVersion).*gate.flag) << gate.version;
  }
}

TEST(Capabilities, FaProfileDisappearsAt177) {
  EXPECT_TRUE(Capabilities::at(176).order_fa_profile);
  EXPECT_FALSE(Capabilities::at(177).order_fa_profile);
  EXPECT_FALSE(kCapabilities178.order_fa_profile);
}

TEST(Capabilities, SizeMinTickExistsAtExactly163) {
  EXPECT_FALSE(Capabilities::at(162).contract_size_min_tick);
  EXPECT_TRUE(Capabilities::at(163).contract_size_min_tick);
  EXPECT_FALSE(Capabilities::at(164).contract_size_min_tick);
}

TEST(Capabilities, OnlyTheSupportedRangeIsAccepted) {
  EXPECT_FALSE(capabilities_for(156).ok());
  EXPECT_FALSE(capabilities_for(179).ok());
  for (int v = kMinSupportedVersion; v <= kMaxSupportedVersion; ++v) {
    auto caps = capabilities_for(v);
    ASSERT_TRUE(caps.ok());
    EXPECT_EQ(*caps, Capabilities::at(v));
  }
}

TEST(Capabilities, GateTableListsEachVersionOnceInOrder) {
  for (std::size_t i = 1; i < kVersionGates.size(); ++i) {
    EXPECT_LT(kVersionGates[i - 1].version, kVersionGates[i].version);
  }
  EXPECT_EQ(kVersionGates.front().version, kVersionDuration);
  EXPECT_EQ(kVersionGates.back().version, kVersionPendingPriceRevision);
}

}  // namespace
}  // namespace ibtrade::tws
