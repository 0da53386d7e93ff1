#include "adapters/system/allocator.hpp"

#include <cstdlib>
#include <memory>

#include <gtest/gtest.h>
#include <malloc.h>

namespace ibtrade {
namespace {

// A sanitizer build replaces malloc with its own, which ignores these settings.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kGlibcMalloc = false;
#else
constexpr bool kGlibcMalloc = true;
#endif

// A freed 8 MiB block stays with the process: its bytes are still counted as the heap's free
// memory (not handed back to the kernel), and the next block of that size reuses them.
TEST(Allocator, KeepsFreedLargeBlocksInTheProcess) {
  if (!kGlibcMalloc) GTEST_SKIP() << "the sanitizer's allocator is not glibc's";
  ASSERT_TRUE(keep_freed_memory());
  constexpr std::size_t kBlock = std::size_t{8} << 20U;
  const struct mallinfo2 before = mallinfo2();
  {
    auto block = std::make_unique<char[]>(kBlock);
    block[0] = 1;
    block[kBlock - 1] = 1;
    const struct mallinfo2 held = mallinfo2();
    EXPECT_EQ(held.hblkhd, before.hblkhd) << "an 8 MiB block was mapped, not taken from the heap";
  }
  const struct mallinfo2 after = mallinfo2();
  EXPECT_GE(after.fordblks, kBlock) << "the freed block was returned to the kernel";
}

TEST(Allocator, RefusesSettingsTheCLibraryCannotTake) {
  AllocatorPolicy policy;
  policy.heap_blocks_up_to = std::size_t{1} << 40U;  // beyond any int
  EXPECT_FALSE(keep_freed_memory(policy));
  if (kGlibcMalloc) {
    EXPECT_TRUE(keep_freed_memory());  // and the defaults apply again
  }
}

}  // namespace
}  // namespace ibtrade
