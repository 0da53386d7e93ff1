#include "engine/portfolio/position_index.hpp"

#include <deque>
#include <string>

#include <gtest/gtest.h>

namespace ibtrade::engine {
namespace {

TEST(PositionIndex, FindsEveryInsertedSymbolThroughGrowthAndNothingElse) {
  std::deque<LedgerPosition> positions;  // stable addresses, like the ledger's map nodes
  PositionIndex index;
  EXPECT_EQ(index.find("AAPL"), nullptr);
  for (int i = 0; i < 300; ++i) {
    // Short and long symbols, and ones that share prefixes, sizes and first words.
    LedgerPosition& added = positions.emplace_back();
    added.symbol = (i % 3 == 0   ? "S"
                    : i % 3 == 1 ? "SYMBOL.LONGER.THAN.8."
                                 : "AB") +
                   std::to_string(i);
    ASSERT_EQ(index.find(added.symbol), nullptr) << added.symbol;
    index.insert(added);
    ASSERT_EQ(index.find(added.symbol), &added);
  }
  EXPECT_EQ(index.size(), 300U);
  for (const LedgerPosition& position : positions) {
    ASSERT_EQ(index.find(position.symbol), &position) << position.symbol;
  }
  EXPECT_EQ(index.find("S"), nullptr);
  EXPECT_EQ(index.find("AB"), nullptr);
  EXPECT_EQ(index.find("S1000"), nullptr);
  EXPECT_EQ(index.find(""), nullptr);
}

TEST(PositionIndex, TheLastHitDoesNotAnswerForAnotherSymbol) {
  std::deque<LedgerPosition> positions;
  PositionIndex index;
  for (const char* symbol : {"MSFT", "MSF", "MSFTX"}) {
    positions.emplace_back().symbol = symbol;
    index.insert(positions.back());
  }
  EXPECT_EQ(index.find("MSFT"), &positions[0]);
  EXPECT_EQ(index.find("MSF"), &positions[1]);
  EXPECT_EQ(index.find("MSFT"), &positions[0]);
  EXPECT_EQ(index.find("MSFTX"), &positions[2]);
  EXPECT_EQ(index.find("MSFTY"), nullptr);
  EXPECT_EQ(index.find(std::string_view("MSFT\0", 5)), nullptr);
}

}  // namespace
}  // namespace ibtrade::engine
