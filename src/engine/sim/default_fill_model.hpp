// The simulated venue's standard fill rules (docs/simulated-venue.md): market orders at the next
// open or the touch, limits when the price trades through them, stops on the bar's range or on
// prints, trailing stops along an assumed intra-bar path. Single-threaded, like its venue.
#pragma once

#include "engine/sim/fill_model.hpp"

namespace ibtrade::engine {

class DefaultFillModel final : public FillModel {
 public:
  std::optional<FillDecision> match_bar(const OrderTerms& order, MatchState& state, const Bar& bar,
                                        const MatchContext& context, Rng& rng) override;
  std::optional<FillDecision> match_book(const OrderTerms& order, MatchState& state,
                                         const MatchContext& context, Rng& rng) override;
  std::optional<FillDecision> match_trade(const OrderTerms& order, MatchState& state,
                                          const Trade& trade, const MatchContext& context,
                                          Rng& rng) override;
  std::optional<FillDecision> match_auction(const OrderTerms& order, Price price,
                                            const MatchContext& context, Rng& rng) override;
};

// The stop a trailing order keeps `extreme` away from: extreme minus (sell) or plus (buy) the
// trail amount, or the trail percent of it rounded to `tick`.
Price trailing_stop_from(const OrderTerms& order, Price extreme, Price tick);

}  // namespace ibtrade::engine
