// A fast, inline hash for short strings such as order and execution ids. Not for adversarial
// input (no seed); stable within a process run only. Pure function, no threading rule.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace ibtrade {

namespace hash_detail {

inline std::uint64_t load(const char* p, std::size_t bytes) {
  std::uint64_t word = 0;
  std::memcpy(&word, p, bytes);  // a constant size: one load, no call
  return word;
}

// The last 1-7 bytes at `p` as a little-endian word, zero above them: what memcpy(&word, p, left)
// gives, built from fixed-size loads that stay inside the text (a memcpy of a variable size is
// a library call, and it was the dearest part of hashing an id).
inline std::uint64_t tail_word(const char* p, std::size_t left, std::size_t total) {
  if (total >= 8) {
    // The 8 bytes ending where the text ends, shifted down to the last `left`.
    return load(p + left - 8, 8) >> (8U * (8U - left));
  }
  if (left >= 4) {
    // Two 4-byte loads that overlap in the middle; the shared bytes are equal, so OR is exact.
    return load(p, 4) | (load(p + left - 4, 4) << (8U * (left - 4U)));
  }
  // 1-3 bytes: first, middle and last (some the same byte, in the same place).
  const auto byte = [p](std::size_t i) {
    return static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8U * i);
  };
  return byte(0) | byte(left / 2) | byte(left - 1);
}

// A text of at most 8 bytes as one word (zero above its bytes): two such texts of the same
// size are equal exactly when their words are.
inline std::uint64_t short_word(std::string_view text) {
  if (text.size() == 8) return load(text.data(), 8);
  return text.empty() ? 0 : tail_word(text.data(), text.size(), text.size());
}

}  // namespace hash_detail

// Text equality without a memcmp call for the short texts that lookups and the bar loop compare
// (symbols, order and strategy ids), small enough to be inlined everywhere: 8-16 bytes as two
// overlapping words, 4-7 as two overlapping half words, 1-3 by their first, middle and last
// bytes (which are all of them); only texts over 16 bytes call memcmp.
inline bool same_bytes(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  if (n >= 8) {
    if (n > 16) return std::memcmp(p, q, n) == 0;
    return hash_detail::load(p, 8) == hash_detail::load(q, 8) &&
           hash_detail::load(p + n - 8, 8) == hash_detail::load(q + n - 8, 8);
  }
  if (n >= 4) {
    return hash_detail::load(p, 4) == hash_detail::load(q, 4) &&
           hash_detail::load(p + n - 4, 4) == hash_detail::load(q + n - 4, 4);
  }
  if (n == 0) return true;
  return p[0] == q[0] && p[n / 2] == q[n / 2] && p[n - 1] == q[n - 1];
}

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
    h = (h ^ hash_detail::tail_word(p, left, text.size())) * kMul;
    h ^= h >> 32U;
  }
  h ^= h >> 29U;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 32U;
  return h;
}

}  // namespace ibtrade
