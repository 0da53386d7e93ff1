#include "engine/sim/id_table.hpp"

#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include <gtest/gtest.h>

namespace ibtrade::engine {
namespace {

ClientOrderId id(std::uint64_t n) {
  return ClientOrderId{"o-" + std::to_string(n)};
}

TEST(IdTable, FindsWhatWasAddedAndNothingElse) {
  IdTable<int> table;
  EXPECT_EQ(table.find(id(1)), nullptr);
  auto [a, added] = table.try_emplace(id(1));
  ASSERT_TRUE(added);
  EXPECT_EQ(a->id, id(1));
  EXPECT_EQ(a->record, 0);
  a->record = 7;
  auto [again, added_again] = table.try_emplace(id(1));
  EXPECT_FALSE(added_again);
  EXPECT_EQ(again, a);
  EXPECT_EQ(table.find(id(1))->record, 7);
  EXPECT_EQ(table.find(id(2)), nullptr);
  EXPECT_EQ(table.size(), 1u);
}

// Reserving before, between and after adds (also less than is held) loses and moves nothing.
TEST(IdTable, ReserveKeepsEveryEntryFindable) {
  IdTable<int> table;
  table.reserve(100);
  std::vector<IdTable<int>::Entry*> entries;
  for (int i = 0; i < 300; ++i) {
    if (i == 50) table.reserve(10);
    if (i == 150) table.reserve(5'000);
    entries.push_back(table.try_emplace(id(static_cast<std::uint64_t>(i))).first);
    entries.back()->record = i;
  }
  table.erase(entries[7]);
  EXPECT_EQ(table.size(), 299u);
  for (int i = 0; i < 300; ++i) {
    const auto* found = table.find(id(static_cast<std::uint64_t>(i)));
    if (i == 7) {
      EXPECT_EQ(found, nullptr);
      continue;
    }
    ASSERT_EQ(found, entries[static_cast<std::size_t>(i)]) << i;
    EXPECT_EQ(found->record, i);
  }
}

TEST(IdTable, EntriesKeepTheirAddressWhileTheTableGrows) {
  IdTable<int> table;
  std::vector<IdTable<int>::Entry*> entries;
  for (int i = 0; i < 1000; ++i) {
    entries.push_back(table.try_emplace(id(static_cast<std::uint64_t>(i))).first);
    entries.back()->record = i;
  }
  for (int i = 0; i < 1000; ++i) {
    EXPECT_EQ(table.find(id(static_cast<std::uint64_t>(i))), entries[static_cast<std::size_t>(i)]);
    EXPECT_EQ(entries[static_cast<std::size_t>(i)]->record, i);
  }
}

// Entries come from chunks: filling several of them, with erasures between, keeps every address
// and record, and an erased entry is handed out again before a chunk's unused ones.
TEST(IdTable, EntriesFromSeveralChunksStayPut) {
  IdTable<int> table;
  std::vector<IdTable<int>::Entry*> entries;
  for (int i = 0; i < 700; ++i) {
    entries.push_back(table.try_emplace(id(static_cast<std::uint64_t>(i))).first);
    entries.back()->record = i;
  }
  table.erase(entries[300]);
  auto [reused, added] = table.try_emplace(id(5'000));
  ASSERT_TRUE(added);
  EXPECT_EQ(reused, entries[300]);
  EXPECT_EQ(reused->record, 0);
  for (int i = 0; i < 700; ++i) {
    if (i == 300) continue;
    ASSERT_EQ(table.find(id(static_cast<std::uint64_t>(i))), entries[static_cast<std::size_t>(i)]);
    EXPECT_EQ(entries[static_cast<std::size_t>(i)]->record, i);
  }
}

TEST(IdTable, ErasedEntriesAreReusedWithAFreshRecord) {
  IdTable<int> table;
  auto* first = table.try_emplace(id(1)).first;
  first->record = 5;
  table.erase(first);
  EXPECT_EQ(table.find(id(1)), nullptr);
  EXPECT_EQ(table.size(), 0u);
  auto [reused, added] = table.try_emplace(id(2));
  EXPECT_TRUE(added);
  EXPECT_EQ(reused, first);
  EXPECT_EQ(reused->id, id(2));
  EXPECT_EQ(reused->record, 0);
}

// Adds and erases at random against std::unordered_map, erasing from the middle of probe runs
// (the backward shift) and letting the table grow several times.
TEST(IdTable, AgreesWithAReferenceMapUnderRandomAddsAndErases) {
  IdTable<std::uint64_t> table;
  std::unordered_map<ClientOrderId, IdTable<std::uint64_t>::Entry*> reference;
  std::mt19937_64 random(42);
  for (int step = 0; step < 200'000; ++step) {
    const std::uint64_t n = random() % 5'000;
    const ClientOrderId key = id(n);
    if (random() % 3 != 0) {
      auto [entry, added] = table.try_emplace(key);
      const auto it = reference.find(key);
      ASSERT_EQ(added, it == reference.end());
      if (added) {
        entry->record = n;
        reference.emplace(key, entry);
      } else {
        ASSERT_EQ(entry, it->second);
      }
    } else if (auto it = reference.find(key); it != reference.end()) {
      table.erase(it->second);
      reference.erase(it);
    }
    ASSERT_EQ(table.size(), reference.size());
  }
  for (std::uint64_t n = 0; n < 5'000; ++n) {
    const auto it = reference.find(id(n));
    auto* entry = table.find(id(n));
    if (it == reference.end()) {
      EXPECT_EQ(entry, nullptr);
    } else {
      ASSERT_EQ(entry, it->second);
      EXPECT_EQ(entry->record, n);
    }
  }
}

}  // namespace
}  // namespace ibtrade::engine
