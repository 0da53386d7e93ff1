#include "engine/portfolio/execution_log.hpp"

#include <string>

#include <gtest/gtest.h>

namespace ibtrade::engine {
namespace {

TEST(ExecutionLog, NumbersIdsInInsertionOrderAndFindsThem) {
  ExecutionLog log;
  EXPECT_EQ(log.find("a"), ExecutionLog::kNotFound);
  EXPECT_EQ(log.insert("0000e0d5.6543a1b2.01.01"), std::make_pair(0U, true));
  EXPECT_EQ(log.insert("b"), std::make_pair(1U, true));
  EXPECT_EQ(log.insert("0000e0d5.6543a1b2.01.01"), std::make_pair(0U, false));
  EXPECT_EQ(log.find("b"), 1U);
  EXPECT_EQ(log.find("0000e0d5.6543a1b2.01.01"), 0U);
  EXPECT_EQ(log.find("0000e0d5.6543a1b2.01.02"), ExecutionLog::kNotFound);
  EXPECT_EQ(log.id(0), "0000e0d5.6543a1b2.01.01");
  EXPECT_EQ(log.id(1), "b");
  EXPECT_EQ(log.size(), 2U);
}

TEST(ExecutionLog, KeepsEveryIdThroughGrowth) {
  ExecutionLog log;
  constexpr std::uint32_t kCount = 20'000;
  for (std::uint32_t i = 0; i < kCount; ++i) {
    ASSERT_EQ(log.insert("exec." + std::to_string(i)), std::make_pair(i, true));
  }
  log.reserve(50'000);  // rehashes the table; nothing may move
  for (std::uint32_t i = 0; i < kCount; ++i) {
    const std::string id = "exec." + std::to_string(i);
    ASSERT_EQ(log.find(id), i);
    ASSERT_EQ(log.insert(id), std::make_pair(i, false));
    ASSERT_EQ(log.id(i), id);
  }
  EXPECT_EQ(log.find("exec.20000"), ExecutionLog::kNotFound);
  EXPECT_EQ(log.size(), kCount);
}

// Ids up to 24 bytes are kept in their entry, longer ones apart: every length reads back whole.
TEST(ExecutionLog, KeepsIdsOfEveryLength) {
  ExecutionLog log;
  const std::string letters = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";
  for (std::uint32_t n = 0; n <= 40; ++n) {
    ASSERT_EQ(log.insert(letters.substr(0, n)), std::make_pair(n, true)) << n;
  }
  for (std::uint32_t n = 0; n <= 40; ++n) {
    const std::string id = letters.substr(0, n);
    EXPECT_EQ(log.id(n), id);
    EXPECT_EQ(log.find(id), n);
    EXPECT_EQ(log.insert(id), std::make_pair(n, false));
    if (n > 0) {
      std::string other = id;
      other.back() = '#';  // same length, last byte differs
      EXPECT_EQ(log.find(other), ExecutionLog::kNotFound) << other;
    }
  }
}

TEST(ExecutionLog, EmptyAndPrefixIdsAreDistinct) {
  ExecutionLog log;
  EXPECT_TRUE(log.insert("ab").second);
  EXPECT_TRUE(log.insert("a").second);
  EXPECT_TRUE(log.insert("abc").second);
  EXPECT_EQ(log.find("a"), 1U);
  EXPECT_EQ(log.find("abc"), 2U);
}

}  // namespace
}  // namespace ibtrade::engine
