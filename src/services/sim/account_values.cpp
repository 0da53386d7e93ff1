#include "services/sim/account_values.hpp"

#include <set>
#include <sstream>

#include "adapters/tws/mapping.hpp"

namespace ibtrade::sim {
namespace {

std::string money(Money m) {
  return m.rounded(2).to_string();
}

// RegT: 50 % initial, 25 % maintenance margin on the gross position value.
Money half(Money m) {
  return scale(m, 1, 2, 2);
}
Money quarter(Money m) {
  return scale(m, 1, 4, 2);
}

// Average cost per share as IB shows it: the open lots' cost plus their commissions.
Price ib_average_cost(const engine::LedgerPosition& p) {
  if (p.is_flat()) return Price{};
  const Money cost = p.cost_basis.is_negative() ? -p.cost_basis - p.open_commission
                                                : p.cost_basis + p.open_commission;
  return per_unit(cost, p.quantity.abs(), 6);
}

}  // namespace

std::vector<AccountValueRow> account_values(const engine::Ledger& ledger,
                                            const std::string& account) {
  const Money equity = ledger.equity();
  const Money gross = ledger.gross_exposure();
  const Money stocks = ledger.long_value() - ledger.short_value();
  return {
      {"AccountCode", account, ""},
      {"AccountReady", "true", ""},
      {"AccountType", "INDIVIDUAL", ""},
      {"Simulated", "SIMULATED (ibtrade sim paper account)", ""},
      {"Currency", "USD", "USD"},
      {"NetLiquidation", money(equity), "USD"},
      {"TotalCashValue", money(ledger.cash()), "USD"},
      {"SettledCash", money(ledger.cash()), "USD"},
      {"CashBalance", money(ledger.cash()), "USD"},
      {"CashBalance", money(ledger.cash()), "BASE"},
      {"TotalCashBalance", money(ledger.cash()), "BASE"},
      {"NetLiquidationByCurrency", money(equity), "BASE"},
      {"EquityWithLoanValue", money(equity), "USD"},
      {"GrossPositionValue", money(gross), "USD"},
      {"StockMarketValue", money(stocks), "USD"},
      {"BuyingPower", money(ledger.buying_power()), "USD"},
      {"InitMarginReq", money(half(gross)), "USD"},
      {"MaintMarginReq", money(quarter(gross)), "USD"},
      {"AvailableFunds", money(equity - half(gross)), "USD"},
      {"ExcessLiquidity", money(equity - quarter(gross)), "USD"},
      {"UnrealizedPnL", money(ledger.unrealized_pnl()), "USD"},
      {"RealizedPnL", money(ledger.realized_pnl() - ledger.commissions()), "USD"},
      {"DayTradesRemaining", "-1", ""},
      {"Leverage-S", "0", ""},
  };
}

std::vector<AccountValueRow> account_summary(const engine::Ledger& ledger,
                                             const std::string& account, const std::string& tags) {
  std::set<std::string> wanted;
  std::stringstream in(tags);
  std::string tag;
  while (std::getline(in, tag, ','))
    if (!tag.empty()) wanted.insert(tag);
  const bool ledger_tags = wanted.contains("$LEDGER") || wanted.contains("$LEDGER:ALL") ||
                           wanted.contains("$LEDGER:USD");
  std::vector<AccountValueRow> out;
  for (AccountValueRow row : account_values(ledger, account)) {
    if (row.currency == "BASE") continue;
    const bool ledger_key = row.key == "CashBalance" || row.key == "NetLiquidationByCurrency" ||
                            row.key == "UnrealizedPnL" || row.key == "RealizedPnL";
    if (wanted.contains(row.key) || (ledger_tags && ledger_key)) out.push_back(std::move(row));
  }
  if (ledger_tags) out.push_back({"TotalCashBalance", money(ledger.cash()), "USD"});
  return out;
}

std::vector<tws::PortfolioValue> portfolio_values(const engine::Ledger& ledger,
                                                  const ContractBook& contracts,
                                                  const std::string& account) {
  std::vector<tws::PortfolioValue> out;
  for (const auto& [symbol, p] : ledger.positions()) {
    const SimContract* c = contracts.find_symbol(symbol);
    if (c == nullptr) continue;
    tws::PortfolioValue v;
    v.contract = contracts.wire(*c);
    v.contract.exchange.clear();
    v.position = p.quantity;
    v.market_price = tws::to_wire(p.last_price);
    v.market_value = p.market_value().to_double();
    v.average_cost = tws::to_wire(ib_average_cost(p));
    v.unrealized_pnl = (p.unrealized_pnl() - p.open_commission).to_double();
    v.realized_pnl = (p.realized_pnl - (p.commissions - p.open_commission)).to_double();
    v.account = account;
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<tws::PositionData> positions(const engine::Ledger& ledger,
                                         const ContractBook& contracts,
                                         const std::string& account) {
  std::vector<tws::PositionData> out;
  for (const auto& [symbol, p] : ledger.positions()) {
    const SimContract* c = contracts.find_symbol(symbol);
    if (c == nullptr) continue;
    tws::PositionData d;
    d.account = account;
    d.contract = contracts.wire(*c);
    d.contract.exchange = c->primary_exchange;  // TWS reports the listing exchange here
    d.contract.primary_exchange.clear();
    d.position = p.quantity;
    d.avg_cost = tws::to_wire(ib_average_cost(p));
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace ibtrade::sim
