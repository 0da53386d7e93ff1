// Test helper: payloads written the way the protocol doc writes them ("8|1|-1": fields joined
// by '|', each ending in NUL on the wire), so expected bytes come from the doc, not the encoder.
// Header-only, for tests; no threading rule.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace ibtrade::tws::testing {

// "8|1|-1" -> "8\0" "1\0" "-1\0". A trailing '|' ends with an empty field ("4|1|1001|" has 4).
inline std::string doc_payload(std::string_view pipes) {
  std::string out;
  for (char c : pipes)
    out.push_back(c == '|' ? '\0' : c);
  out.push_back('\0');
  return out;
}

// Fields given one by one, each terminated by NUL.
inline std::string fields(std::initializer_list<std::string_view> list) {
  std::string out;
  for (auto f : list) {
    out.append(f);
    out.push_back('\0');
  }
  return out;
}

// The 4-byte big-endian length prefix + payload.
inline std::string framed(std::string_view payload) {
  const std::size_t n = payload.size();
  std::string out;
  out.push_back(static_cast<char>((n >> 24) & 0xff));
  out.push_back(static_cast<char>((n >> 16) & 0xff));
  out.push_back(static_cast<char>((n >> 8) & 0xff));
  out.push_back(static_cast<char>(n & 0xff));
  out.append(payload);
  return out;
}

// Bytes written as the doc's hex dumps: "00 00 00 05 | 34 39 00" (spaces and '|' ignored).
inline std::string hex_bytes(std::string_view hex) {
  std::string out;
  int nibble = -1;
  for (char c : hex) {
    int v = -1;
    if (c >= '0' && c <= '9') v = c - '0';
    if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
    if (v < 0) continue;
    if (nibble < 0) {
      nibble = v;
    } else {
      out.push_back(static_cast<char>(nibble * 16 + v));
      nibble = -1;
    }
  }
  return out;
}

// Number of NUL-terminated fields in a payload.
inline std::size_t field_count(std::string_view payload) {
  std::size_t n = 0;
  for (char c : payload)
    n += c == '\0' ? 1 : 0;
  return n;
}

}  // namespace ibtrade::tws::testing
