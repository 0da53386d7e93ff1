#include "core/ids.hpp"

#include <string>
#include <string_view>
#include <unordered_set>

#include <gtest/gtest.h>

namespace ibtrade {
namespace {

// Every length the copy treats apart (none, 1-3 bytes, 4-7, 8-16, longer), written over ids of
// the same length (copied in place) and of other lengths (the string's own assign).
TEST(StrongId, AssignWritesTheTextOverIdsOfEveryLength) {
  const std::string source = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (std::size_t old_size = 0; old_size <= 33; ++old_size) {
    for (std::size_t size = 0; size <= 33; ++size) {
      ExecutionId id{std::string(old_size, '#')};
      const std::string text = source.substr(size % 3, size);
      id.assign(text);
      EXPECT_EQ(id.value(), text) << old_size << " -> " << size;
      EXPECT_EQ(id.value().size(), size);
      EXPECT_EQ(id.value().c_str()[size], '\0');
    }
  }
}

TEST(StrongId, AssignedIdsCompareAndHashAsBuiltOnes) {
  ClientOrderId written{"macd-cross-1"};
  written.assign("macd-cross-2");
  const ClientOrderId built{"macd-cross-2"};
  EXPECT_EQ(written, built);
  EXPECT_EQ(std::hash<ClientOrderId>{}(written), std::hash<ClientOrderId>{}(built));
  EXPECT_FALSE(written < built || built < written);
  const std::unordered_set<ClientOrderId> ids{built};
  EXPECT_TRUE(ids.contains(written));
}

// A view of the id's own text (the same length) leaves it as it was.
TEST(StrongId, AssignOfItsOwnTextKeepsIt) {
  for (const std::string_view text :
       {"", "a", "abc", "abcde", "abcdefghijk", "abcdefghijklmnopqrstu"}) {
    AccountId id{std::string(text)};
    id.assign(id.value());
    EXPECT_EQ(id.value(), text);
  }
}

// The string keeps its storage: a long id written over a long id allocates nothing new.
TEST(StrongId, AssignKeepsTheStringsStorage) {
  StrategyId id{std::string(40, 'x')};
  const std::size_t capacity = id.value().capacity();
  id.assign(std::string(32, 'y'));
  EXPECT_EQ(id.value().capacity(), capacity);
  EXPECT_EQ(id.value(), std::string(32, 'y'));
}

}  // namespace
}  // namespace ibtrade
