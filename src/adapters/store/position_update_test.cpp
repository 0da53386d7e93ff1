#include "adapters/store/position_update.hpp"

#include <gtest/gtest.h>

namespace ibtrade::store {
namespace {

Quantity q(const char* text) {
  return *Quantity::parse(text);
}
Price p(const char* text) {
  return *Price::parse(text);
}

TEST(PositionUpdate, AddingAveragesTheCost) {
  PositionState s = apply_fill({}, Side::kBuy, q("100"), p("10.00"));
  EXPECT_EQ(s, (PositionState{q("100"), p("10")}));
  s = apply_fill(s, Side::kBuy, q("100"), p("11.00"));
  EXPECT_EQ(s, (PositionState{q("200"), p("10.5")}));
}

TEST(PositionUpdate, ReducingKeepsTheCostAndFlatClearsIt) {
  PositionState s{q("200"), p("10.5")};
  s = apply_fill(s, Side::kSell, q("50"), p("12"));
  EXPECT_EQ(s, (PositionState{q("150"), p("10.5")}));
  s = apply_fill(s, Side::kSell, q("150"), p("12"));
  EXPECT_EQ(s, (PositionState{q("0"), p("0")}));
}

TEST(PositionUpdate, CrossingZeroOpensAtTheFillPrice) {
  PositionState s = apply_fill({q("100"), p("10")}, Side::kSell, q("150"), p("9.5"));
  EXPECT_EQ(s, (PositionState{q("-50"), p("9.5")}));
  s = apply_fill(s, Side::kSell, q("50"), p("9.7"));
  EXPECT_EQ(s, (PositionState{q("-100"), p("9.6")}));
}

}  // namespace
}  // namespace ibtrade::store
