# ibtrade: the two commands a user needs are `make run` and `make test`.
JOBS ?= 2
TEST_PRESET ?= asan-ubsan
CONFIG ?= config/ibtrade.toml

.PHONY: all setup build run test fuzz bench lint format clean

all: build

setup:
	@scripts/setup

# Release build of the ibtrade binary.
build: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j$(JOBS) --target ibtrade

# Set up, build, then start every available role on the embedded default configuration.
run: build
	./build/release/src/app/ibtrade --config $(CONFIG) up

# Set up, build (AddressSanitizer + UndefinedBehaviorSanitizer) and run every test suite, then
# every fuzzer for 15 s from its seeds (clang, ASan + UBSan; about 2-3 minutes on 2 cores).
test: setup
	@cmake --preset $(TEST_PRESET) >/dev/null
	@cmake --build --preset $(TEST_PRESET) -j$(JOBS)
	@ctest --preset $(TEST_PRESET) -j$(JOBS)
	@JOBS=$(JOBS) scripts/fuzz --smoke

# Longer fuzzing on demand: every fuzzer for FUZZ_SECONDS (default 300) each, $(JOBS) at a time;
# the corpus grows in build/fuzz/corpus between runs. A crash fails with its reproducer.
FUZZ_SECONDS ?= 300
fuzz: setup
	@JOBS=$(JOBS) scripts/fuzz --seconds $(FUZZ_SECONDS)

# Release build of everything, then every benchmark; prints a summary of medians.
bench: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j$(JOBS)
	@bench/run

lint:
	@scripts/lint

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
