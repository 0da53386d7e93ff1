#include "adapters/system/allocator.hpp"

#include <limits>

#include <malloc.h>

namespace ibtrade {

namespace {

bool set_option(int option, std::size_t value) {
  if (value > static_cast<std::size_t>(std::numeric_limits<int>::max())) return false;
  return mallopt(option, static_cast<int>(value)) == 1;
}

}  // namespace

bool keep_freed_memory(const AllocatorPolicy& policy) {
  // Both are attempted: one refused setting still leaves the other in effect.
  const bool heap = set_option(M_MMAP_THRESHOLD, policy.heap_blocks_up_to);
  const bool kept = set_option(M_TRIM_THRESHOLD, policy.keep_free_up_to);
  return heap && kept;
}

}  // namespace ibtrade
