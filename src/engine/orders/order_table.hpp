// The order manager's records of every order it was ever given, by client order id. Records are
// never removed and never move, so a pointer to one stays valid for the table's lifetime.
// Single-threaded, owned by the order manager.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory_resource>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/order.hpp"
#include "engine/id_index.hpp"
#include "engine/orders/managed_order.hpp"

namespace ibtrade::engine {

// Shaped for the submit path, which looks an id up and then, after validation and risk, adds it:
// the id is hashed once for both. Records come from an arena, one bump of a pointer each.
class OrderTable {
 public:
  OrderTable() = default;
  OrderTable(const OrderTable&) = delete;
  OrderTable& operator=(const OrderTable&) = delete;
  ~OrderTable();

  static std::uint64_t hash_of(const ClientOrderId& id) { return Index::hash_of(id.value()); }

  // The record of `id` (whose hash is `hash`), or null.
  ManagedOrder* find(const ClientOrderId& id, std::uint64_t hash) const {
    return index_.find(id.value(), hash);
  }
  ManagedOrder* find(const ClientOrderId& id) const { return find(id, hash_of(id)); }

  // A new record made from `order`, whose id must be unknown and hash to `hash`.
  ManagedOrder& insert(Order&& order, std::uint64_t hash);

  // A blank record for an order to be built in place; it is not found until adopt().
  ManagedOrder& blank();
  // Indexes `record` (from blank()) under its order's id, which must be unknown and hash to
  // `hash`.
  ManagedOrder& adopt(ManagedOrder& record, std::uint64_t hash) {
    index_.add(&record, hash);
    return record;
  }
  // Takes back a record from blank() that is not to be kept: it is made blank again and handed
  // out by a later blank().
  void recycle(ManagedOrder& record);

  std::size_t size() const { return index_.size(); }

 private:
  struct IdOf {
    std::string_view operator()(const ManagedOrder& record) const {
      return record.order.client_order_id.value();
    }
  };
  using Index = IdIndex<ManagedOrder, IdOf>;

  // Memory for a record, which must then be constructed there and added to records_.
  void* allocate_record();

  std::pmr::monotonic_buffer_resource arena_;
  Index index_;
  std::vector<ManagedOrder*> records_;  // every record, to destroy them with the table
  std::vector<ManagedOrder*> blanks_;   // blank records taken back, to hand out again
};

}  // namespace ibtrade::engine
