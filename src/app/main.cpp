#include "app/cli.hpp"

int main(int argc, char** argv) {
  return ibtrade::app::run_cli(argc, argv);
}
