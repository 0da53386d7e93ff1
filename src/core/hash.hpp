// A fast, inline hash for short strings such as order and execution ids. Not for adversarial
// input (no seed); stable within a process run only. Pure function, no threading rule.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace ibtrade {

// Eight bytes at a time with a multiply-xorshift mix, then a finalizer so that both the low
// bits (bucket index) and the high bits (tags) are usable. Ids are 5-30 bytes: std::hash's
// out-of-line Murmur call cost more than the rest of a lookup.
inline std::uint64_t hash_bytes(std::string_view text) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
  std::uint64_t h = static_cast<std::uint64_t>(text.size()) * kMul;
  const char* p = text.data();
  std::size_t left = text.size();
  while (left >= 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, 8);
    h = (h ^ word) * kMul;
    h ^= h >> 32U;
    p += 8;
    left -= 8;
  }
  if (left > 0) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, left);
    h = (h ^ word) * kMul;
    h ^= h >> 32U;
  }
  h ^= h >> 29U;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 32U;
  return h;
}

}  // namespace ibtrade
