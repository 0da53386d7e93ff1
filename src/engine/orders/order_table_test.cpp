// The order table's records come from blocks: they never move, are found by id once indexed,
// and blank records taken back are handed out again.
#include "engine/orders/order_table.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ibtrade::engine {
namespace {

Order order_with_id(const std::string& id) {
  Order order;
  order.client_order_id = ClientOrderId{id};
  order.contract.symbol = "AAPL";
  order.quantity = Quantity::from_units(1);
  return order;
}

ManagedOrder& insert(OrderTable& table, const std::string& id) {
  Order order = order_with_id(id);
  const std::uint64_t hash = OrderTable::hash_of(order.client_order_id);
  return table.insert(std::move(order), hash);
}

TEST(OrderTable, RecordsAcrossManyBlocksStayWhereTheyWereMadeAndAreFoundById) {
  OrderTable table;
  std::vector<const ManagedOrder*> made;
  for (int i = 0; i < 300; ++i)
    made.push_back(&insert(table, "o-" + std::to_string(i)));

  EXPECT_EQ(table.size(), 300u);
  for (int i = 0; i < 300; ++i) {
    const ClientOrderId id{"o-" + std::to_string(i)};
    EXPECT_EQ(table.find(id), made[static_cast<std::size_t>(i)]) << id.value();
    EXPECT_EQ(made[static_cast<std::size_t>(i)]->order.client_order_id, id);
  }
  EXPECT_EQ(table.find(ClientOrderId{"o-300"}), nullptr);
}

TEST(OrderTable, ABlankIsFoundOnlyOnceAdoptedAndARecycledOneComesBackBlank) {
  OrderTable table;
  insert(table, "first");

  ManagedOrder& blank = table.blank();
  blank.order = order_with_id("drafted");
  blank.order.oca_group = "group";
  EXPECT_EQ(table.find(ClientOrderId{"drafted"}), nullptr);
  table.recycle(blank);

  ManagedOrder& again = table.blank();
  EXPECT_EQ(&again, &blank);
  EXPECT_TRUE(again.order.client_order_id.value().empty());
  EXPECT_TRUE(again.order.oca_group.empty());
  again.order = order_with_id("adopted");
  table.adopt(again, OrderTable::hash_of(again.order.client_order_id));
  EXPECT_EQ(table.find(ClientOrderId{"adopted"}), &again);

  // A fresh blank after the recycled one is used: a new record, not the adopted one.
  ManagedOrder& fresh = table.blank();
  EXPECT_NE(&fresh, &again);
  table.recycle(fresh);
  EXPECT_EQ(table.size(), 2u);
}

}  // namespace
}  // namespace ibtrade::engine
