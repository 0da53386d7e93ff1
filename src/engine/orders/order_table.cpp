#include "engine/orders/order_table.hpp"

#include <new>
#include <utility>

namespace ibtrade::engine {

OrderTable::~OrderTable() {
  // The arena only releases memory: each record's strings are freed here.
  for (ManagedOrder* record : records_)
    record->~ManagedOrder();
}

void* OrderTable::allocate_record() {
  // Room in the list first: once a record is constructed, adding it cannot throw and leak it.
  if (records_.size() == records_.capacity()) records_.reserve(2 * records_.size() + 16);
  return arena_.allocate(sizeof(ManagedOrder), alignof(ManagedOrder));
}

ManagedOrder& OrderTable::insert(Order&& order, std::uint64_t hash) {
  auto* record = new (allocate_record()) ManagedOrder(std::move(order));
  records_.push_back(record);
  return adopt(*record, hash);
}

ManagedOrder& OrderTable::blank() {
  if (blanks_.empty()) {
    // Default-initialized: `ManagedOrder()` would value-initialize, zeroing all of the record
    // before its member initializers run.
    auto* record = new (allocate_record()) ManagedOrder;
    records_.push_back(record);
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
