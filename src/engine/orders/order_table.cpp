#include "engine/orders/order_table.hpp"

#include <new>
#include <utility>

namespace ibtrade::engine {

OrderTable::~OrderTable() {
  // Blocks only hold memory: each record is destroyed here. Every block is full but the last.
  for (std::size_t b = 0; b < blocks_.size(); ++b) {
    const std::size_t made = b + 1 == blocks_.size() ? used_in_last_ : kBlockRecords;
    for (std::size_t i = 0; i < made; ++i)
      blocks_[b]->record(i)->~ManagedOrder();
  }
}

void OrderTable::add_block() {
  blocks_.push_back(std::make_unique_for_overwrite<Block>());
  used_in_last_ = 0;
}

ManagedOrder& OrderTable::insert(Order&& order, std::uint64_t hash) {
  auto* record = new (next_record()) ManagedOrder(std::move(order));
  made_record();
  return adopt(*record, hash);
}

ManagedOrder& OrderTable::blank() {
  if (blanks_.empty()) {
    // Default-initialized: `ManagedOrder()` would value-initialize, zeroing all of the record
    // before its member initializers run.
    auto* record = new (next_record()) ManagedOrder;
    made_record();
    return *record;
  }
  ManagedOrder* record = blanks_.back();
  blanks_.pop_back();
  return *record;
}

void OrderTable::recycle(ManagedOrder& record) {
  // Only the order was filled in: the rest of a record changes once it is adopted.
  record.order = Order();
  blanks_.push_back(&record);
}

}  // namespace ibtrade::engine
