#include "engine/orders/order_table.hpp"

#include <new>
#include <utility>

namespace ibtrade::engine {

OrderTable::~OrderTable() {
  // The arena only releases memory: each record's strings are freed here.
  for (ManagedOrder* record : records_)
    record->~ManagedOrder();
}

ManagedOrder& OrderTable::insert(Order&& order, std::uint64_t hash) {
  if (records_.size() == records_.capacity()) records_.reserve(2 * records_.size() + 16);
  void* memory = arena_.allocate(sizeof(ManagedOrder), alignof(ManagedOrder));
  auto* record = new (memory) ManagedOrder(std::move(order));
  records_.push_back(record);  // room was made above: cannot throw and leak the record
  index_.add(record, hash);
  return *record;
}

}  // namespace ibtrade::engine
