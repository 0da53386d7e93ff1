// The ibtrade command line: one binary, one subcommand per role or tool. Runs on the main thread.
#pragma once

namespace ibtrade::app {

// Exit codes of every ibtrade command (docs/cli.md lists them for users).
enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,       // the command ran and failed (I/O error, a role stopped with an error)
  kExitUsage = 2,         // bad command line (unknown flag, missing argument)
  kExitConfig = 3,        // the configuration is invalid (file, environment or --set)
  kExitInput = 4,         // an input file is malformed (a CSV row, a JSON document)
  kExitInterrupted = 130  // stopped by SIGINT/SIGTERM before finishing its work
};

int run_cli(int argc, char** argv);

}  // namespace ibtrade::app
