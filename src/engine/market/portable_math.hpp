// exp and log from IEEE-754 basic operations, bit-identical whatever libm the binary links.
// Pure functions; any thread.
#pragma once

namespace ibtrade::engine::market {

// Written out because libm implementations may differ in the last bit, and one flipped bit can
// flip a rounded price.

// e^x with a relative error below 1e-14 (a model needs determinism, not the last bits).
// Saturates: x > 709 gives e^709, x < -745 gives 0.
double portable_exp(double x);

// Natural logarithm of x > 0, absolute error below 1e-14 near 1 and relative error below 1e-14
// elsewhere. Throws std::domain_error for x <= 0 or not finite: that is a bug in the caller.
double portable_log(double x);

}  // namespace ibtrade::engine::market
