// The order manager's records of every order it was ever given, by client order id. Records are
// never removed and never move, so a pointer to one stays valid for the table's lifetime.
// Single-threaded, owned by the order manager.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/order.hpp"
#include "engine/id_index.hpp"
#include "engine/orders/managed_order.hpp"

namespace ibtrade::engine {

// Shaped for the submit path, which looks an id up and then, after validation and risk, adds it:
// the id is hashed once for both. Records come from blocks, one bump of an index each.
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

  // Records are made in blocks and never move: making one is a bump of an index into the last
  // block, and the blocks list every record for the destructor (no list of pointers to grow).
  static constexpr std::size_t kBlockRecords = 64;
  struct Block {
    alignas(ManagedOrder) std::byte bytes[kBlockRecords * sizeof(ManagedOrder)];
    void* memory(std::size_t i) { return bytes + i * sizeof(ManagedOrder); }
    ManagedOrder* record(std::size_t i) {
      return std::launder(static_cast<ManagedOrder*>(memory(i)));
    }
  };
  // Where the next record is to be constructed; it counts as made once made_record() says so,
  // so that a constructor that throws leaves nothing for the destructor.
  void* next_record() {
    if (used_in_last_ == kBlockRecords) add_block();
    return blocks_.back()->memory(used_in_last_);
  }
  void made_record() { ++used_in_last_; }
  void add_block();

  Index index_;
  std::vector<std::unique_ptr<Block>> blocks_;  // every record, in the order made
  std::size_t used_in_last_ = kBlockRecords;    // records made in blocks_.back()
  std::vector<ManagedOrder*> blanks_;           // blank records taken back, to hand out again
};

}  // namespace ibtrade::engine
