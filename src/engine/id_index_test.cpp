#include "engine/id_index.hpp"

#include <deque>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace ibtrade::engine {
namespace {

struct Item {
  std::string id;
  int value = 0;
};
struct IdOf {
  std::string_view operator()(const Item& item) const { return item.id; }
};
using Index = IdIndex<Item, IdOf>;

TEST(IdIndex, FindsWhatWasAddedAcrossGrowth) {
  std::deque<Item> items;  // stable addresses
  Index index;
  EXPECT_EQ(index.find("a", Index::hash_of("a")), nullptr);
  for (int i = 0; i < 1000; ++i) {
    Item& item = items.emplace_back(Item{"order-" + std::to_string(i), i});
    index.add(&item, Index::hash_of(item.id));
  }
  EXPECT_EQ(index.size(), 1000U);
  for (int i = 0; i < 1000; ++i) {
    const std::string id = "order-" + std::to_string(i);
    const Item* found = index.find(id, Index::hash_of(id));
    ASSERT_NE(found, nullptr) << id;
    EXPECT_EQ(found->value, i);
  }
  EXPECT_EQ(index.find("order-1000", Index::hash_of("order-1000")), nullptr);
}

TEST(IdIndex, EqualHashesAreToldApartByTheId) {
  // Every id given the same hash: one probe run, resolved by comparing ids.
  std::deque<Item> items;
  Index index;
  for (int i = 0; i < 40; ++i) {
    Item& item = items.emplace_back(Item{"x" + std::to_string(i), i});
    index.add(&item, 7);
  }
  for (int i = 0; i < 40; ++i) {
    const Item* found = index.find("x" + std::to_string(i), 7);
    ASSERT_NE(found, nullptr);
    EXPECT_EQ(found->value, i);
  }
  EXPECT_EQ(index.find("x40", 7), nullptr);
  EXPECT_EQ(index.find("x1", 8), nullptr);  // a hash with no entries
}

TEST(IdIndex, EmptyAndLongIds) {
  std::deque<Item> items;
  Index index;
  const std::string long_id(100, 'z');
  for (const std::string& id : {std::string(), long_id, long_id + "y"}) {
    Item& item = items.emplace_back(Item{id, static_cast<int>(id.size())});
    index.add(&item, Index::hash_of(id));
  }
  EXPECT_EQ(index.find("", Index::hash_of(""))->value, 0);
  EXPECT_EQ(index.find(long_id, Index::hash_of(long_id))->value, 100);
  EXPECT_EQ(index.find(long_id + "y", Index::hash_of(long_id + "y"))->value, 101);
}

}  // namespace
}  // namespace ibtrade::engine
