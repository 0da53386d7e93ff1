#include "services/sim/contract_book.hpp"

namespace ibtrade::sim {

ContractBook::ContractBook(std::span<const SourceSymbol> symbols) {
  for (const SourceSymbol& s : symbols) {
    SimContract c;
    c.index = contracts_.size();
    c.con_id = kFirstConId + static_cast<std::int64_t>(c.index);
    c.symbol = s.symbol;
    c.long_name = s.name;
    // A fixed, seed-independent split between the two big listing venues.
    c.primary_exchange = c.index % 3 == 2 ? "NYSE" : "NASDAQ";
    by_symbol_.emplace(c.symbol, contracts_.size());
    contracts_.push_back(std::move(c));
  }
}

const SimContract* ContractBook::find_symbol(const std::string& symbol) const {
  auto it = by_symbol_.find(symbol);
  return it == by_symbol_.end() ? nullptr : &contracts_[it->second];
}

const SimContract* ContractBook::resolve(const tws::WireContract& wire) const {
  if (!wire.sec_type.empty() && wire.sec_type != "STK") return nullptr;
  if (!wire.currency.empty() && wire.currency != "USD") return nullptr;
  if (wire.con_id != 0) {
    const std::int64_t index = wire.con_id - kFirstConId;
    if (index < 0 || index >= static_cast<std::int64_t>(contracts_.size())) return nullptr;
    const SimContract& c = contracts_[static_cast<std::size_t>(index)];
    // A conId with a contradicting symbol is ambiguous for IB too.
    if (!wire.symbol.empty() && wire.symbol != c.symbol) return nullptr;
    return &c;
  }
  if (!wire.symbol.empty()) return find_symbol(wire.symbol);
  if (!wire.local_symbol.empty()) return find_symbol(wire.local_symbol);
  return nullptr;
}

tws::WireContract ContractBook::wire(const SimContract& c) const {
  tws::WireContract w;
  w.con_id = c.con_id;
  w.symbol = c.symbol;
  w.sec_type = "STK";
  w.exchange = "SMART";
  w.primary_exchange = c.primary_exchange;
  w.currency = "USD";
  w.local_symbol = c.symbol;
  w.trading_class = c.primary_exchange == "NASDAQ" ? "NMS" : c.symbol;
  return w;
}

Contract ContractBook::core(const SimContract& c) const {
  Contract contract = us_stock(c.symbol, c.primary_exchange);
  contract.con_id = ConId(c.con_id);
  return contract;
}

tws::ContractDetails ContractBook::details(const SimContract& c, double min_tick,
                                           const std::string& trading_hours,
                                           const std::string& liquid_hours) const {
  tws::ContractDetails d;
  d.contract = wire(c);
  d.market_name = d.contract.trading_class;
  d.min_tick = min_tick;
  d.order_types =
      "ACTIVETIM,AD,ALERT,ALLOC,DAY,GAT,GTC,GTD,IOC,LIT,LMT,LOC,MIT,MKT,MOC,OPG,STP,"
      "STPLMT,TRAIL,WHATIF";
  d.valid_exchanges = "SMART," + c.primary_exchange + ",ARCA,BATS,IEX";
  d.price_magnifier = 1;
  d.long_name = c.long_name + " (SIMULATED)";
  d.industry = "Simulated";
  d.category = "Simulated";
  d.subcategory = "Simulated";
  d.time_zone_id = "US/Eastern";
  d.trading_hours = trading_hours;
  d.liquid_hours = liquid_hours;
  d.sec_id_list = {{"ISIN", "XS" + std::to_string(c.con_id) + "0"}};
  d.agg_group = 1;
  d.market_rule_ids = "26,26,26,26,26";
  d.stock_type = "COMMON";
  d.min_size = Quantity::from_units(1);
  d.size_increment = Quantity::from_units(1);
  d.suggested_size_increment = Quantity::from_units(100);
  return d;
}

}  // namespace ibtrade::sim
