#include "adapters/tws/order_status_mapping.hpp"

#include <gtest/gtest.h>

namespace ibtrade::tws {
namespace {

using engine::VenueOrderState;

TEST(OrderStatusMapping, EveryStateHasItsIbWordBothWays) {
  for (VenueOrderState state :
       {VenueOrderState::kPendingSubmit, VenueOrderState::kPreSubmitted,
        VenueOrderState::kSubmitted, VenueOrderState::kPendingCancel, VenueOrderState::kCancelled,
        VenueOrderState::kApiCancelled, VenueOrderState::kFilled, VenueOrderState::kInactive}) {
    EXPECT_EQ(venue_state_from_ib(to_ib_status(state)), state) << to_ib_status(state);
  }
  EXPECT_EQ(to_ib_status(VenueOrderState::kPreSubmitted), "PreSubmitted");
  EXPECT_EQ(venue_state_from_ib("ApiPending"), VenueOrderState::kPendingSubmit);
  EXPECT_EQ(venue_state_from_ib("filled"), std::nullopt);  // IB's words are case-sensitive
  EXPECT_EQ(venue_state_from_ib(""), std::nullopt);
}

OrderStatus partly_filled() {
  OrderStatus m;
  m.order_id = 1001;
  m.status = "Submitted";
  m.filled = Quantity::from_units(40);
  m.remaining = Quantity::from_units(60);
  m.avg_fill_price = 150.2549999999;  // a double near 150.255
  m.why_held = "";
  return m;
}

TEST(OrderStatusMapping, AReportWithFixedPointPricesAndOurId) {
  const Timestamp at{std::chrono::seconds(1'772'460'000)};
  auto report = to_order_status_report(partly_filled(), ClientOrderId{"s-7"},
                                       PriceRounding{std::nullopt, 4}, at);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->client_order_id, ClientOrderId{"s-7"});
  EXPECT_EQ(report->broker_order_id, BrokerOrderId{1001});
  EXPECT_EQ(report->state, VenueOrderState::kSubmitted);
  EXPECT_EQ(report->filled, Quantity::from_units(40));
  EXPECT_EQ(report->remaining, Quantity::from_units(60));
  EXPECT_EQ(report->average_fill_price, Price::parse("150.255").value());
  EXPECT_EQ(report->time, at);

  OrderStatus held = partly_filled();
  held.status = "PreSubmitted";
  held.filled = Quantity{};
  held.avg_fill_price = 0.0;  // TWS sends 0 before the first fill
  held.why_held = "locate";
  report = to_order_status_report(held, ClientOrderId{"s-8"}, PriceRounding{}, at);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->average_fill_price, Price{});
  EXPECT_EQ(report->reason, "locate");
}

TEST(OrderStatusMapping, UnknownStatusesAndBadPricesAreErrorsNamingThem) {
  OrderStatus odd = partly_filled();
  odd.status = "Working";
  auto report = to_order_status_report(odd, ClientOrderId{"s-7"}, PriceRounding{}, Timestamp{});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("'Working'"), std::string::npos);

  OrderStatus bad = partly_filled();
  bad.avg_fill_price = 1e300;
  report = to_order_status_report(bad, ClientOrderId{"s-7"}, PriceRounding{}, Timestamp{});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("average fill price"), std::string::npos);
}

}  // namespace
}  // namespace ibtrade::tws
