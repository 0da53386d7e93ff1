// What the process's allocator does with freed memory. By default glibc serves large blocks
// (from 128 KiB, a threshold that moves) with mmap and gives freed memory back to the kernel, so
// every new engine (each run of a backtest grid, each trading day of a long-lived service, each
// simulator reset) has the kernel map and zero the same pages again, one page fault per 4 KiB.
// An engine keeps every order of its day, about 1.3 KB of new memory per order, and those faults
// were about half of the time of an order's whole path (docs/performance.md). Process-wide;
// call once at start, before other threads exist.
#pragma once

#include <cstddef>

namespace ibtrade {

struct AllocatorPolicy {
  // Blocks up to this size come from the heap, which is reused, rather than from mmap, which is
  // returned on free. glibc's ceiling for the setting is 32 MiB on 64-bit.
  std::size_t heap_blocks_up_to = std::size_t{32} << 20U;
  // Free memory at the top of the heap is given back to the kernel only beyond this much.
  std::size_t keep_free_up_to = std::size_t{256} << 20U;
};

// Applies the policy. False if the C library refused a setting (the process then runs with the
// defaults: slower, not wrong).
bool keep_freed_memory(const AllocatorPolicy& policy = {});

}  // namespace ibtrade
