// Store hot paths on SQLite (a temp file, WAL, synchronous=FULL) and, when
// STORE_TEST_MYSQL_URL names a server (tests/store/with_mariadb.sh), on MariaDB.
// Targets: recording executions in batched transactions >= 50k/s on SQLite; reading the open
// positions plus the latest account snapshot <= 1 ms.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include "adapters/store/account_repository.hpp"
#include "adapters/store/execution_repository.hpp"
#include "adapters/store/open.hpp"

namespace ibtrade::store {
namespace {

AccountId account() {
  return AccountId("DU1234567");
}
constexpr int kSymbols = 20;

struct Store {
  std::filesystem::path dir;
  std::unique_ptr<Database> db;
  ~Store() {
    db.reset();
    if (!dir.empty()) std::filesystem::remove_all(dir);
  }
};

// A migrated, empty store on the backend named by `mysql`; null (and the benchmark skipped)
// when that backend is not available.
std::unique_ptr<Store> open_bench_store(benchmark::State& state, bool mysql) {
  auto store = std::make_unique<Store>();
  std::string url;
  if (mysql) {
    const char* env = std::getenv("STORE_TEST_MYSQL_URL");
    if (env == nullptr || *env == '\0') {
      state.SkipWithError("STORE_TEST_MYSQL_URL unset: run under tests/store/with_mariadb.sh");
      return nullptr;
    }
    url = env;
    auto db = connect(url);
    if (!db.ok()) {
      state.SkipWithError(db.error().message.c_str());
      return nullptr;
    }
    auto tables = (*db)->query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()", {});
    if (tables.ok()) {
      for (const Row& row : *tables)
        (void)(*db)->execute("DROP TABLE `" + row.text(0) + "`", {});
    }
  } else {
    store->dir = std::filesystem::temp_directory_path() /
                 ("ibtrade-store-bench-" + std::to_string(::getpid()));
    std::filesystem::remove_all(store->dir);
    std::filesystem::create_directories(store->dir);
    url = "sqlite://" + (store->dir / "bench.db").string();
  }
  auto db = open_store(url);
  if (!db.ok()) {
    state.SkipWithError(db.error().message.c_str());
    return nullptr;
  }
  store->db = std::move(db).value();
  return store;
}

ExecutionRecord execution(std::int64_t n) {
  Execution e;
  e.execution_id = ExecutionId("0000e0d5.6543" + std::to_string(100000 + n) + ".01.01");
  e.broker_order_id = BrokerOrderId(n);
  e.perm_id = PermId(1'000'000 + n);
  e.client_order_id = ClientOrderId("bench-" + std::to_string(n));
  e.account_id = account();
  e.contract = us_stock("SYM" + std::to_string(n % kSymbols), "NASDAQ");
  e.side = (n / kSymbols) % 2 == 0 ? Side::kBuy : Side::kSell;
  e.quantity = Quantity::from_units(100);
  e.price = Price::from_raw((15'000 + n % 400) * 10'000'000, 2);
  e.time = Timestamp(std::chrono::seconds(1'700'000'000) + std::chrono::milliseconds(n));
  e.exchange = "ISLAND";
  e.cumulative_quantity = e.quantity;
  e.average_price = e.price;
  CommissionReport c{e.execution_id, Money::from_raw(350'000'000, 2), "USD", std::nullopt};
  return {e, c};
}

// Executions with their commissions and position updates, `range(0)` per transaction.
void record_executions(benchmark::State& state, bool mysql) {
  auto store = open_bench_store(state, mysql);
  if (!store) return;
  auto repository = make_execution_repository(*store->db);
  const auto batch_size = state.range(0);
  std::int64_t next = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<ExecutionRecord> batch;
    batch.reserve(static_cast<std::size_t>(batch_size));
    for (std::int64_t i = 0; i < batch_size; ++i)
      batch.push_back(execution(next++));
    state.ResumeTiming();
    auto added = repository->record(batch);
    if (!added.ok() || *added != batch_size) {
      state.SkipWithError(added.ok() ? "duplicates" : added.error().message.c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * batch_size);
}

void BM_SqliteRecordExecutions(benchmark::State& state) {
  record_executions(state, false);
}
void BM_MariadbRecordExecutions(benchmark::State& state) {
  record_executions(state, true);
}
BENCHMARK(BM_SqliteRecordExecutions)->Arg(1)->Arg(1000)->UseRealTime();
BENCHMARK(BM_MariadbRecordExecutions)->Arg(1)->Arg(1000)->UseRealTime();

// What the risk engine and the dashboard read together: open positions and the account.
void read_positions_and_account(benchmark::State& state, bool mysql) {
  auto store = open_bench_store(state, mysql);
  if (!store) return;
  std::vector<ExecutionRecord> fills;
  for (std::int64_t i = 0; i < kSymbols; ++i)
    fills.push_back(execution(i));
  if (!make_execution_repository(*store->db)->record(fills).ok()) {
    state.SkipWithError("cannot record the setup executions");
    return;
  }
  auto accounts = make_account_repository(*store->db);
  for (int i = 0; i < 100; ++i) {
    const Money m = Money::from_units(100'000 + i, 2);
    (void)accounts->snapshot({account(), Timestamp(std::chrono::seconds(1'700'000'000 + i)), m, m,
                              m, m, Money{}, Money{}});
  }
  auto positions = make_position_repository(*store->db);
  for (auto _ : state) {
    auto open = positions->open_positions(account());
    auto latest = accounts->latest(account());
    if (!open.ok() || open->size() != kSymbols || !latest.ok() || !latest->has_value()) {
      state.SkipWithError("unexpected read result");
      break;
    }
    benchmark::DoNotOptimize(open);
    benchmark::DoNotOptimize(latest);
  }
}

void BM_SqliteOpenPositionsAndAccount(benchmark::State& state) {
  read_positions_and_account(state, false);
}
void BM_MariadbOpenPositionsAndAccount(benchmark::State& state) {
  read_positions_and_account(state, true);
}
BENCHMARK(BM_SqliteOpenPositionsAndAccount)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MariadbOpenPositionsAndAccount)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace ibtrade::store
