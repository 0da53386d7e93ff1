#include "engine/portfolio/lot.hpp"

#include <gtest/gtest.h>

namespace ibtrade::engine {
namespace {

Lot lot_number(int n) {
  Lot lot;
  lot.quantity = Quantity::from_units(n);
  lot.fill = static_cast<std::uint32_t>(n);
  return lot;
}

TEST(LotQueue, IsFirstInFirstOutThroughCompaction) {
  LotQueue lots;
  EXPECT_TRUE(lots.empty());
  int next_in = 0;
  int next_out = 0;
  // Push three, pop two, many times over: the head passes the compaction threshold repeatedly.
  for (int round = 0; round < 200; ++round) {
    for (int i = 0; i < 3; ++i) {
      lots.push_back(lot_number(next_in++));
    }
    for (int i = 0; i < 2; ++i) {
      ASSERT_EQ(lots.front().fill, static_cast<std::uint32_t>(next_out));
      lots.pop_front();
      ++next_out;
    }
    ASSERT_EQ(lots.size(), static_cast<std::size_t>(next_in - next_out));
    std::uint32_t expected = static_cast<std::uint32_t>(next_out);
    for (const Lot& lot : lots) {
      ASSERT_EQ(lot.fill, expected++);
    }
    ASSERT_EQ(lots[0].fill, static_cast<std::uint32_t>(next_out));
  }
  while (!lots.empty()) {
    ASSERT_EQ(lots.front().fill, static_cast<std::uint32_t>(next_out++));
    lots.pop_front();
  }
  EXPECT_EQ(next_out, next_in);
  EXPECT_EQ(lots.size(), 0U);
}

TEST(LotQueue, FrontIsMutable) {
  LotQueue lots;
  lots.push_back(lot_number(5));
  lots.front().quantity = Quantity::from_units(2);
  EXPECT_EQ(lots[0].quantity, Quantity::from_units(2));
  lots.view()[0].fill = 9;
  EXPECT_EQ(lots.front().fill, 9U);
}

}  // namespace
}  // namespace ibtrade::engine
