#include "engine/portfolio/closed_trade_log.hpp"

namespace ibtrade::engine {

void ClosedTradeLog::add_block() {
  blocks_.push_back(std::make_unique_for_overwrite<RawRecord[]>(kBlockSize));
}

void ClosedTradeLog::add_entry_commission(std::uint32_t index, Money share) {
  add_commission(index, share, &Record::entry_commission, &ClosedTrade::entry_commission);
}

void ClosedTradeLog::add_exit_commission(std::uint32_t index, Money share) {
  add_commission(index, share, &Record::exit_commission, &ClosedTrade::exit_commission);
}

void ClosedTradeLog::add_commission(std::uint32_t index, Money share, Money Record::*in_record,
                                    Money ClosedTrade::*in_value) {
  Record& record = (*this)[index];
  record.*in_record += share;
  record.net_pnl -= share;
  if (index < read_.size()) {
    ClosedTrade& value = read_[index];
    value.*in_value = record.*in_record;
    value.net_pnl = record.net_pnl;
  }
}

std::span<const ClosedTrade> ClosedTradeLog::view() const {
  if (read_.size() < size_) {
    read_.reserve(size_);
    for (auto index = static_cast<std::uint32_t>(read_.size()); index < size_; ++index)
      read_.push_back(value_of((*this)[index]));
  }
  return read_;
}

ClosedTrade ClosedTradeLog::value_of(const Record& record) {
  const bool long_trade = record.side == TradeSide::kLong;
  const Price adverse =
      long_trade ? record.entry_price - record.low : record.high - record.entry_price;
  const Price favorable =
      long_trade ? record.high - record.entry_price : record.entry_price - record.low;
  return ClosedTrade{*record.symbol,
                     record.side,
                     record.quantity,
                     record.entry_time,
                     record.entry_price,
                     record.exit_time,
                     record.exit_price,
                     record.entry_notional,
                     record.gross_pnl,
                     record.entry_commission,
                     record.exit_commission,
                     record.net_pnl,
                     adverse,
                     favorable};
}

}  // namespace ibtrade::engine
