// The benchmarks' main: the process first takes the allocator policy `ibtrade` itself runs with
// (adapters/system/allocator.hpp), so that memory freed by one iteration's engine is reused by
// the next as it is in the application; then Google Benchmark's usual command line.
#include <cstdio>

#include <benchmark/benchmark.h>

#include "adapters/system/allocator.hpp"

int main(int argc, char** argv) {
  const bool kept = ibtrade::keep_freed_memory();
  benchmark::AddCustomContext("allocator", kept ? "keep_freed_memory" : "C library default");
  if (!kept) std::fprintf(stderr, "warning: the allocator policy was refused; defaults apply\n");
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
