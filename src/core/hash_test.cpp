#include "core/hash.hpp"

#include <cstring>
#include <random>
#include <string>

#include <gtest/gtest.h>

namespace ibtrade {
namespace {

// The tail of the text as memcpy gives it: the word hash_bytes's fixed-size loads must rebuild.
std::uint64_t memcpy_tail(std::string_view text) {
  const std::size_t left = text.size() % 8;
  std::uint64_t word = 0;
  std::memcpy(&word, text.data() + text.size() - left, left);
  return word;
}

TEST(Hash, TailWordIsTheZeroExtendedLastBytesForEveryLength) {
  std::mt19937_64 rng(7);
  for (std::size_t size = 1; size <= 40; ++size) {
    if (size % 8 == 0) continue;
    for (int i = 0; i < 200; ++i) {
      std::string text(size, '\0');
      for (char& c : text)
        c = static_cast<char>(rng());
      const std::size_t left = size % 8;
      ASSERT_EQ(hash_detail::tail_word(text.data() + size - left, left, size), memcpy_tail(text))
          << "size " << size;
    }
  }
}

TEST(Hash, EqualTextsHashEqualAndOneByteChangesTheHash) {
  for (std::size_t size = 0; size <= 40; ++size) {
    std::string a(size, 'x');
    const std::string b = a;
    EXPECT_EQ(hash_bytes(a), hash_bytes(b));
    if (size > 0) {
      a[size - 1] = 'y';
      EXPECT_NE(hash_bytes(a), hash_bytes(b)) << "size " << size;
    }
  }
}

TEST(Hash, SameBytesIsTextEquality) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 20'000; ++i) {
    // Tiny alphabet and sizes 0-20 (one word, two words, memcmp), so that equal texts and near
    // misses are both common.
    std::string a(rng() % 21, 'a');
    std::string b(rng() % 3 == 0 ? a.size() : rng() % 21, 'a');
    for (char& c : a)
      c = static_cast<char>('a' + rng() % 2);
    for (char& c : b)
      c = static_cast<char>('a' + rng() % 2);
    if (i % 4 == 0) b = a;
    ASSERT_EQ(same_bytes(a, b), a == b) << a << " " << b;
  }
  EXPECT_TRUE(same_bytes("", ""));
  EXPECT_FALSE(same_bytes("A", std::string_view("A\0", 2)));
}

// Every size from 0 to 40 (each inline path and memcmp), a change at every position.
TEST(Hash, SameBytesSeesAChangedByteAnywhere) {
  for (std::size_t size = 0; size <= 40; ++size) {
    std::string a(size, 'a');
    for (std::size_t i = 0; i < size; ++i)
      a[i] = static_cast<char>('a' + i % 26);
    EXPECT_TRUE(same_bytes(a, std::string(a))) << size;
    for (std::size_t i = 0; i < size; ++i) {
      std::string b = a;
      b[i] = '#';
      EXPECT_FALSE(same_bytes(a, b)) << size << " at " << i;
    }
    EXPECT_FALSE(same_bytes(a, a + "x")) << size;
  }
}

}  // namespace
}  // namespace ibtrade
