// ContractBook: the simulated universe (the BarSource's symbols) as IB contracts: a stable conId,
// listing exchange and contract details per symbol, and the lookup IB does for a request's contract
// (by conId, else by symbol; anything else is "no security definition", error 200). Immutable after
// construction; single-threaded use on the simulator's io thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "adapters/tws/messages/common.hpp"
#include "adapters/tws/messages/contracts.hpp"
#include "core/contract.hpp"
#include "services/sim/bar_source.hpp"

namespace ibtrade::sim {

struct SimContract {
  std::size_t index = 0;  // in the BarSource
  std::int64_t con_id = 0;
  std::string symbol;
  std::string long_name;
  std::string primary_exchange;  // NASDAQ or NYSE
};

class ContractBook {
 public:
  static constexpr std::int64_t kFirstConId = 700'000'001;

  explicit ContractBook(std::span<const SourceSymbol> symbols);

  std::size_t size() const { return contracts_.size(); }
  const SimContract& at(std::size_t index) const { return contracts_.at(index); }
  const std::vector<SimContract>& all() const { return contracts_; }
  // What IB would resolve: a US stock (secType "" or STK, currency "" or USD) by conId when one
  // is given, else by symbol (or local symbol).
  const SimContract* resolve(const tws::WireContract& wire) const;
  const SimContract* find_symbol(const std::string& symbol) const;

  // The contract as messages about it carry it (exchange SMART).
  tws::WireContract wire(const SimContract& c) const;
  // The core contract the venue and ledger see.
  Contract core(const SimContract& c) const;
  // CONTRACT_DATA's details; `trading_hours`/`liquid_hours` in IB's "yyyymmdd:hhmm-..." form.
  tws::ContractDetails details(const SimContract& c, double min_tick,
                               const std::string& trading_hours,
                               const std::string& liquid_hours) const;

 private:
  std::vector<SimContract> contracts_;
  std::map<std::string, std::size_t, std::less<>> by_symbol_;
};

}  // namespace ibtrade::sim
