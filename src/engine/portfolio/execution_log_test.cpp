#include "engine/portfolio/execution_log.hpp"

#include <stdexcept>
#include <string>
#include <vector>

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

// Entries live in blocks of a few hundred: ids on both sides of a block boundary, and ids that
// differ in one byte at every position (the venue's ids count up in the middle), stay apart.
TEST(ExecutionLog, IdsAcrossBlocksAndOneByteApart) {
  ExecutionLog log;
  const std::string base = "0000e0d5.6543a1b2.01.01";
  std::vector<std::string> ids;
  for (std::size_t position = 0; position < base.size(); ++position) {
    for (const char c : std::string("0123456789abcdefghijklmnopqrstuvwxyz.")) {
      std::string id = base;
      id[position] = c;
      if (id == base && !ids.empty()) continue;
      ids.push_back(id);
    }
  }
  std::uint32_t next = 0;
  for (const std::string& id : ids) {
    const auto [index, inserted] = log.insert(id);
    if (inserted) {
      ASSERT_EQ(index, next++) << id;
    }
  }
  ASSERT_GT(log.size(), 512U);
  for (std::uint32_t i = 0; i < log.size(); ++i) {
    const std::string id(log.id(i));
    EXPECT_EQ(log.find(id), i) << id;
    EXPECT_EQ(log.insert(id), std::make_pair(i, false)) << id;
  }
  EXPECT_THROW((void)log.id(static_cast<std::uint32_t>(log.size())), std::out_of_range);
}

// Appended ids are stored unhashed and indexed when a lookup next needs them: every lookup
// finds them, in any mix with inserts, through growth of the buckets and across blocks.
TEST(ExecutionLog, AppendedIdsAreFoundOnceLookedUp) {
  ExecutionLog log;
  EXPECT_EQ(log.append("0000e0d5.6543a1b2.01.01"), 0U);
  EXPECT_EQ(log.append("an-id-longer-than-twenty-four-bytes"), 1U);
  EXPECT_EQ(log.size(), 2U);
  EXPECT_EQ(log.id(1), "an-id-longer-than-twenty-four-bytes");
  EXPECT_EQ(log.find("0000e0d5.6543a1b2.01.01"), 0U);
  EXPECT_EQ(log.find("an-id-longer-than-twenty-four-bytes"), 1U);
  EXPECT_EQ(log.insert("0000e0d5.6543a1b2.01.01"), std::make_pair(0U, false));
  EXPECT_EQ(log.insert("b"), std::make_pair(2U, true));
  EXPECT_EQ(log.append("c"), 3U);
  EXPECT_EQ(log.insert("c"), std::make_pair(3U, false));  // insert indexes it first
  EXPECT_EQ(log.find("b"), 2U);
  EXPECT_EQ(log.find("d"), ExecutionLog::kNotFound);

  // Thousands appended between two lookups: the buckets grow to hold them all at once.
  constexpr std::uint32_t kCount = 5'000;
  for (std::uint32_t i = 4; i < kCount; ++i) {
    ASSERT_EQ(log.append("exec." + std::to_string(i)), i);
    if (i == 3'000) log.reserve(4'000);  // a rehash while some are not indexed yet
  }
  for (std::uint32_t i = 4; i < kCount; ++i) {
    const std::string id = "exec." + std::to_string(i);
    ASSERT_EQ(log.find(id), i) << id;
    ASSERT_EQ(log.id(i), id);
  }
  // Inserts and appends taking turns.
  for (std::uint32_t i = kCount; i < 3 * kCount; i += 2) {
    ASSERT_EQ(log.insert("exec." + std::to_string(i)), std::make_pair(i, true));
    ASSERT_EQ(log.append("late." + std::to_string(i + 1)), i + 1);
  }
  EXPECT_EQ(log.insert("late.5001"), std::make_pair(5'001U, false));
  EXPECT_EQ(log.find("exec.14998"), 14'998U);
  EXPECT_EQ(log.find("late.14999"), 14'999U);
  EXPECT_EQ(log.find("exec.14999"), ExecutionLog::kNotFound);
  EXPECT_EQ(log.size(), 3 * kCount);
}

// probe then add: the order manager's way, which adds an id only once it accepts the execution.
TEST(ExecutionLog, ProbeThenAddIsAnInsertInTwoSteps) {
  ExecutionLog log;
  const ExecutionLog::Probe first = log.probe("0000e0d5.6543a1b2.01.01");
  EXPECT_EQ(first.index(), ExecutionLog::kNotFound);
  EXPECT_EQ(log.size(), 0U);  // a probe adds nothing
  EXPECT_EQ(log.add("0000e0d5.6543a1b2.01.01", first), 0U);
  EXPECT_EQ(log.probe("0000e0d5.6543a1b2.01.01").index(), 0U);
  EXPECT_EQ(log.insert("0000e0d5.6543a1b2.01.01"), std::make_pair(0U, false));
  EXPECT_EQ(log.append("appended"), 1U);
  EXPECT_EQ(log.probe("appended").index(), 1U);  // a probe indexes appended ids first
  for (std::uint32_t i = 2; i < 3'000; ++i) {    // through growth of the buckets
    const std::string id = "exec." + std::to_string(i);
    const ExecutionLog::Probe probe = log.probe(id);
    ASSERT_EQ(probe.index(), ExecutionLog::kNotFound) << id;
    ASSERT_EQ(log.add(id, probe), i);
  }
  for (std::uint32_t i = 2; i < 3'000; ++i) {
    ASSERT_EQ(log.find("exec." + std::to_string(i)), i);
  }
  EXPECT_EQ(log.find("exec.3000"), ExecutionLog::kNotFound);
}

}  // namespace
}  // namespace ibtrade::engine
