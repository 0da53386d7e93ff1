#include "engine/orders/order_table.hpp"

#include <new>
#include <utility>

namespace ibtrade::engine {

OrderTable::~OrderTable() {
  // The arena only releases memory: each record's strings are freed here.
  for (ManagedOrder* record : records_)
    record->~ManagedOrder();
}

template <class... Args>
ManagedOrder& OrderTable::make(Args&&... args) {
  if (records_.size() == records_.capacity()) records_.reserve(2 * records_.size() + 16);
  void* memory = arena_.allocate(sizeof(ManagedOrder), alignof(ManagedOrder));
  auto* record = new (memory) ManagedOrder(std::forward<Args>(args)...);
  records_.push_back(record);  // room was made above: cannot throw and leak the record
  return *record;
}

ManagedOrder& OrderTable::insert(Order&& order, std::uint64_t hash) {
  return adopt(make(std::move(order)), hash);
}

ManagedOrder& OrderTable::blank() {
  if (blanks_.empty()) return make();
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
