#include "engine/market/portable_math.hpp"

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace ibtrade::engine::market {
namespace {

// ln 2 split so that k * kLn2Hi is exact for |k| < 2^11 (fdlibm's constants).
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double kSqrtHalf = 0.70710678118654752440;

// Series coefficients as constants: a Horner chain of multiplications instead of one division
// per term (which made exp the generator's hot spot). Constant folding rounds exactly, so these
// are the same doubles on every compiler.
constexpr int kExpDegree = 11;  // |r| <= ln2/2: the first dropped term is below 7e-15
constexpr std::array<double, kExpDegree + 1> kInverseFactorials = [] {
  std::array<double, kExpDegree + 1> c{};
  double factorial = 1.0;
  for (int n = 0; n <= kExpDegree; ++n) {
    if (n > 0) factorial *= static_cast<double>(n);
    c[static_cast<std::size_t>(n)] = 1.0 / factorial;
  }
  return c;
}();

constexpr int kLogTerms = 9;  // z = s^2 < 0.0295: the first dropped term is below 1e-15
constexpr std::array<double, kLogTerms> kInverseOdds = [] {
  std::array<double, kLogTerms> c{};
  for (int n = 0; n < kLogTerms; ++n)
    c[static_cast<std::size_t>(n)] = 1.0 / static_cast<double>(2 * n + 1);
  return c;
}();

// 2^k built from its bits (exact, and cheaper than ldexp), for the normal range of k.
double power_of_two(int k) {
  if (k < -1022 || k > 1023) return std::ldexp(1.0, k);
  return std::bit_cast<double>(static_cast<std::uint64_t>(k + 1023) << 52U);
}

}  // namespace

double portable_exp(double x) {
  if (x != x) throw std::domain_error("portable_exp of NaN");
  if (x > 709.0) x = 709.0;
  if (x < -745.0) return 0.0;
  // x = k ln2 + r with |r| <= ln2 / 2; e^r by its Taylor series, then scaled by 2^k (exact).
  const double k = std::floor(x * kInvLn2 + 0.5);
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  double sum = kInverseFactorials[kExpDegree];
  for (int n = kExpDegree - 1; n >= 0; --n)
    sum = sum * r + kInverseFactorials[static_cast<std::size_t>(n)];
  const int exponent = static_cast<int>(k);
  // Split the scaling near the ends of the range so that neither factor overflows.
  if (exponent > 1023 || exponent < -1022) {
    return sum * power_of_two(exponent / 2) * power_of_two(exponent - exponent / 2);
  }
  return sum * power_of_two(exponent);
}

double portable_log(double x) {
  if (!(x > 0.0) || !std::isfinite(x)) throw std::domain_error("portable_log needs a finite x > 0");
  // x = m 2^e with m in [sqrt(1/2), sqrt(2)); frexp and the scaling are exact.
  int e = 0;
  double m = std::frexp(x, &e);
  if (m < kSqrtHalf) {
    m *= 2.0;
    --e;
  }
  // ln m = 2 atanh(s) with s = (m - 1) / (m + 1), |s| < 0.172: a short odd series.
  const double f = m - 1.0;
  const double s = f / (2.0 + f);
  const double z = s * s;
  double series = kInverseOdds[kLogTerms - 1];
  for (int n = kLogTerms - 2; n >= 0; --n)
    series = series * z + kInverseOdds[static_cast<std::size_t>(n)];
  const double ed = static_cast<double>(e);
  return ed * kLn2Hi + (ed * kLn2Lo + 2.0 * s * series);
}

}  // namespace ibtrade::engine::market
