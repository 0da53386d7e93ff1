#include "adapters/system/allocator.hpp"
#include "app/cli.hpp"

int main(int argc, char** argv) {
  // Before any thread starts (allocator.hpp). If the C library refuses, runs are only slower.
  (void)ibtrade::keep_freed_memory();
  return ibtrade::app::run_cli(argc, argv);
}
