// Several processes on one store, on each backend: concurrent writers lose no update and
// count a replayed execution once; a writer killed mid-transaction leaves the previous state.
// Children are forked with no store connection open (SQLite must not cross a fork with one).
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "adapters/store/backend_test_support.hpp"
#include "adapters/store/execution_repository.hpp"
#include "adapters/store/state_repository.hpp"
#include "adapters/store/store_test_data.hpp"

namespace ibtrade::store {
namespace {

using testing::make_execution;
using testing::quantity;

class ProcessTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    migrate_all();
    db_.reset();  // children open their own connections
  }

  // Forks a child that runs `work(db)` on its own connection and exits with its result.
  template <class Work>
  pid_t spawn(Work work) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      auto db = connect(url_);
      const int code = db.ok() ? work(**db) : 90;
      ::_exit(code);  // no destructors, no gtest teardown in the child
    }
    return pid;
  }

  static int wait_for(pid_t pid) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  Quantity position_quantity(const std::string& symbol) {
    auto db = reconnect();
    auto p = make_position_repository(*db)->position(testing::account(), symbol);
    EXPECT_TRUE(p.ok());
    return p.ok() && p->has_value() ? (*p)->quantity : Quantity{};
  }
};

TEST_P(ProcessTest, ConcurrentWritersLoseNoUpdateAndCountReplaysOnce) {
  constexpr int kPerWriter = 150;
  // Writer 0 records ids 0..149, writer 1 ids 75..224: 225 distinct fills of one share.
  auto writer = [](int first) {
    return [first](Database& db) {
      auto executions = make_execution_repository(db);
      for (int i = first; i < first + kPerWriter; ++i) {
        auto r = executions->record(
            {{make_execution("w." + std::to_string(i), "SPY", Side::kBuy, "1", "500", i), {}}});
        if (!r.ok()) return 1;
      }
      return 0;
    };
  };
  const pid_t a = spawn(writer(0));
  const pid_t b = spawn(writer(kPerWriter / 2));
  EXPECT_EQ(wait_for(a), 0);
  EXPECT_EQ(wait_for(b), 0);
  EXPECT_EQ(position_quantity("SPY"), quantity("225"));
  auto db = reconnect();
  auto count = db->query("SELECT COUNT(*) FROM executions", {});
  ASSERT_TRUE(count.ok());
  EXPECT_EQ((*count)[0].int64(0), 225);
}

TEST_P(ProcessTest, WriterKilledMidTransactionLeavesPreviousState) {
  {
    auto db = reconnect();
    ASSERT_TRUE(make_execution_repository(*db)
                    ->record({{make_execution("k.1", "QQQ", Side::kBuy, "10", "400", 1), {}}})
                    .ok());
    ASSERT_TRUE(
        make_state_repository(*db)->set("last_execution", "k.1", testing::at_second(1)).ok());
  }
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t child = spawn([&](Database& db) {
    if (!db.begin().ok()) return 1;
    (void)db.execute("UPDATE positions SET quantity = 0", {});
    (void)db.execute("UPDATE service_state SET state_value = 'k.2'", {});
    (void)db.execute("DELETE FROM executions", {});
    const char byte = 'x';
    if (::write(ready[1], &byte, 1) != 1) return 2;
    ::pause();  // killed here, transaction open
    return 3;
  });
  char byte = 0;
  ASSERT_EQ(::read(ready[0], &byte, 1), 1);
  ::kill(child, SIGKILL);
  EXPECT_EQ(wait_for(child), 128 + SIGKILL);
  ::close(ready[0]);
  ::close(ready[1]);

  EXPECT_EQ(position_quantity("QQQ"), quantity("10"));
  auto db = reconnect();
  EXPECT_EQ(make_state_repository(*db)->get("last_execution")->value_or(""), "k.1");
  EXPECT_TRUE(make_execution_repository(*db)->find(ExecutionId("k.1"))->has_value());
  // The store takes writes again.
  EXPECT_EQ(*make_execution_repository(*db)->record(
                {{make_execution("k.2", "QQQ", Side::kBuy, "5", "401", 2), {}}}),
            1);
  EXPECT_EQ(position_quantity("QQQ"), quantity("15"));
}

TEST_P(ProcessTest, WriterKilledWhileRecordingKeepsExecutionsAndPositionConsistent) {
  int progress[2];
  ASSERT_EQ(::pipe(progress), 0);
  const pid_t child = spawn([&](Database& db) {
    auto executions = make_execution_repository(db);
    for (int i = 0;; ++i) {
      auto r = executions->record(
          {{make_execution("r." + std::to_string(i), "IWM", Side::kBuy, "1", "200", i), {}},
           {make_execution("r." + std::to_string(i) + "b", "IWM", Side::kBuy, "2", "200", i), {}}});
      if (!r.ok()) return 1;
      const char byte = 'x';
      if (i == 20 && ::write(progress[1], &byte, 1) != 1) return 2;
    }
  });
  char byte = 0;
  ASSERT_EQ(::read(progress[0], &byte, 1), 1);  // at least 21 batches committed
  ::kill(child, SIGKILL);
  EXPECT_EQ(wait_for(child), 128 + SIGKILL);
  ::close(progress[0]);
  ::close(progress[1]);

  // Whatever instant it died at, each batch is all there or not at all.
  auto db = reconnect();
  auto count = db->query("SELECT COUNT(*) FROM executions", {});
  ASSERT_TRUE(count.ok());
  const std::int64_t executions = (*count)[0].int64(0);
  EXPECT_GE(executions, 42);
  EXPECT_EQ(executions % 2, 0);
  EXPECT_EQ(position_quantity("IWM"), Quantity::from_units(executions / 2 * 3));
}

IBTRADE_STORE_BACKENDS(ProcessTest);

}  // namespace
}  // namespace ibtrade::store
