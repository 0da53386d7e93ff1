// The paper account as IB reports it: account values (ACCT_VALUE / ACCOUNT_SUMMARY /
// ACCOUNT_UPDATE_MULTI keys), PORTFOLIO_VALUE and POSITION_DATA rows, computed from the Ledger in
// fixed point and turned into wire text or doubles only here. Pure functions; no threading rule.
#pragma once

#include <string>
#include <vector>

#include "adapters/tws/messages/account.hpp"
#include "engine/portfolio/ledger.hpp"
#include "services/sim/contract_book.hpp"

namespace ibtrade::sim {

struct AccountValueRow {
  std::string key;
  std::string value;
  std::string currency;
};

// Every value, in the order TWS streams them. One says the account is SIMULATED.
std::vector<AccountValueRow> account_values(const engine::Ledger& ledger,
                                            const std::string& account);
// The rows an ACCOUNT_SUMMARY request for `tags` (IB's comma list, "$LEDGER" forms included)
// gets; unknown tags are left out.
std::vector<AccountValueRow> account_summary(const engine::Ledger& ledger,
                                             const std::string& account, const std::string& tags);

std::vector<tws::PortfolioValue> portfolio_values(const engine::Ledger& ledger,
                                                  const ContractBook& contracts,
                                                  const std::string& account);
std::vector<tws::PositionData> positions(const engine::Ledger& ledger,
                                         const ContractBook& contracts, const std::string& account);

}  // namespace ibtrade::sim
